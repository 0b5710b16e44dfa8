import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { message, post, startServer, type Harness } from './httpHarness';

/** Without MICROSOFT_APP_ID nobody is authenticated, so the bot must not post to URLs a caller picks. */
describe('without an app id, replies only go to a loopback serviceUrl', () => {
  let harness: Harness;
  let channel: HttpServer;
  let channelUrl: string;
  const received: Array<{ url: string; body: any }> = [];
  const leaked: string[] = [];
  // nock reports every request it lets through; the test's own loopback calls are expected.
  const onNoMatch = (req: { href?: string; hostname?: string }) => {
    if (!/^(127\.0\.0\.1|localhost)$/.test(String(req.hostname ?? new URL(req.href ?? 'http://x').hostname))) leaked.push(String(req.href));
  };

  beforeAll(async () => {
    harness = await startServer();
    channel = createHttpServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        received.push({ url: req.url ?? '', body: JSON.parse(raw || '{}') });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${received.length}` }));
      });
    });
    await new Promise<void>((resolve) => channel.listen(0, '127.0.0.1', resolve));
    channelUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}/`;
    nock.emitter.on('no match', onNoMatch);
  });
  afterAll(async () => {
    nock.emitter.removeListener('no match', onNoMatch);
    nock.cleanAll();
    await harness.close();
    await new Promise((resolve) => channel.close(resolve));
  });

  it.each([
    ['a public host', 'https://attacker.example.com/'],
    ['a private address', 'http://10.0.0.5:8080/'],
    ['the cloud metadata address', 'http://169.254.169.254/'],
    ['a name that only looks local', 'http://localhost.attacker.example.com/'],
  ])('refuses %s with 403 and sends nothing there', async (_label, serviceUrl) => {
    const intercepted = nock(new URL(serviceUrl).origin).post(/.*/).reply(200, {});
    const { status, json } = await post(harness.url, message('hello', { serviceUrl, deliveryMode: undefined, conversation: { id: 'relay' } }));
    expect(status).toBe(403);
    expect(json.error.code).toBe('ServiceUrlNotAllowed');
    // Give any stray reply time to be attempted.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(intercepted.isDone()).toBe(false);
    expect(leaked).toEqual([]);
    nock.cleanAll();
  });

  it('refuses a non-loopback serviceUrl even when replies were asked for in the response', async () => {
    const { status } = await post(harness.url, message('hello', { serviceUrl: 'https://attacker.example.com/' }));
    expect(status).toBe(403);
  });

  it('needs a serviceUrl unless the replies come back in the response', async () => {
    const { status } = await post(harness.url, message('hello', { deliveryMode: undefined }));
    expect(status).toBe(400);
  });

  it('posts replies to a loopback serviceUrl (a local channel such as the Emulator)', async () => {
    const { status } = await post(
      harness.url,
      message('hello', { serviceUrl: channelUrl, deliveryMode: undefined, conversation: { id: 'local-channel' } }),
    );
    expect(status).toBe(200);
    expect(received.length).toBeGreaterThan(0);
    expect(received[0].url).toMatch(/^\/v3\/conversations\/local-channel\/activities/);
    expect(received[0].body.type).toBe('message');
  });
});
