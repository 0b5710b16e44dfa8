import { message, post, replyTexts, startServer, type Harness } from './httpHarness';

describe('POST /api/messages and GET /healthz', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startServer();
  });
  afterAll(() => harness.close());

  it('returns the replies in the response body when deliveryMode is expectReplies', async () => {
    const { status, json } = await post(harness.url, message('what helps a cramp right now', { conversation: { id: 'expect-replies' } }));
    expect(status).toBe(200);
    const texts = replyTexts(json);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.join(' ').trim()).not.toBe('');
  });

  it('reports that storage is reachable on /healthz', async () => {
    const response = await fetch(`${harness.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', storage: 'reachable' });
  });
});

describe('GET /healthz when storage fails', () => {
  it('answers 503 and says storage is unreachable', async () => {
    const broken = {
      read: async () => {
        throw new Error('ECONNREFUSED storage account');
      },
      write: async () => undefined,
      delete: async () => undefined,
    };
    const harness = await startServer({ storage: broken });
    try {
      const response = await fetch(`${harness.url}/healthz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'degraded', storage: 'unreachable' });
    } finally {
      await harness.close();
    }
  });
});
