import { RateLimiter, clientAddress } from '../../src/http/rateLimit';
import { message, post, startServer, type Harness } from './httpHarness';

describe('RateLimiter', () => {
  it('allows the limit at once, then refuses with the seconds until the next request is allowed', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 3, windowMs: 10_000 }, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 4 });
    expect(limiter.take('b').allowed).toBe(true);
    now = 3400;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('forgets idle keys and never holds more than its maximum', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 2, windowMs: 1000 }, () => now, 100);
    for (let i = 0; i < 1000; i++) limiter.take(`conversation-${i}`);
    expect(limiter.keys).toBeLessThanOrEqual(100);
    now = 5000;
    limiter.take('fresh');
    expect(limiter.keys).toBe(1);
  });

  it('uses the last X-Forwarded-For hop only behind a trusted proxy', () => {
    const req = { headers: { 'x-forwarded-for': '1.1.1.1, 203.0.113.7:51234' }, socket: { remoteAddress: '10.0.0.1' } } as never;
    expect(clientAddress(req, false)).toBe('10.0.0.1');
    expect(clientAddress(req, true)).toBe('203.0.113.7');
  });
});

describe('rate limits on POST /api/messages', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startServer({
      limits: { perClient: { limit: 8, windowMs: 60_000 }, perConversation: { limit: 3, windowMs: 60_000 } },
    });
  });
  afterAll(() => harness.close());

  it('answers 429 with Retry-After once a conversation sends too much, and other conversations go on', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(harness.url, message('hello', { conversation: { id: 'chatty' } }))).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await post(harness.url, message('hello', { conversation: { id: 'chatty' } }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.json.error.code).toBe('TooManyRequests');
    expect((await post(harness.url, message('hello', { conversation: { id: 'quiet' } }))).status).toBe(200);
  });

  it('answers 429 with Retry-After once a client floods, whatever the conversation', async () => {
    // Six requests so far from this address; the client limit is eight.
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(harness.url, message('hello', { conversation: { id: `flood-${i}` } }))).status);
    expect(statuses).toEqual([200, 200, 429]);
    const refused = await post(harness.url, '{"not even": "an activity"');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('still serves /healthz to a client that is being limited', async () => {
    expect((await fetch(`${harness.url}/healthz`)).status).toBe(200);
  });
});
