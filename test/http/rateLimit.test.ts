import { RateLimiter, clientAddress } from '../../src/http/rateLimit';
import { message, post, replyTexts, startServer, type Harness } from './httpHarness';
import { useStubbedChannel } from './botFrameworkTokens';

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

  it('checks without counting', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 10_000 }, () => 0);
    expect(limiter.check('a').allowed).toBe(true);
    expect(limiter.check('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.check('a').allowed).toBe(false);
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
    const ipv6 = { headers: { 'x-forwarded-for': '[2001:db8::7]:51234' }, socket: {} } as never;
    expect(clientAddress(ipv6, true)).toBe('2001:db8::7');
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
    // The same route spelt with an encoded letter is the same route, and just as limited.
    const encoded = await fetch(`${harness.url}/api/%6dessages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message('hello')) });
    expect(encoded.status).toBe(429);
  });

  it('still serves /healthz to a client that is being limited', async () => {
    expect((await fetch(`${harness.url}/healthz`)).status).toBe(200);
  });
});

describe('rate limits from RATE_LIMIT_CLIENT and RATE_LIMIT_CONVERSATION', () => {
  it('refuses the request over RATE_LIMIT_CONVERSATION', async () => {
    const harness = await startServer({ env: { RATE_LIMIT_CONVERSATION: '2/60s' }, limits: {} });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await post(harness.url, message('hello', { conversation: { id: 'configured' } }))).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await harness.close();
    }
  });

  it('refuses the request over RATE_LIMIT_CLIENT, whatever the conversation', async () => {
    const harness = await startServer({ env: { RATE_LIMIT_CLIENT: '2/60s' }, limits: {} });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await post(harness.url, message('hello', { conversation: { id: `client-${i}` } }))).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await harness.close();
    }
  });

  it('limits nothing when both are off', async () => {
    const harness = await startServer({ env: { RATE_LIMIT_CLIENT: 'off', RATE_LIMIT_CONVERSATION: 'off' }, limits: {} });
    try {
      const statuses = new Set<number>();
      for (let i = 0; i < 80; i++) statuses.add((await post(harness.url, message('hi', { conversation: { id: 'unlimited' } }))).status);
      expect([...statuses]).toEqual([200]);
    } finally {
      await harness.close();
    }
  });
});

describe('the default limits and a Web Chat user', () => {
  it('let a person chat through the built-in Direct Line, with polling, without a single 429', async () => {
    const harness = await startServer({ limits: {} });
    try {
      const domain = `${harness.url}/v3/directline`;
      const started = await fetch(`${domain}/conversations`, { method: 'POST' });
      expect(started.status).toBeLessThan(300);
      const { conversationId, token } = (await started.json()) as { conversationId: string; token: string };
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const statuses: number[] = [];
      let watermark = '';
      const poll = async () => {
        const response = await fetch(`${domain}/conversations/${conversationId}/activities?watermark=${watermark}`, { headers });
        statuses.push(response.status);
        watermark = ((await response.json()) as { watermark?: string }).watermark ?? watermark;
      };
      for (const text of ['hello', 'a cramp right now', 'yes', 'in my calf', 'a few minutes', 'every night', 'no', 'thanks']) {
        const posted = await fetch(`${domain}/conversations/${conversationId}/activities`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ type: 'message', from: { id: 'dl_user' }, text, channelData: { clientActivityID: text } }),
        });
        statuses.push(posted.status);
        for (let i = 0; i < 4; i++) await poll();
      }
      expect(statuses.filter((status) => status >= 300)).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});

describe('rate limits with MICROSOFT_APP_ID set', () => {
  const APP_ID = '0d5c9b8a-4d3f-4a7a-b187-6d4e2a5b1c65';
  const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
  const channel = useStubbedChannel();
  let harness: Harness;
  beforeAll(async () => {
    harness = await startServer({
      env: { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'test-password-not-real' },
      limits: { perClient: { limit: 3, windowMs: 60_000 }, perConversation: { limit: 100, windowMs: 60_000 } },
    });
  });
  afterAll(async () => {
    await harness.close();
  });
  const teams = (id: string) => message('hello', { channelId: 'msteams', serviceUrl: SERVICE_URL, conversation: { id } });

  it('serves the channel service beyond the client limit, and stops an address that keeps sending bad tokens', async () => {
    const valid = { authorization: `Bearer ${channel.sign({ aud: APP_ID, serviceurl: SERVICE_URL })}` };
    for (let i = 0; i < 5; i++) {
      const { status, json } = await post(harness.url, teams(`a:busy-${i}`), valid);
      expect(status).toBe(200);
      expect(replyTexts(json).length).toBeGreaterThan(0);
    }
    const forged = { authorization: 'Bearer forged.token.value' };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(harness.url, teams('a:forged'), forged)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await post(harness.url, teams('a:busy-0'), valid);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

describe('rate limits behind a trusted proxy (TRUST_PROXY=1)', () => {
  it('limits each forwarded client on its own, not the proxy as a whole', async () => {
    const harness = await startServer({ env: { TRUST_PROXY: '1' }, limits: { perClient: { limit: 2, windowMs: 60_000 } } });
    try {
      const from = (address: string, i: number) =>
        post(harness.url, message('hello', { conversation: { id: `proxied-${address}-${i}` } }), { 'x-forwarded-for': `${address}:40000` });
      const first = [await from('198.51.100.1', 1), await from('198.51.100.1', 2), await from('198.51.100.1', 3)].map((r) => r.status);
      expect(first).toEqual([200, 200, 429]);
      expect((await from('198.51.100.2', 1)).status).toBe(200);
    } finally {
      await harness.close();
    }
  });
});
