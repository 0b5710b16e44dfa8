import { ActivityTypes, ConversationState, TestAdapter, type TurnContext } from 'botbuilder';
import pino from 'pino';
import { ExpiringMemoryStorage } from '../../src/state/expiringMemoryStorage';
import { TransactionalBot } from '../../src/state/transactionalBot';
import { TurnScopedStorage } from '../../src/state/turnScopedStorage';

const logger = pino({ level: 'silent' });
const keyOf = (context: TurnContext) => `${context.activity.channelId}/conversations/${context.activity.conversation.id}/`;

function counterBot(onTurn: (context: TurnContext, count: number) => Promise<void>) {
  const raw = new ExpiringMemoryStorage();
  const storage = new TurnScopedStorage(raw);
  const conversationState = new ConversationState(storage);
  const count = conversationState.createProperty<number>('count');
  const bot = new TransactionalBot(
    {
      run: async (context) => {
        const next = (await count.get(context, 0)) + 1;
        await count.set(context, next);
        await onTurn(context, next);
      },
    },
    { storage, states: [conversationState], logger },
  );
  return { raw, bot };
}

it('runs a turn again on fresh state when another instance saved first, and sends only the replies of the saved attempt', async () => {
  let otherInstanceWrites = false;
  const { raw, bot } = counterBot(async (context, count) => {
    if (otherInstanceWrites) {
      otherInstanceWrites = false;
      await raw.write({ [keyOf(context)]: { count: 10, eTag: '*' } });
    }
    await context.sendActivity(`count ${count}`);
    if (count === 1) otherInstanceWrites = true;
  });
  const adapter = new TestAdapter((context) => bot.run(context));
  await adapter.send('hello').assertReply('count 1').send('again').assertReply('count 11').assertNoReply('nothing more', 200).startTest();
});

it('runs the first turn again when another instance created the conversation state first', async () => {
  let otherInstanceWrites = true;
  const { raw, bot } = counterBot(async (context, count) => {
    if (otherInstanceWrites) {
      otherInstanceWrites = false;
      await raw.write({ [keyOf(context)]: { count: 10 } });
    }
    await context.sendActivity(`count ${count}`);
  });
  const adapter = new TestAdapter((context) => bot.run(context));
  await adapter.send('hello').assertReply('count 11').assertNoReply('nothing more', 200).startTest();
});

it('sends a typing indicator at once, while the replies wait for the save', async () => {
  const seenDuringTurn: string[] = [];
  let adapter: TestAdapter;
  const { bot } = counterBot(async (context) => {
    await context.sendActivity({ type: ActivityTypes.Typing });
    await context.sendActivity('an answer');
    seenDuringTurn.push(...adapter.activityBuffer.map((activity) => activity.type ?? ''));
  });
  adapter = new TestAdapter((context) => bot.run(context));
  await adapter.send('hello').assertReply((activity) => expect(activity.type).toBe(ActivityTypes.Typing)).assertReply('an answer').startTest();
  expect(seenDuringTurn).toEqual([ActivityTypes.Typing]);
});

it('still delivers what the bot said before it failed, and keeps the state of that turn out of storage', async () => {
  const { raw, bot } = counterBot(async (context, count) => {
    await context.sendActivity(`count ${count}`);
    if (context.activity.text === 'two') throw new Error('bug in the dialog');
  });
  const adapter = new TestAdapter((context) => bot.run(context));
  adapter.onTurnError = async (context) => {
    await context.sendActivity('sorry');
  };
  await adapter
    .send('one')
    .assertReply('count 1')
    .send('two')
    .assertReply('count 2')
    .assertReply('sorry')
    .send('three')
    .assertReply('count 2')
    .assertNoReply('nothing more', 200)
    .startTest();
  expect(Object.values(await raw.read(['test/conversations/Convo1/']))[0]).toMatchObject({ count: 2 });
});
