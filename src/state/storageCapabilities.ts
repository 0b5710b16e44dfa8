import type { Storage, StoreItems } from 'botbuilder';

/** A Storage that can write an item only if its key does not exist yet (If-None-Match: *). */
export interface CreatableStorage extends Storage {
  /** Rejects with PreconditionFailedError for a key that already exists. */
  create(items: StoreItems): Promise<void>;
}

/** A Storage that can drop items last written before a moment (STATE_TTL_DAYS). */
export interface PurgeableStorage extends Storage {
  /** Resolves to the number of items deleted. */
  purgeOlderThan(cutoff: Date): Promise<number>;
}

export function canCreate(storage: Storage): storage is CreatableStorage {
  return typeof (storage as Partial<CreatableStorage>).create === 'function';
}

export function canPurge(storage: Storage): storage is PurgeableStorage {
  return typeof (storage as Partial<PurgeableStorage>).purgeOlderThan === 'function';
}
