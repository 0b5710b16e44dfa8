import type { Middleware, Storage, TurnContext } from 'botbuilder';
import { isETagConflict, isStorageFailure } from '../state/errors';
import type { CrampbotMetrics } from './crampbotMetrics';

/**
 * Adapter middleware that counts every turn (by channel and activity type), times it, counts failed turns, and
 * counts the triage levels and rules of the replies that are really sent.
 * @remarks Levels are counted from the outgoing triage entity (SPEC §4) rather than inside the bot, so a turn re-run
 * after a state conflict (TransactionalBot) counts only the replies the person received.
 */
export function turnMetrics(metrics: CrampbotMetrics): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const started = performance.now();
      context.onSendActivities(async (_context, activities, send) => {
        for (const activity of activities) {
          const triage = activity.entities?.find((entity) => entity.type === 'triage');
          if (triage) metrics.levelStated(String(triage.level), Array.isArray(triage.rules) ? triage.rules.map(String) : []);
        }
        return send();
      });
      try {
        await next();
      } catch (error) {
        metrics.turnFailed(isStorageFailure(error) ? 'storage' : 'other');
        throw error;
      } finally {
        const { channelId, type } = context.activity;
        metrics.turn(channelId, type, (performance.now() - started) / 1000);
      }
    },
  };
}

const OPERATIONS = { read: 'read', write: 'write', delete: 'delete', create: 'write' } as const;

/**
 * The same storage, with its failed reads, writes and deletes counted (a stale eTag as `conflict`).
 * @remarks A Proxy, so whatever else the store offers (create, purgeOlderThan, …) passes through untouched; methods
 * are bound to the store itself, whose private fields a proxy could not reach.
 */
export function countStorageErrors<S extends Storage>(storage: S, metrics: Pick<CrampbotMetrics, 'storageFailed'>): S {
  return new Proxy(storage, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (!Object.hasOwn(OPERATIONS, property)) return value.bind(target);
      const operation = OPERATIONS[property as keyof typeof OPERATIONS];
      return async (...args: unknown[]) => {
        try {
          return await value.apply(target, args);
        } catch (error) {
          metrics.storageFailed(operation, isETagConflict(error) ? 'conflict' : 'failure');
          throw error;
        }
      };
    },
  });
}
