import nock from 'nock';
import { startDirectLineServer, type DirectLineHarness } from './directlineHarness';

const SECRET = 'dl-secret-4f1c9a77d0b2e-never-show-me';
const DIRECT_LINE = 'https://directline.botframework.com';

const getToken = (url: string) => fetch(`${url}/api/directline/token`, { method: 'POST' });

describe('POST /api/directline/token with DIRECT_LINE_SECRET set', () => {
  let harness: DirectLineHarness;
  beforeAll(async () => {
    harness = await startDirectLineServer({ env: { DIRECT_LINE_SECRET: SECRET } });
  });
  afterAll(() => harness.close());
  afterEach(() => nock.cleanAll());

  it('exchanges the secret server-side for a conversation token bound to an unguessable dl_ user id', async () => {
    let sentUserId = '';
    const scope = nock(DIRECT_LINE, { reqheaders: { authorization: `Bearer ${SECRET}` } })
      .post('/v3/directline/tokens/generate', (body: { user?: { id?: string } }) => {
        sentUserId = body.user?.id ?? '';
        return true;
      })
      .reply(200, { conversationId: 'conv-abc', token: 'conversation-token-xyz', expires_in: 1800 });

    const response = await getToken(harness.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const raw = await response.text();
    expect(JSON.parse(raw)).toEqual({ token: 'conversation-token-xyz', conversationId: 'conv-abc', expiresIn: 1800, userId: sentUserId });
    expect(sentUserId).toMatch(/^dl_[0-9a-f]{32}$/);
    expect(raw).not.toContain(SECRET);
    expect(scope.isDone()).toBe(true);
  });

  it('gives every page its own user id', async () => {
    nock(DIRECT_LINE).post('/v3/directline/tokens/generate').times(2).reply(200, { conversationId: 'c', token: 't', expires_in: 1800 });
    const first = (await (await getToken(harness.url)).json()) as { userId: string };
    const second = (await (await getToken(harness.url)).json()) as { userId: string };
    expect(first.userId).not.toBe(second.userId);
  });

  it('answers 502 with a clear message when Direct Line refuses, without the secret anywhere', async () => {
    nock(DIRECT_LINE).post('/v3/directline/tokens/generate').reply(403, { error: { code: 'BadArgument', message: `secret ${SECRET} is invalid` } });
    const response = await getToken(harness.url);
    expect(response.status).toBe(502);
    const raw = await response.text();
    expect(JSON.parse(raw).error.message).toMatch(/could not start a chat: direct line answered 403/i);
    expect(raw).not.toContain(SECRET);
    expect(harness.logs.join('\n')).not.toContain(SECRET);
    expect(harness.logs.join('\n')).toContain('Direct Line token exchange failed');
  });

  it('answers 502 when Direct Line cannot be reached', async () => {
    nock(DIRECT_LINE).post('/v3/directline/tokens/generate').replyWithError('getaddrinfo ENOTFOUND directline.botframework.com');
    const response = await getToken(harness.url);
    expect(response.status).toBe(502);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/could not be reached/);
  });

  it('answers 502 when Direct Line answers without a token', async () => {
    nock(DIRECT_LINE).post('/v3/directline/tokens/generate').reply(200, { nothing: true });
    expect((await getToken(harness.url)).status).toBe(502);
  });

  it('keeps the secret out of the page, which is told to fetch a token instead', async () => {
    const page = await (await fetch(`${harness.url}/`)).text();
    expect(page).not.toContain(SECRET);
    expect(page).toContain('"directLine":"service"');
    expect(harness.logs.join('\n')).not.toContain(SECRET);
  });
});

describe('POST /api/directline/token under a flood', () => {
  it('answers 429 with Retry-After once a client has asked for 10 tokens in a minute', async () => {
    const harness = await startDirectLineServer({ env: { DIRECT_LINE_SECRET: SECRET } });
    const scope = nock(DIRECT_LINE).post('/v3/directline/tokens/generate').times(10).reply(200, { conversationId: 'c', token: 't', expires_in: 1800 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 10; i += 1) statuses.push((await getToken(harness.url)).status);
      expect(statuses).toEqual(Array(10).fill(200));
      const flooded = await getToken(harness.url);
      expect(flooded.status).toBe(429);
      expect(Number(flooded.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(scope.isDone()).toBe(true);
    } finally {
      nock.cleanAll();
      await harness.close();
    }
  });
});

describe('POST /api/directline/token without DIRECT_LINE_SECRET', () => {
  it('answers 404 and says the page uses the built-in Direct Line', async () => {
    const harness = await startDirectLineServer();
    try {
      const response = await getToken(harness.url);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/DIRECT_LINE_SECRET is not set/);
    } finally {
      await harness.close();
    }
  });
});
