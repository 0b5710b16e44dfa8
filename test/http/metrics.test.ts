import { MemoryStorage, type StoreItems } from 'botbuilder';
import { StorageUnavailableError } from '../../src/state/errors';
import { message, post, replyTexts, startServer, teamsFeedback, type Harness } from './httpHarness';

const USER_ID = 'user-Xq7Rk2';
const USER_NAME = 'Marguerite Oyelaran';
const CONVERSATION_ID = 'conversation-Wb93Lp';
const TEAMS_COMMENT = 'my neighbour Dr Sandringham said';

async function getMetrics(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/metrics`, { headers });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

/** The value of one series, e.g. value(text, 'crampbot_intents_total', { intent: 'relief_now' }); 0 when absent. */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, label]) => `${key}="${label}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(',');
    if (wanted.every((pair) => present.includes(pair))) return Number(match[3]);
  }
  return 0;
}

/** One Web Chat user talking to the real server; every reply comes back in the HTTP response. */
function webChatUser(harness: Harness, conversationId = CONVERSATION_ID) {
  const from = { id: USER_ID, name: USER_NAME };
  const send = async (fields: Record<string, unknown>) => {
    const { status, json } = await post(harness.url, message('', { channelId: 'webchat', conversation: { id: conversationId }, from, ...fields }));
    expect(status).toBe(200);
    return (json?.activities ?? []) as Array<{ type: string; text?: string; attachments?: unknown[]; entities?: Array<{ type: string }> }>;
  };
  return { say: (text: string) => send({ text }), submit: (value: unknown) => send({ value }) };
}

/** Answers the guide's questions and then "No" to every warning sign, until the summary card comes. */
async function completeGuide(say: (text: string) => Promise<Array<{ attachments?: unknown[] }>>) {
  for (const answer of ['Happening now', 'Calf', 'Seconds to minutes', 'Now and then', 'None of these']) await say(answer);
  for (let turn = 0; turn < 15; turn++) {
    const replies = await say('No');
    if (replies.some((reply) => (reply.attachments?.length ?? 0) > 0)) return;
  }
  throw new Error('the guide never showed its summary');
}

describe('GET /metrics', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startServer();
  });
  afterEach(() => harness.close());

  it('counts what operators watch after real conversations, and shows no text, id or name', async () => {
    const { say, submit } = webChatUser(harness);
    const typed = [
      'hello',
      'what helps a cramp right now',
      'walk me through it',
      'purple monkey dishwasher',
      'cancel',
      'what is the capital of Peru',
      'walk me through it',
      'zebra crossing tangerine',
      'zebra crossing tangerine',
      'zebra crossing tangerine',
    ];
    for (const text of typed) await say(text);
    await submit({ feedback: 'up', about: 'relief_now' });
    await say('walk me through it');
    await completeGuide(say);
    // Starting again forgets what the guide was told, so it asks from the first question.
    await say('start over');
    await say('walk me through it');
    await say('I have crushing chest pain and I cannot breathe');
    // Teams' own feedback buttons, with a typed comment that must go nowhere.
    const invoke = await post(
      harness.url,
      teamsFeedback('dislike', TEAMS_COMMENT, { conversation: { id: `a:${CONVERSATION_ID}` }, from: { id: `29:${USER_ID}`, name: USER_NAME } }),
    );
    expect(invoke.status).toBe(200);

    const { status, contentType, text } = await getMetrics(harness.url);
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);

    expect(value(text, 'crampbot_turns_total', { channel: 'webchat', type: 'message' })).toBeGreaterThanOrEqual(typed.length + 10);
    expect(value(text, 'crampbot_turns_total', { channel: 'msteams', type: 'invoke' })).toBe(1);
    expect(value(text, 'crampbot_turn_duration_seconds_count', { channel: 'webchat' })).toBeGreaterThanOrEqual(typed.length);
    expect(value(text, 'crampbot_intents_total', { intent: 'relief_now' })).toBeGreaterThanOrEqual(1);
    expect(value(text, 'crampbot_not_understood_total', { reason: 'out_of_scope' })).toBe(1);
    expect(value(text, 'crampbot_intents_total', { intent: 'out_of_scope' })).toBe(1);
    expect(value(text, 'crampbot_commands_total', { command: 'guide' })).toBe(4);
    expect(value(text, 'crampbot_guide_started_total')).toBe(4);
    expect(value(text, 'crampbot_guide_abandoned_total', { question: 'pattern', reason: 'cancelled' })).toBe(1);
    expect(value(text, 'crampbot_guide_abandoned_total', { question: 'pattern', reason: 'gave_up' })).toBe(1);
    expect(value(text, 'crampbot_guide_abandoned_total', { question: 'pattern', reason: 'escalated' })).toBe(1);
    expect(value(text, 'crampbot_guide_completed_total', { level: 'self_care' })).toBe(1);
    expect(value(text, 'crampbot_prompt_retries_total', { question: 'pattern' })).toBe(3);
    expect(value(text, 'crampbot_prompt_give_ups_total', { question: 'pattern' })).toBe(1);
    expect(value(text, 'crampbot_triage_levels_total', { level: 'emergency' })).toBe(1);
    expect(value(text, 'crampbot_triage_levels_total', { level: 'self_care' })).toBe(1);
    expect(text).toMatch(/^crampbot_triage_rules_total\{rule="E\d+"\} 1$/m);
    expect(value(text, 'crampbot_feedback_total', { channel: 'webchat', rating: 'up', about: 'relief_now' })).toBe(1);
    expect(value(text, 'crampbot_feedback_total', { channel: 'msteams', rating: 'down', about: 'unknown' })).toBe(1);
    expect(text).toMatch(/^crampbot_rule_set_info\{version="[^"]+"\} 1$/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);

    for (const secret of [USER_ID, USER_NAME, 'Marguerite', CONVERSATION_ID, TEAMS_COMMENT, 'Sandringham', 'Peru', 'purple monkey', 'zebra', 'chest pain']) {
      expect(text).not.toContain(secret);
    }
    for (const line of harness.logs) expect(line).not.toContain('Sandringham');
  });

  it('counts a message with a label value it does not know as "other", never the value itself', async () => {
    await post(harness.url, message('hello', { channelId: 'channel-Qz81 with spaces', conversation: { id: 'c-other' } }));
    const { text } = await getMetrics(harness.url);
    expect(value(text, 'crampbot_turns_total', { channel: 'other', type: 'message' })).toBe(1);
    expect(text).not.toContain('Qz81');
  });

  it('keeps the counts of each bot apart (one registry per instance)', async () => {
    const other = await startServer();
    try {
      await webChatUser(harness).say('what helps a cramp right now');
      expect(value((await getMetrics(harness.url)).text, 'crampbot_intents_total', { intent: 'relief_now' })).toBe(1);
      expect(value((await getMetrics(other.url)).text, 'crampbot_intents_total', { intent: 'relief_now' })).toBe(0);
    } finally {
      await other.close();
    }
  });
});

describe('GET /metrics counts the failures an operator alerts on', () => {
  it('counts requests refused for their rate', async () => {
    const harness = await startServer({ limits: { perConversation: { limit: 1, windowMs: 60_000 } } });
    try {
      expect((await post(harness.url, message('hello', { conversation: { id: 'busy' } }))).status).toBe(200);
      expect((await post(harness.url, message('hello again', { conversation: { id: 'busy' } }))).status).toBe(429);
      const { text } = await getMetrics(harness.url);
      expect(value(text, 'crampbot_rate_limited_total', { route: 'messages' })).toBe(1);
      expect(value(text, 'crampbot_rate_limited_total', { route: 'directline' })).toBe(0);
    } finally {
      await harness.close();
    }
  });

  it('counts failed storage writes and the turns they broke', async () => {
    class BrokenDisk extends MemoryStorage {
      async write(_changes: StoreItems): Promise<void> {
        throw new StorageUnavailableError('write', Object.assign(new Error('disk full'), { code: 'ENOSPC' }));
      }
    }
    const harness = await startServer({ storage: new BrokenDisk() });
    try {
      const { json } = await post(harness.url, message('what helps a cramp right now'));
      expect(replyTexts(json).join(' ')).toMatch(/stretch/i);
      const { text } = await getMetrics(harness.url);
      expect(value(text, 'crampbot_storage_errors_total', { operation: 'write', kind: 'failure' })).toBeGreaterThanOrEqual(1);
      expect(value(text, 'crampbot_turn_errors_total', { cause: 'storage' })).toBe(1);
    } finally {
      await harness.close();
    }
  });
});

describe('who may read GET /metrics', () => {
  const TOKEN = 'metrics-token-9f3kQ2xW7pLm';
  const REMOTE = { 'x-forwarded-for': '203.0.113.7' };
  let harness: Harness;
  afterEach(() => harness.close());

  it('serves a client on this machine without a token', async () => {
    harness = await startServer();
    expect((await getMetrics(harness.url)).status).toBe(200);
  });

  it('refuses a client from elsewhere when no METRICS_TOKEN is set', async () => {
    harness = await startServer({ env: { TRUST_PROXY: '1' } });
    const { status, text } = await getMetrics(harness.url, REMOTE);
    expect(status).toBe(403);
    expect(text).not.toContain('crampbot_');
  });

  it('asks a client from elsewhere for the token (401), refuses a wrong one (403) and serves the right one', async () => {
    harness = await startServer({ env: { METRICS_TOKEN: TOKEN } });
    const missing = await getMetrics(harness.url, REMOTE);
    expect(missing.status).toBe(401);
    const wrong = await getMetrics(harness.url, { ...REMOTE, authorization: `Bearer ${TOKEN.slice(0, -1)}X` });
    expect(wrong.status).toBe(403);
    expect(wrong.text).not.toContain('crampbot_');
    const right = await getMetrics(harness.url, { ...REMOTE, authorization: `Bearer ${TOKEN}` });
    expect(right.status).toBe(200);
    expect(right.text).toContain('crampbot_turns_total');
    expect(harness.logs.join('\n')).not.toContain(TOKEN);
  });

  it('stops start-up on a METRICS_TOKEN too short to be a secret', async () => {
    await expect(startServer({ env: { METRICS_TOKEN: 'short' } })).rejects.toThrow(/METRICS_TOKEN/);
    harness = await startServer();
  });
});

describe('GET /metrics after a clarification (issue 16) or a red-flag question asked at once (issue 12)', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startServer();
  });
  afterEach(() => harness.close());

  it('counts each clarification shown and what was picked, without the words of the question', async () => {
    const { say } = webChatUser(harness, 'conversation-clarify-Tq4');
    await say('is it worth propping my feet up on a cushion in bed');
    await say('How can I prevent cramps?');
    await say('would a b complex help my calf cramps');
    await say('Something else');

    const { text } = await getMetrics(harness.url);
    expect(value(text, 'crampbot_clarifications_total')).toBe(2);
    expect(value(text, 'crampbot_clarification_picks_total', { topic: 'prevention' })).toBe(1);
    expect(value(text, 'crampbot_clarification_picks_total', { topic: 'something_else' })).toBe(1);
    expect(value(text, 'crampbot_not_understood_total', { reason: 'out_of_scope' })).toBe(0);
    expect(text).not.toMatch(/cushion|b complex/);
  });

  it('counts each red-flag question asked at once (issue 12) by its answer, without the words of the message', async () => {
    const { say } = webChatUser(harness, 'conversation-ask-Hb2');
    await say("I've got sciatica and my calves keep cramping at night, how do I stop them");
    await say('No');
    const other = webChatUser(harness, 'conversation-ask-Hb3');
    await other.say('been working on the roof in the sun all day and now I keep being sick');
    await other.say('Yes');

    const { text } = await getMetrics(harness.url);
    expect(value(text, 'crampbot_red_flag_asked_at_once_total', { question: 'back', answer: 'no' })).toBe(1);
    expect(value(text, 'crampbot_red_flag_asked_at_once_total', { question: 'heat', answer: 'yes' })).toBe(1);
    expect(value(text, 'crampbot_triage_levels_total', { level: 'emergency' })).toBe(1);
    expect(text).not.toMatch(/sciatica|roof/);
  });
});
