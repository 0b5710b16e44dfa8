import { MemoryStorage } from 'botbuilder';
import type { BotMessages } from '../../src/cards/messages';
import { message, post, startServer, teamsFeedback, type Harness } from './httpHarness';

type Reply = {
  type: string;
  text?: string;
  channelData?: Record<string, unknown>;
  attachments?: Array<{ contentType: string; content: any }>;
  suggestedActions?: { actions: Array<{ title: string }> };
  entities?: Array<{ type: string; level?: string }>;
};

const COMMENT = 'Honestly the stretching advice from Aunt Philomena worked better';

describe('feedback on answers', () => {
  let harness: Harness;
  let memory: Record<string, string>;
  let messages: BotMessages;
  beforeEach(async () => {
    memory = {};
    harness = await startServer({ env: { LOG_LEVEL: 'trace' }, storage: new MemoryStorage(memory) });
    messages = harness.app.messages;
  });
  afterEach(() => harness.close());

  const send = async (channelId: string, fields: Record<string, unknown>) => {
    const { status, json } = await post(harness.url, message('', { channelId, conversation: { id: `feedback-${channelId}` }, ...fields }));
    expect(status).toBe(200);
    return (json?.activities ?? []) as Reply[];
  };
  const feedbackCards = (replies: Reply[]) =>
    replies.flatMap((reply) => reply.attachments ?? []).filter((attachment) => attachment.content?.actions?.some((action: any) => action.data?.feedback));

  it('asks "Was this helpful?" under an answer in Web Chat, with two buttons next to the answer\'s suggested actions', async () => {
    const [answer] = (await send('webchat', { text: 'does magnesium help' })).filter((reply) => reply.type === 'message');
    expect(answer.text).toMatch(/magnesium/i);
    expect(answer.suggestedActions?.actions.length).toBeGreaterThan(0);
    const [card] = feedbackCards([answer]);
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.body[0].text).toBe(messages.feedback.question);
    expect(card.content.actions.map((action: any) => [action.type, action.title, action.data])).toEqual([
      ['Action.Submit', messages.feedback.helpful, { feedback: 'up', about: 'supplements' }],
      ['Action.Submit', messages.feedback.not_helpful, { feedback: 'down', about: 'supplements' }],
    ]);
  });

  it('thanks for a Web Chat rating without triaging, classifying or storing it', async () => {
    await send('webchat', { text: 'does magnesium help' });
    const remembered = () => Object.values(memory).map((item) => JSON.parse(item).memory);
    const before = remembered();
    const replies = (await send('webchat', { value: { feedback: 'down', about: 'supplements' } })).filter((reply) => reply.type === 'message');
    expect(replies.map((reply) => reply.text)).toEqual([messages.feedback.thanks_down]);
    expect(replies[0].entities ?? []).toEqual([]);
    const metrics = await harness.app.metrics.text();
    expect(metrics).toContain('crampbot_feedback_total{channel="webchat",rating="down",about="supplements"} 1');
    expect(metrics).toContain('crampbot_intents_total{intent="supplements"} 1');
    expect(metrics).not.toMatch(/crampbot_intents_total\{intent="out_of_scope"\}/);
    // Nothing was added to what the conversation remembers (and triage reads).
    expect(remembered()).toEqual(before);
  });

  it('still screens a typed reply that answers the question in words', async () => {
    await send('webchat', { text: 'does magnesium help' });
    const replies = await send('webchat', { text: 'not really, and now my calf is swollen, red and hot', value: { feedback: 'down' } });
    expect(replies.flatMap((reply) => reply.entities ?? []).some((entity) => entity.type === 'triage' && entity.level === 'urgent')).toBe(true);
    expect(await harness.app.metrics.text()).not.toMatch(/crampbot_feedback_total\{[^}]*\} [1-9]/);
  });

  it('turns on the Teams feedback buttons on answers and the summary, with no extra card', async () => {
    const [answer] = (await send('msteams', { text: 'does magnesium help' })).filter((reply) => reply.type === 'message');
    expect(answer.channelData?.feedbackLoopEnabled).toBe(true);
    expect(feedbackCards([answer])).toEqual([]);
    // A question of the guide is not an answer: no feedback buttons there.
    const guide = (await send('msteams', { text: 'walk me through it' })).filter((reply) => reply.type === 'message');
    expect(guide.some((reply) => reply.channelData?.feedbackLoopEnabled)).toBe(false);
  });

  it('answers the Teams feedback invoke with 200 and never stores or logs the typed comment', async () => {
    const { status, raw } = await post(
      harness.url,
      teamsFeedback('like', COMMENT, { conversation: { id: 'a:feedback-teams' }, replyToId: 'reply-1' }),
    );
    expect(status).toBe(200);
    expect(raw === '' || JSON.parse(raw)).toBeTruthy();
    expect(await harness.app.metrics.text()).toContain('crampbot_feedback_total{channel="msteams",rating="up",about="unknown"} 1');
    expect(harness.logs.length).toBeGreaterThan(0);
    for (const text of [JSON.stringify(memory), harness.logs.join('\n')]) expect(text).not.toContain('Philomena');
  });

  it('asks "Was this helpful?" under the summary card in Web Chat, and turns on the buttons in Teams', async () => {
    for (const channelId of ['webchat', 'msteams']) {
      await send(channelId, { text: 'walk me through it' });
      for (const answer of ['Keep coming back', 'Calf', 'Seconds to minutes', 'Now and then', 'None of these']) await send(channelId, { text: answer });
      let summary: Reply | undefined;
      for (let turn = 0; turn < 15 && !summary; turn++) {
        summary = (await send(channelId, { text: 'No' })).find((reply) => reply.attachments?.some((attachment) => attachment.content?.body?.[0]?.text === 'Your leg cramp summary'));
      }
      expect(summary).toBeDefined();
      if (channelId === 'webchat') expect(feedbackCards([summary!])[0].content.actions[0].data).toEqual({ feedback: 'up', about: 'summary' });
      else expect(summary!.channelData?.feedbackLoopEnabled).toBe(true);
    }
  });

  it('leaves replies on other channels as they were', async () => {
    const [answer] = (await send('emulator', { text: 'does magnesium help' })).filter((reply) => reply.type === 'message');
    expect(answer.channelData?.feedbackLoopEnabled).toBeUndefined();
    expect(answer.attachments ?? []).toEqual([]);
  });
});
