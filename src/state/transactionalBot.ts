import {
  ActivityHandlerBase,
  ActivityTypes,
  TurnContext,
  type Activity,
  type BotState,
  type ResourceResponse,
  type StatePropertyAccessor,
} from 'botbuilder-core';
import type { Logger } from '../logger';
import { TurnConflictError, isETagConflict } from './errors';
import { KeyedQueue } from './keyedQueue';
import type { TurnScopedStorage } from './turnScopedStorage';

export interface TransactionalBotOptions {
  /** The storage behind `states`. */
  storage: TurnScopedStorage;
  /** Saved at the end of every turn, inside the transaction. */
  states: BotState[];
  /** Counts the turns of a conversation (in conversation state); none is lost, however they race. */
  turnCount?: StatePropertyAccessor<number>;
  logger: Logger;
  /** Attempts at one turn before giving up on a conflict that keeps coming back. */
  maxAttempts?: number;
}

/**
 * Wraps the bot so that no state update is lost: turns of one conversation run one at a time in
 * this process, and each turn is a transaction over state (see TurnScopedStorage). When another
 * instance changed the state first, the turn is run again on the fresh state; the replies of a
 * discarded attempt are never sent, because replies are held back until the state is saved.
 *
 * @remarks
 * Typing indicators go out at once. If saving fails for another reason, the replies are still
 * delivered (a triage instruction must reach the user) and the error goes to onTurnError.
 * Changes to two items (conversation and user state) are not atomic together: if the second
 * conflicts after the first was stored, the turn is not re-run (it would apply twice); that is logged.
 */
export class TransactionalBot extends ActivityHandlerBase {
  private readonly conversations = new KeyedQueue();

  constructor(
    private readonly bot: { run(context: TurnContext): Promise<void> },
    private readonly options: TransactionalBotOptions,
  ) {
    super();
  }

  override async run(context: TurnContext): Promise<void> {
    const { channelId, conversation } = context.activity;
    await this.conversations.run(`${channelId}/${conversation?.id}`, () => this.runTurn(context));
  }

  private async runTurn(context: TurnContext): Promise<void> {
    const { storage, states, turnCount, logger, maxAttempts = 12 } = this.options;
    for (let attempt = 1; ; attempt++) {
      const outbox: Partial<Activity>[] = [];
      const attemptContext = this.attemptContext(context, outbox);
      const transaction = storage.begin();
      try {
        await transaction.run(async () => {
          // State cached before the turn (by middleware) was read outside the transaction: read it again.
          for (const state of states) if (state.get(attemptContext) !== undefined) await state.load(attemptContext, true);
          if (turnCount) await turnCount.set(attemptContext, (await turnCount.get(attemptContext, 0)) + 1);
          await this.bot.run(attemptContext);
          for (const state of states) await state.saveChanges(attemptContext);
        });
      } catch (error) {
        await deliver(context, outbox);
        throw error;
      }
      try {
        await transaction.commit();
      } catch (error) {
        if (!isETagConflict(error)) {
          await deliver(context, outbox);
          throw error;
        }
        if (transaction.committed > 0) {
          logger.warn({ attempt, storedBeforeConflict: transaction.committed }, 'state conflict after a partial save; not re-running the turn');
          await deliver(context, outbox);
          return;
        }
        if (attempt >= maxAttempts) throw new TurnConflictError(attempt);
        logger.debug({ attempt }, 'state changed in another instance; running the turn again');
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
        continue;
      }
      await deliver(context, outbox);
      return;
    }
  }

  /** A fresh context per attempt: same activity and adapter services, its own state caches and outbox. */
  private attemptContext(context: TurnContext, outbox: Partial<Activity>[]): TurnContext {
    const attempt = new TurnContext(context.adapter, { ...context.activity });
    context.turnState.forEach((value, key) => attempt.turnState.set(key, value));
    attempt.onSendActivities(async (sending, activities): Promise<ResourceResponse[]> => {
      if (activities.every((activity) => activity.type === ActivityTypes.Typing)) {
        return context.sendActivities(activities);
      }
      outbox.push(...activities);
      if (activities.some((activity) => activity.type !== ActivityTypes.Trace)) sending.responded = true;
      return activities.map(() => ({ id: '' }));
    });
    return attempt;
  }
}

async function deliver(context: TurnContext, outbox: Partial<Activity>[]): Promise<void> {
  if (outbox.length > 0) await context.sendActivities(outbox);
}
