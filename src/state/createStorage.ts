import { resolve } from 'node:path';
import type { Storage } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { AzureBlobsStorage as AzureBlobsStorageClass } from './azureBlobsStorage';
import { ExpiringMemoryStorage } from './expiringMemoryStorage';
import { LowdbStorage } from './lowdbStorage';

/** The Storage selected by STORAGE: lowdb files under STATE_DIR (default), Azure blobs, or memory. */
export function createStorage(
  config: Pick<Config, 'storage' | 'stateDir' | 'stateFsync' | 'blobConnectionString' | 'blobContainer'>,
  logger: Logger,
): Storage {
  switch (config.storage) {
    case 'memory':
      return new ExpiringMemoryStorage();
    case 'blobs':
      if (!config.blobConnectionString) throw new Error('BLOB_CONNECTION_STRING is required when STORAGE=blobs');
      return new (azureBlobsStorage())(config.blobConnectionString, config.blobContainer);
    case 'lowdb':
      return new LowdbStorage(resolve(config.stateDir), {
        fsync: config.stateFsync,
        onCorruptFile: () => logger.warn({ storage: 'lowdb' }, 'a damaged state file was set aside'),
      });
  }
}

/**
 * Loading the Azure SDK takes about 90 ms, which lowdb and memory deployments need not pay at start-up,
 * so it is required only when STORAGE=blobs.
 */
function azureBlobsStorage(): typeof AzureBlobsStorageClass {
  return (require('./azureBlobsStorage') as typeof import('./azureBlobsStorage')).AzureBlobsStorage;
}
