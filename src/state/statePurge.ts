import type { Storage } from 'botbuilder';
import type { Logger } from '../logger';
import { canPurge } from './storageCapabilities';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface StatePurgeOptions {
  /** STATE_TTL_DAYS: state not written for this many days is deleted. */
  ttlDays: number;
  logger: Logger;
  /** How often to purge after the start-up purge (default 6 hours). */
  intervalMs?: number;
  /** The clock (tests pass a fake one). */
  now?: () => number;
  /** Called after each purge with the number of items deleted. */
  onPurged?: (count: number) => void;
}

/** Deletes state older than the TTL once now; resolves to the number of items deleted (0 if the store cannot purge). */
export async function purgeExpiredState(storage: Storage, ttlDays: number, now: () => number = Date.now): Promise<number> {
  if (!canPurge(storage)) return 0;
  return storage.purgeOlderThan(new Date(now() - ttlDays * DAY_MS));
}

/**
 * Purges expired state at start-up and then periodically, without keeping the process alive.
 * Returns a function that stops it. A failed purge is logged and tried again at the next interval.
 */
export function startStatePurge(storage: Storage, options: StatePurgeOptions): () => void {
  const { ttlDays, logger, intervalMs = 6 * 60 * 60 * 1000, now = Date.now, onPurged } = options;
  if (!canPurge(storage)) {
    logger.info('this storage cannot purge old state; STATE_TTL_DAYS is not applied');
    return () => undefined;
  }
  let running = false;
  const purge = async () => {
    if (running) return;
    running = true;
    try {
      const count = await purgeExpiredState(storage, ttlDays, now);
      if (count > 0) logger.info({ purged: count, ttlDays }, 'old conversation state purged');
      onPurged?.(count);
    } catch (error) {
      logger.warn({ err: { name: (error as Error)?.name, code: (error as { code?: string })?.code } }, 'state purge failed');
    } finally {
      running = false;
    }
  };
  void purge();
  const timer = setInterval(() => void purge(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
