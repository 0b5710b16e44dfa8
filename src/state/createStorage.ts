import { MemoryStorage, type Storage } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../logger';

/** The Storage selected by STORAGE: lowdb files (default), Azure blobs, or memory. */
export function createStorage(config: Config, logger: Logger): Storage {
  void config;
  void logger;
  return new MemoryStorage(); // placeholder until LowdbStorage lands
}
