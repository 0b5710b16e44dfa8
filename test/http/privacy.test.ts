import { createLogger } from '../../src/logger';
import { loadConfig, redactedConfig } from '../../src/config';
import { Writable } from 'node:stream';
import { message, post, replyTexts, startServer } from './httpHarness';
import { useStubbedChannel } from './botFrameworkTokens';

const APP_ID = '9c4b8a7f-3c2e-4f6f-a076-5c3d1f4a0b54';
const SECRETS = {
  MICROSOFT_APP_PASSWORD: 'app-password-Zq81x',
  DIRECT_LINE_SECRET: 'direct-line-secret-Kp22w',
  BLOB_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=crampbot;AccountKey=account-key-Vn93y==',
};
const USER_NAME = 'Philippa Quartermaine';
const TURNS = [
  'hello',
  'I keep getting cramps in my left calf at night',
  "I'm 20 weeks pregnant",
  'what helps a cramp right now',
  'my calf is swollen and red and warm',
  'does magnesium help',
  'forget me',
];
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
// botbuilder caches the channel's signing keys for the whole process: one stub for the file.
const channel = useStubbedChannel();

/** Runs a whole conversation, with a name on the sender, and returns every log line written meanwhile. */
async function converse(env: Record<string, string>) {
  const harness = await startServer({ env: { MICROSOFT_APP_ID: APP_ID, LOG_LEVEL: 'trace', ...SECRETS, ...env } });
  try {
    const authorization = `Bearer ${channel.sign({ aud: APP_ID, serviceurl: SERVICE_URL })}`;
    const conversation = { id: `a:privacy-${env.LOG_TEXT}` };
    const from = { id: '29:privacy-user', name: USER_NAME, aadObjectId: 'b1f3d7e4-0000-4000-8000-000000000001' };
    const replies: string[] = [];
    for (const text of TURNS) {
      const { status, json } = await post(harness.url, message(text, { channelId: 'msteams', serviceUrl: SERVICE_URL, conversation, from }), {
        authorization,
      });
      expect(status).toBe(200);
      replies.push(...replyTexts(json));
    }
    // A forged request and a request without a token are logged too.
    await post(harness.url, message('secret plans', { channelId: 'msteams', serviceUrl: SERVICE_URL, conversation, from }), {
      authorization: `${authorization.slice(0, -4)}AAAA`,
    });
    return { logs: harness.logs.join('\n'), replies, authorization };
  } finally {
    await harness.close();
  }
}

// Each of the first two tests starts a server and holds a whole conversation with trace logging: about 25 s on a
// loaded 2-CPU machine, so the 30 s default left no margin (one CI run timed out).
const CONVERSATION_MS = 90_000;

describe('logs', () => {
  it('hold no message text, user name, token or secret with LOG_TEXT unset', async () => {
    const { logs, replies, authorization } = await converse({});
    expect(replies.length).toBeGreaterThanOrEqual(TURNS.length);
    expect(logs.split('\n').length).toBeGreaterThan(TURNS.length);
    for (const text of [...TURNS.filter((turn) => turn.length > 6), 'secret plans']) expect(logs).not.toContain(text);
    expect(logs).not.toContain('Philippa');
    expect(logs).not.toContain('Quartermaine');
    expect(logs).not.toContain(authorization.slice(7, 60));
    for (const secret of Object.values(SECRETS)) expect(logs).not.toContain(secret);
    expect(logs).not.toContain('account-key-Vn93y');
  }, CONVERSATION_MS);

  it('show message text only when LOG_TEXT=1, and still no secret', async () => {
    const { logs } = await converse({ LOG_TEXT: '1' });
    expect(logs).toContain('I keep getting cramps in my left calf at night');
    for (const secret of Object.values(SECRETS)) expect(logs).not.toContain(secret);
  }, CONVERSATION_MS);

  it('redact secret fields wherever a caller puts them', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const logger = createLogger({ logLevel: 'info' }, sink);
    const config = loadConfig({ MICROSOFT_APP_ID: APP_ID, STORAGE: 'blobs', ...SECRETS });
    logger.info({ config: redactedConfig(config) }, 'redacted config');
    logger.info({ config }, 'a careless caller');
    logger.info({ req: { headers: { authorization: 'Bearer abc.def.ghi' } }, secret: SECRETS.DIRECT_LINE_SECRET }, 'request');
    const all = lines.join('');
    for (const secret of [...Object.values(SECRETS), 'abc.def.ghi']) expect(all).not.toContain(secret);
  });
});
