import type { AddressInfo } from 'node:net';
import restify, { type Server } from 'restify';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createAdapter } from '../../src/adapter';
import { BuiltInDirectLine } from '../../src/http/directLine';
import { jsonBody } from '../../src/http/jsonBody';
import { DirectLineClient, EchoBot, startDirectLineServer, userMessage, type DirectLineHarness } from './directlineHarness';

const messages = (activities: any[]) => activities.filter((a) => a.type === 'message');

describe('the built-in Direct Line (what Web Chat uses with webSocket: false)', () => {
  let harness: DirectLineHarness;
  beforeAll(async () => {
    harness = await startDirectLineServer();
  });
  afterAll(() => harness.close());

  it('echoes the user message with its clientActivityID, then streams the bot reply after it', async () => {
    const client = new DirectLineClient(harness.url);
    await client.start();
    const response = await client.post(userMessage('hello there', 'client-1'));
    expect(response.status).toBe(200);
    const { id } = (await response.json()) as { id: string };

    const activities = await client.pollUntil((all) => messages(all).length >= 2);
    const [echo, reply] = messages(activities);
    expect(echo).toMatchObject({ id, text: 'hello there', from: { role: 'user' }, channelData: { clientActivityID: 'client-1' } });
    expect(echo.conversation.id).toBe(client.conversationId);
    expect(reply).toMatchObject({ text: 'echo: hello there', from: { role: 'bot', name: 'crampbot' }, replyToId: id });
    expect(reply.suggestedActions.actions.map((a: { title: string }) => a.title)).toEqual(['Again', 'Stop']);
    expect(activities.some((a) => a.type === 'typing')).toBe(true);
    // Timestamps and ids are stamped by the channel; the page never sees where replies would be posted.
    expect(typeof reply.timestamp).toBe('string');
    expect(reply.serviceUrl).toBeUndefined();
    expect(echo.serviceUrl).toBeUndefined();
  });

  it('returns only newer activities after a watermark', async () => {
    const client = new DirectLineClient(harness.url);
    await client.start();
    await client.post(userMessage('first', 'c-a'));
    await client.pollUntil((all) => messages(all).length >= 2);
    await client.post(userMessage('second', 'c-b'));
    const later = await client.pollUntil((all) => messages(all).length >= 2);
    expect(messages(later).map((a) => a.text)).toEqual(['second', 'echo: second']);
  });

  it('passes a webchat/join event to the bot so it can welcome the user first', async () => {
    const client = new DirectLineClient(harness.url);
    await client.start();
    const response = await client.post({ type: 'event', name: 'webchat/join', value: { locale: 'en-GB' }, from: { id: 'r_x', role: 'user' } });
    expect(response.status).toBe(200);
    const activities = await client.pollUntil((all) => messages(all).length >= 1);
    expect(messages(activities)[0].text).toBe('Welcome to the echo bot.');
  });

  it('carries an Adaptive Card submit (value, no text) to the bot', async () => {
    const client = new DirectLineClient(harness.url);
    await client.start();
    await client.post({ type: 'message', value: { answer: 'yes' }, from: { id: 'r_x', role: 'user' }, channelData: { clientActivityID: 'c-v' } });
    const activities = await client.pollUntil((all) => messages(all).length >= 2);
    expect(messages(activities)[1].text).toBe('echo: {"answer":"yes"}');
  });

  it('keeps the user id the conversation started with, whatever a later activity claims', async () => {
    const client = new DirectLineClient(harness.url);
    await client.start();
    await client.post({ ...userMessage('one', 'c-1'), from: { id: 'r_first', role: 'user' } });
    await client.post({ ...userMessage('two', 'c-2'), from: { id: 'someone_else', role: 'user' } });
    const activities = await client.pollUntil((all) => messages(all).length >= 4);
    const fromUser = messages(activities).filter((a) => a.from.role === 'user');
    expect(fromUser.map((a) => a.from.id)).toEqual(['r_first', 'r_first']);
  });

  it('refuses to read or post without the conversation token, and keeps conversations apart', async () => {
    const mine = new DirectLineClient(harness.url);
    const theirs = new DirectLineClient(harness.url);
    await mine.start();
    await theirs.start();
    expect((await mine.poll('not-a-token')).status).toBe(403);
    expect((await mine.post(userMessage('x', 'c'), 'not-a-token')).status).toBe(403);
    expect((await mine.poll(theirs.token)).status).toBe(404);
  });

  it('refreshes a token; the new one works and an unknown one is refused', async () => {
    const client = new DirectLineClient(harness.url);
    await client.start();
    const refresh = (token: string) =>
      fetch(`${harness.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    const response = await refresh(client.token);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; conversationId: string; expires_in: number };
    expect(body.conversationId).toBe(client.conversationId);
    expect(body.token).not.toBe(client.token);
    expect(body.expires_in).toBeGreaterThan(0);
    expect((await client.poll(body.token)).status).toBe(200);
    expect((await refresh('made-up')).status).toBe(403);
  });

  it('answers 400 to an activity without a usable type', async () => {
    const client = new DirectLineClient(harness.url);
    await client.start();
    expect((await client.post({ text: 'no type' })).status).toBe(400);
    expect((await client.post({ type: 'conversationUpdate' })).status).toBe(400);
  });
});

describe('the built-in Direct Line with a slow bot', () => {
  let harness: DirectLineHarness;
  beforeAll(async () => {
    harness = await startDirectLineServer({ bot: new EchoBot(100) });
  });
  afterAll(() => harness.close());

  it('keeps replies in the order the messages were sent, even when sent at once', async () => {
    const client = new DirectLineClient(harness.url);
    await client.start();
    const posts = ['one', 'two', 'three'].map((text, i) => client.post(userMessage(text, `c-${i}`)));
    expect((await Promise.all(posts)).map((r) => r.status)).toEqual([200, 200, 200]);
    const activities = await client.pollUntil((all) => messages(all).filter((a) => a.from.role === 'bot').length >= 3);
    const replies = messages(activities).filter((a) => a.from.role === 'bot').map((a) => a.text);
    expect(replies).toEqual(['echo: one', 'echo: two', 'echo: three']);
  });
});

describe('the built-in Direct Line when the bot has a Microsoft app id', () => {
  let harness: DirectLineHarness;
  beforeAll(async () => {
    harness = await startDirectLineServer({
      env: {
        MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555',
        MICROSOFT_APP_PASSWORD: 'not-a-real-password',
        MICROSOFT_APP_TYPE: 'SingleTenant',
        MICROSOFT_APP_TENANT_ID: '66666666-7777-8888-9999-000000000000',
      },
    });
  });
  afterAll(() => harness.close());

  it('still answers, without asking Entra ID for a token (the turn runs in-process)', async () => {
    const client = new DirectLineClient(harness.url);
    await client.start();
    expect((await client.post(userMessage('are you there', 'c-auth'))).status).toBe(200);
    const activities = await client.pollUntil((all) => messages(all).length >= 2);
    expect(messages(activities)[1].text).toBe('echo: are you there');
    expect(messages(activities)[1].from.id).toBe('11111111-2222-3333-4444-555555555555');
  });
});

describe('the built-in Direct Line under a flood', () => {
  it('answers 429 to a client that starts more than 30 conversations a minute', async () => {
    const harness = await startDirectLineServer();
    try {
      const start = () => fetch(`${harness.url}/v3/directline/conversations`, { method: 'POST' });
      const statuses: number[] = [];
      for (let i = 0; i < 31; i += 1) statuses.push((await start()).status);
      expect(statuses.slice(0, 30)).toEqual(Array(30).fill(201));
      expect(statuses[30]).toBe(429);
    } finally {
      await harness.close();
    }
  });

  it('answers 429 to a conversation that posts more than 20 activities in 10 seconds', async () => {
    const harness = await startDirectLineServer();
    try {
      const client = new DirectLineClient(harness.url);
      await client.start();
      const statuses: number[] = [];
      for (let i = 0; i < 21; i += 1) statuses.push((await client.post({ type: 'typing', from: { id: 'r_x', role: 'user' } })).status);
      expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200));
      expect(statuses[20]).toBe(429);
    } finally {
      await harness.close();
    }
  });
});

describe('the built-in Direct Line when DIRECT_LINE_SECRET is set', () => {
  it('is switched off: the page uses Azure Direct Line instead', async () => {
    const harness = await startDirectLineServer({ env: { DIRECT_LINE_SECRET: 'secret-for-tests' } });
    try {
      const response = await fetch(`${harness.url}/v3/directline/conversations`, { method: 'POST' });
      expect(response.status).toBe(404);
    } finally {
      await harness.close();
    }
  });
});

describe('the built-in Direct Line memory bounds', () => {
  let server: Server;
  let url: string;
  let directLine: BuiltInDirectLine;
  beforeAll(async () => {
    const config = loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent' });
    const logger = createLogger(config);
    const adapter = createAdapter(config, logger);
    const bot = new EchoBot();
    directLine = new BuiltInDirectLine({ adapter, logic: (context) => bot.run(context), logger, limits: { maxActivities: 6, maxBytes: 12_000 } });
    server = restify.createServer();
    server.use(jsonBody());
    directLine.register(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('keeps only the newest activities of a long conversation, and the watermark still moves on', async () => {
    const client = new DirectLineClient(url);
    await client.start();
    for (let i = 0; i < 5; i += 1) await client.post(userMessage(`message ${i}`, `c-${i}`));
    const { activities } = await client.poll();
    expect(activities).toHaveLength(6);
    expect(activities.at(-1).text).toBe('echo: message 4');
    expect(Number(client.watermark)).toBe(15); // 5 × (echo, typing, reply)
  });

  it('forgets the least recently used conversations when all of them hold more than the budget', async () => {
    const clients: DirectLineClient[] = [];
    for (let i = 0; i < 12; i += 1) {
      const client = new DirectLineClient(url);
      await client.start();
      await client.post(userMessage('x'.repeat(500), `big-${i}`));
      clients.push(client);
    }
    expect(directLine.size.bytes).toBeLessThanOrEqual(12_000);
    expect((await clients[0].poll()).status).toBe(404);
    expect((await clients[11].poll()).status).toBe(200);
  });
});
