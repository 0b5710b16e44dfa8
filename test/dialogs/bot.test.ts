import { MemoryStorage, TestAdapter, type Activity, type ConversationReference } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createCrampbot } from '../../src/index';
import { EPISODE_PAUSE_MS, MAX_MESSAGE_LENGTH } from '../../src/bot';

/** The real bot on a storage the test can look into, and a way to talk to it as one user in one conversation. */
function crampbot(memory: Record<string, string> = {}) {
  const storage = new MemoryStorage(memory);
  const app = createCrampbot(loadConfig({ STORAGE: 'memory' }), createLogger({ logLevel: 'silent' }), { storage });
  const conversation = (user: string, channelId = 'webchat') => {
    const reference = {
      channelId,
      serviceUrl: 'http://127.0.0.1:9/',
      conversation: { id: `conversation-${user}`, isGroup: false, conversationType: 'personal', name: '' },
      user: { id: user, name: user },
      bot: { id: 'crampbot', name: 'crampbot' },
    };
    const adapter = new TestAdapter(reference as ConversationReference);
    return async (text: string): Promise<Partial<Activity>[]> => {
      const activity: Partial<Activity> = {
        type: 'message',
        text,
        channelId,
        serviceUrl: reference.serviceUrl,
        conversation: reference.conversation,
        from: reference.user,
        recipient: reference.bot,
      };
      await adapter.processActivity(activity, (context) => app.bot.run(context));
      return adapter.activeQueue.splice(0);
    };
  };
  return { app, storage, memory, conversation };
}

const texts = (replies: Partial<Activity>[]) => replies.map((reply) => reply.text ?? '').join('\n');
const levels = (replies: Partial<Activity>[]) =>
  replies.flatMap((reply) => (reply.entities ?? []).filter((entity) => entity.type === 'triage').map((entity) => entity.level));

afterEach(() => jest.restoreAllMocks());

describe('forget me', () => {
  it('deletes what was stored about the user and the conversation, and only that', async () => {
    const { memory, conversation } = crampbot();
    const ann = conversation('ann');
    const bob = conversation('bob');
    // MemoryStorage leaves a deleted key behind with no value.
    const keysOf = (user: string) => Object.keys(memory).filter((key) => key.includes(user) && memory[key] != null);

    await ann('walk me through it');
    await ann('my calf is sore');
    await bob('how common are cramps?');
    expect(keysOf('ann').length).toBeGreaterThan(0);
    expect(JSON.stringify(memory)).toContain('my calf is sore');

    expect(texts(await ann('forget me'))).toContain('deleted everything');
    expect(keysOf('ann')).toEqual([]);
    expect(JSON.stringify(memory)).not.toContain('my calf is sore');
    expect(keysOf('bob').length).toBeGreaterThan(0);
  });
});

describe('a 10,000-character message', () => {
  it('is screened by triage in full but never classified, and gets a polite reply', async () => {
    const { app, conversation } = crampbot();
    const classify = jest.spyOn(app.recognizer, 'classify');
    const assess = jest.spyOn(app.triage, 'assess');
    const text = 'I would like to ask you about stretching exercises for cramps and explain it all. '.repeat(130).slice(0, 10_000).trim();

    const replies = await conversation('long')(text);

    expect(text.length).toBeGreaterThan(MAX_MESSAGE_LENGTH);
    expect(assess).toHaveBeenCalledTimes(1);
    expect(assess.mock.calls[0][0].at(-1) === text).toBe(true);
    expect(classify).not.toHaveBeenCalled();
    expect(replies.map((reply) => reply.text)).toEqual([expect.stringContaining('long message')]);
  });
});

describe('a conversation that lasts for months (Teams personal chat)', () => {
  it('says an urgent level again when it comes back after a long pause, but not for every message in one episode', async () => {
    const say = crampbot().conversation('29:months', 'msteams');
    let now = Date.UTC(2026, 0, 5, 9);
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const swollen = 'my right calf is swollen, warm and red and it hurts';

    expect(levels(await say(swollen))).toEqual(['urgent']);
    now += 60_000;
    expect(levels(await say('it is still swollen and red in my calf'))).toEqual([]);
    now += EPISODE_PAUSE_MS + 1;
    expect(levels(await say(swollen))).toEqual(['urgent']);
  });
});

describe('a short question after a red flag', () => {
  it('is answered with the level\'s advice again, not with a general answer that plays it down', async () => {
    const say = crampbot().conversation('short-question');
    await say('Quick one about my quinine');
    expect(levels(await say("my ears have been ringing since last week and my eyesight's gone a bit blurry"))).toEqual(['urgent']);
    const replies = await say('is that normal?');
    expect(texts(replies)).toMatch(/^Get help today/);
    expect(texts(replies)).toContain('quinine');
    expect(texts(replies)).not.toMatch(/harmless/i);
  });

  it('is answered as a question when no red flag was said', async () => {
    const say = crampbot().conversation('short-question-self-care');
    await say('I had a cramp in my calf last night');
    expect(texts(await say('is that normal?'))).not.toMatch(/^Get help today|^Call 999/);
  });
});

describe('a message that tells of a symptom after the 999 instruction', () => {
  it('gets the instruction again, not an answer about cramps, and a thank-you does not', async () => {
    const say = crampbot().conversation('after-999');
    await say('my husband has been laying patios in the sun all day and his legs keep cramping');
    expect(texts(await say('we have cooled him down for 40 minutes and he is still burning hot and not sweating at all'))).toMatch(/^Call 999/);
    const replies = await say('he keeps calling me by the wrong name');
    expect(texts(replies)).toMatch(/^Call 999/);
    expect(texts(replies)).not.toMatch(/leg cramp is/i);
    expect(texts(await say('ok the ambulance is coming, thanks'))).not.toMatch(/^Call 999/);
  });
});

describe('dialog state saved by an older version', () => {
  it('starts the conversation afresh instead of failing every turn', async () => {
    const { storage, conversation } = crampbot();
    await storage.write({
      'webchat/conversations/conversation-old/': {
        memory: { recent: [], welcomed: true },
        dialogState: { dialogStack: [{ id: 'root', state: { dialogs: { dialogStack: [{ id: 'aGuideThatWasRenamed', state: {} }] } } }] },
      },
    });
    const say = conversation('old');
    expect(texts(await say('how common are leg cramps?'))).toMatch(/third/);
    expect(texts(await say('🙂'))).toMatch(/only understand words/);
  });
});
