import type { Server } from 'restify';
import type { Storage } from 'botbuilder';
import type { Logger } from '../logger';
import type { TurnTracker } from '../turnTracker';

const draining = new WeakSet<Server>();

/** True once a shutdown has begun: new requests get 503 and the connection is closed. */
export function isDraining(server: Server): boolean {
  return draining.has(server);
}

/** A storage that buffers writes may offer one of these; lowdb, blobs and memory write through. */
interface Flushable {
  flush?: () => Promise<void> | void;
  close?: () => Promise<void> | void;
}

export interface ShutdownDeps {
  server: Server;
  turns: TurnTracker;
  storage: Storage;
  logger: Logger;
  /** How long to wait for turns in flight before giving up on them. */
  timeoutMs?: number;
}

/**
 * Stops taking requests, lets the turns in flight finish, then flushes storage.
 * @returns true when every turn finished in time.
 */
export async function gracefulShutdown({ server, turns, storage, logger, timeoutMs = 10_000 }: ShutdownDeps): Promise<boolean> {
  draining.add(server);
  logger.info({ turnsInFlight: turns.size }, 'shutting down: no new requests');
  const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
  server.server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    turns.idle().then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (!finished) logger.warn({ turnsInFlight: turns.size }, 'shutting down with turns still running');
  const flushable = storage as Storage & Flushable;
  try {
    if (typeof flushable.flush === 'function') await flushable.flush();
    if (typeof flushable.close === 'function') await flushable.close();
  } catch (error) {
    logger.error({ err: { name: (error as Error)?.name } }, 'storage flush failed');
  }
  // Responses of the finished turns are on their way; connections still open after that are closed.
  server.server.closeIdleConnections();
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  server.server.closeAllConnections();
  logger.info({ finished }, 'shut down');
  return finished;
}
