import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createStorage } from '../../src/state/createStorage';
import { message, post, replyTexts, startServer, type Harness } from './httpHarness';

/** No response body may look like a stack trace or an internal error message. */
function expectNoInternals(raw: string): void {
  expect(raw).not.toMatch(/\bat .+\(.*:\d+:\d+\)|node_modules|\.ts:\d+|TypeError|SyntaxError|ReferenceError/);
}

describe('hostile input on POST /api/messages', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startServer();
  });
  afterAll(() => harness.close());

  afterEach(async () => {
    // Whatever the last request did, the server still answers a normal message.
    const { status, json } = await post(harness.url, message('hello', { conversation: { id: 'still-serving' } }));
    expect(status).toBe(200);
    expect(replyTexts(json).length).toBeGreaterThan(0);
  });

  it('answers 413 to a body over 256 KB', async () => {
    const { status, raw } = await post(harness.url, message('x'.repeat(300 * 1024)));
    expect(status).toBe(413);
    expectNoInternals(raw);
  });

  it('answers 413 to an oversized body sent in chunks without a length', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${harness.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const chunk = 'x'.repeat(64 * 1024);
      req.write('{"text":"');
      for (let i = 0; i < 6; i++) req.write(chunk);
      req.end('"}');
    });
    expect(status).toBe(413);
  });

  it('answers 400 to malformed JSON', async () => {
    const { status, raw, json } = await post(harness.url, '{"type": "message", "text": ');
    expect(status).toBe(400);
    expect(json.error.code).toBe('BadRequest');
    expectNoInternals(raw);
  });

  it.each([
    ['no type', { type: undefined }],
    ['no conversation', { conversation: undefined }],
    ['no sender', { from: undefined }],
    ['a sender without an id', { from: { name: 'Sam' } }],
    ['an empty conversation id', { conversation: { id: '  ' } }],
    ['a number as the type', { type: 42 }],
    ['text that is not a string', { text: { nested: true } }],
    ['attachments that are not objects', { attachments: ['x', null] }],
    ['no channel', { channelId: undefined }],
    ['a serviceUrl that is not a URL', { serviceUrl: 'javascript:alert(1)', deliveryMode: undefined }],
    ['a conversation id with control characters', { conversation: { id: 'a\u0000b\nc' } }],
  ])('answers 400 to an activity with %s', async (_label, overrides) => {
    const { status, raw, json } = await post(harness.url, message('hello', overrides as Record<string, unknown>));
    expect(status).toBe(400);
    expect(json.error.code).toBe('BadRequest');
    expectNoInternals(raw);
  });

  it.each([['[]'], ['"message"'], ['null'], ['42']])('answers 400 to a JSON body that is not an object: %s', async (body) => {
    const { status } = await post(harness.url, body);
    expect(status).toBe(400);
  });

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['multipart/form-data; boundary=x'], ['application/xml']])(
    'answers 415 to content type %s',
    async (type) => {
      const { status, raw } = await post(harness.url, JSON.stringify(message('hello')), { 'content-type': type });
      expect(status).toBe(415);
      expectNoInternals(raw);
    },
  );

  it('accepts JSON with a charset parameter', async () => {
    const { status } = await post(harness.url, message('hello'), { 'content-type': 'application/json; charset=utf-8' });
    expect(status).toBe(200);
  });

  it('answers a 10,000-character message politely and briefly', async () => {
    const text = 'my calf hurts at night '.repeat(435).slice(0, 10_000);
    const { status, json, raw } = await post(harness.url, message(text, { conversation: { id: 'long-text' } }));
    expect(status).toBe(200);
    const replies = replyTexts(json);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.join(' ').length).toBeLessThan(4000);
    expect(raw).not.toContain(text.slice(0, 500));
  });

  it('still sends the emergency instruction when a 10,000-character message mentions a red flag', async () => {
    const text = `my calf is swollen and now I can't breathe. ${'it started last night and '.repeat(400)}`.slice(0, 10_000);
    const { status, json } = await post(harness.url, message(text, { conversation: { id: 'long-red-flag' } }));
    expect(status).toBe(200);
    const levels = (json.activities ?? []).flatMap((activity: { entities?: Array<{ type: string; level?: string }> }) =>
      (activity.entities ?? []).filter((entity) => entity.type === 'triage').map((entity) => entity.level),
    );
    expect(levels).toContain('emergency');
  });

  it('answers messages full of control characters and odd Unicode', async () => {
    const text = 'cramp\u0000\u0007\u001b[31m\u202e\ud83d\ude2b\r\n\u2028 in my calf \ufeff';
    const { status, json } = await post(harness.url, message(text, { conversation: { id: 'control-characters' } }));
    expect(status).toBe(200);
    expect(replyTexts(json).length).toBeGreaterThan(0);
  });

  it.each([
    ['a card value nested 20,000 levels deep', (depth: string) => `{"value":${depth}}`],
    ['channel data nested 20,000 levels deep', (depth: string) => `{"channelData":${depth}}`],
  ])('answers %s without a server error', async (_label, field) => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const activity = JSON.stringify(message('hello', { conversation: { id: 'deep' } }));
    const { status, raw } = await post(harness.url, `${activity.slice(0, -1)},${field(deep).slice(1)}`);
    expect(status).toBeLessThan(500);
    expectNoInternals(raw);
  });

  it('answers an invoke the bot does not implement with 501, as the Bot Framework expects', async () => {
    const { status, raw } = await post(harness.url, message('', { type: 'invoke', name: 'composeExtension/query', value: {}, serviceUrl: 'http://127.0.0.1:9/', deliveryMode: undefined }));
    expect(status).toBe(501);
    expectNoInternals(raw);
  });

  it('ignores __proto__ and constructor keys in the activity', async () => {
    const body = JSON.stringify(message('hello', { conversation: { id: 'proto' } })).replace(/}$/, ',"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    const { status } = await post(harness.url, body);
    expect(status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('treats path-like conversation and user ids as plain ids', async () => {
    const { status, json } = await post(
      harness.url,
      message('hello', { conversation: { id: '../../../etc/passwd' }, from: { id: '..\\..\\windows\\system32' } }),
    );
    expect(status).toBe(200);
    expect(replyTexts(json).length).toBeGreaterThan(0);
  });

  it('answers 405 or 404 to other methods and paths without internals', async () => {
    const get = await fetch(`${harness.url}/api/messages`);
    expect([404, 405]).toContain(get.status);
    expectNoInternals(await get.text());
    const missing = await fetch(`${harness.url}/../../etc/passwd`);
    expect(missing.status).toBe(404);
  });
});

describe('path-like ids with lowdb state', () => {
  it('keeps every state file inside STATE_DIR', async () => {
    const base = mkdtempSync(join(tmpdir(), 'crampbot-paths-'));
    const stateDir = join(base, 'state');
    mkdirSync(stateDir);
    const storage = createStorage({ ...loadConfig({}), storage: 'lowdb', stateDir }, pino({ level: 'silent' }));
    const harness = await startServer({ storage });
    try {
      for (const id of ['../../escaped', '..\\..\\escaped', '/etc/escaped', 'a/../../../escaped', '%2e%2e%2fescaped', 'C:\\escaped', 'con', '.']) {
        const { status, json } = await post(harness.url, message('hello', { conversation: { id }, from: { id: `../${id}` } }));
        expect(status).toBe(200);
        expect(replyTexts(json).length).toBeGreaterThan(0);
      }
      expect(readdirSync(base)).toEqual(['state']);
      expect(readdirSync(tmpdir()).filter((name) => name.includes('escaped'))).toEqual([]);
      expect(readdirSync(stateDir).length).toBeGreaterThan(0);
    } finally {
      await harness.close();
      rmSync(base, { recursive: true, force: true });
    }
  });
});
