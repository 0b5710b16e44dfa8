import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { startDirectLineServer, type DirectLineHarness } from './directlineHarness';

describe('GET / (the Web Chat page) and its files', () => {
  let harness: DirectLineHarness;
  beforeAll(async () => {
    harness = await startDirectLineServer({ emergencyLine: 'Chest pain or trouble breathing: call 911 now.' });
  });
  afterAll(() => harness.close());

  it('serves the page with the region emergency line under the chat and the built-in Direct Line settings', async () => {
    const response = await fetch(`${harness.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = await response.text();
    expect(page).toContain('Chest pain or trouble breathing: call 911 now.');
    expect(page).toContain('not a diagnosis');
    expect(page).toContain('"directLine":"builtin"');
    expect(page).toContain('<html lang="en-GB">');
    expect(page).toContain('aria-label="Chat with crampbot"');
    expect(page).not.toMatch(/\{\{[A-Z_]+\}\}/);
  });

  it('serves the full Web Chat bundle from node_modules, gzipped when the browser accepts it', async () => {
    const response = await fetch(`${harness.url}/static/webchat.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    const plain = Buffer.from(await response.arrayBuffer());
    expect(plain.length).toBeGreaterThan(1_000_000);
    // The full bundle (not the minimal one) carries Adaptive Cards.
    expect(plain.includes('AdaptiveCard')).toBe(true);

    const gzipped = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      request(`${harness.url}/static/webchat.js`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    expect(gzipped.encoding).toBe('gzip');
    expect(gzipped.body.length).toBeLessThan(plain.length / 2);
    expect(gunzipSync(gzipped.body).equals(plain)).toBe(true);
  });

  it('serves the page script, styles and avatar, and 404 for anything else under /static', async () => {
    for (const [file, type] of [
      ['app.js', 'text/javascript'],
      ['styles.css', 'text/css'],
      ['crampbot.svg', 'image/svg+xml'],
    ]) {
      const response = await fetch(`${harness.url}/static/${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain(type);
    }
    expect((await fetch(`${harness.url}/static/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${harness.url}/static/secrets.env`)).status).toBe(404);
  });

  it('answers 304 when the browser already has the file', async () => {
    const first = await fetch(`${harness.url}/static/app.js`);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await fetch(`${harness.url}/static/app.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves the privacy and terms page (linked from the page and the Teams manifest) from the terms answer', async () => {
    const response = await fetch(`${harness.url}/privacy`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<h1>Privacy and terms</h1>');
    expect(page).toMatch(/forget me/);
    expect(page).toMatch(/after 30 days/);
    expect(page).toContain('Chest pain or trouble breathing: call 911 now.');
    expect(page).not.toMatch(/\{\w+\}|\{\{/);
  });
});
