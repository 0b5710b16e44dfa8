import { randomBytes } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { Low } from 'lowdb';
import { PreconditionFailedError } from './errors';
import { KeyedQueue } from './keyedQueue';
import { isShardName, stateFilePath } from './stateFileName';
import { StateFiles, type StateFilesOptions } from './stateFiles';
import type { StateRecord } from './stateRecord';
import type { CreatableStorage, PurgeableStorage } from './storageCapabilities';

/** See {@link StateFilesOptions}. */
export type LowdbStorageOptions = StateFilesOptions;

/**
 * botbuilder `Storage` on lowdb: one file per key under a directory, to which each write appends one
 * self-checking record ({@link StateFiles}: as cheap as an append, and a killed process loses nothing
 * that was acknowledged).
 *
 * @remarks
 * One file per key keeps the cost of a write independent of how many conversations are stored. eTags
 * follow botbuilder's rules: absent or `*` overwrites; any other value must match the stored one (a
 * missing item does not match), else the write fails with {@link PreconditionFailedError}. Reads, writes
 * and deletes of one key are serialised inside the process, and recently written records are kept in
 * memory: one process owns a directory (use `blobs` to scale out).
 */
export class LowdbStorage implements Storage, CreatableStorage, PurgeableStorage {
  private readonly locks = new KeyedQueue();
  /**
   * The records of recently used files (null: no file), so that the read at the start of a turn and the
   * eTag check at its end touch the disk at most once. Filled under the file's lock.
   */
  private readonly recent = new RecentFiles(5_000);
  /** Where each recently used key lives (its file name needs a SHA-256). */
  private readonly paths = new Map<string, string>();
  private readonly files: StateFiles;
  private readonly eTagPrefix = randomBytes(6).toString('base64url');
  private eTagCounter = 0;

  constructor(
    readonly directory: string,
    options: LowdbStorageOptions = {},
  ) {
    this.files = new StateFiles(options);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const records = await Promise.all(keys.map((key) => this.readLocked(this.pathOf(key))));
    const items: StoreItems = {};
    keys.forEach((key, index) => {
      const record = records[index];
      if (record && record.key === key) items[key] = { ...record.item, eTag: record.eTag };
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    await settleAll(Object.entries(changes).map(([key, item]) => this.writeOne(key, item, 'match')));
  }

  /** Writes each item only if its key is absent; PreconditionFailedError for a key that exists. */
  async create(items: StoreItems): Promise<void> {
    await settleAll(Object.entries(items).map(([key, item]) => this.writeOne(key, item, 'absent')));
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    await Promise.all(
      keys.map((key) => {
        const path = this.pathOf(key);
        return this.locks.run(path, async () => {
          this.recent.delete(path);
          await this.files.remove(path);
          this.recent.remember(path, null);
        });
      }),
    );
  }

  /** Deletes every item last written before `cutoff`, files set aside as damaged, and temp files a killed process left behind. */
  async purgeOlderThan(cutoff: Date): Promise<number> {
    let purged = 0;
    const shards = await readdir(this.directory).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    for (const shard of shards.filter(isShardName)) {
      const folder = join(this.directory, shard);
      for (const name of await readdir(folder)) {
        const path = join(folder, name);
        const isTemp = name.startsWith('.') && name.endsWith('.tmp');
        // A file set aside as damaged still holds what the user said: it expires like any state.
        const isSetAside = name.includes('.json.corrupt-');
        if (!isTemp && !isSetAside && !name.endsWith('.json')) continue;
        const removed = await this.locks.run(path, async () => {
          const info = await stat(path).catch(() => undefined);
          // A temp file is only garbage once no write can still be using it.
          const limit = isTemp ? Math.min(cutoff.getTime(), Date.now() - 60_000) : cutoff.getTime();
          if (!info || info.mtimeMs >= limit) return false;
          this.recent.delete(path);
          await this.files.remove(path);
          return !isTemp && !isSetAside;
        });
        if (removed) purged++;
      }
    }
    return purged;
  }

  /** Flushes and closes the open state files (graceful shutdown); a later write opens them again. */
  close(): Promise<void> {
    return this.files.close();
  }

  private async writeOne(key: string, item: StoreItem, condition: 'match' | 'absent'): Promise<void> {
    const path = this.pathOf(key);
    await this.locks.run(path, async () => {
      const { eTag, ...rest } = item ?? {};
      const expected = condition === 'absent' ? undefined : eTag;
      if (condition === 'absent' || (typeof expected === 'string' && expected !== '' && expected !== '*')) {
        const stored = await this.storedETag(path, key);
        if (condition === 'absent' ? stored !== null : stored !== expected) throw new PreconditionFailedError(key);
      }
      const record: StateRecord = { key, eTag: this.nextETag(), item: rest };
      const json = JSON.stringify(record);
      this.recent.delete(path);
      const db = new Low(this.files.adapter(path, json), null);
      db.data = record;
      await db.write();
      this.recent.remember(path, record, json);
    });
  }

  private readLocked(path: string): Promise<StateRecord | null> {
    return this.locks.run(path, () => this.current(path));
  }

  /** The file's record, from memory when this process read or wrote it last. Callers hold the file's lock. */
  private async current(path: string): Promise<StateRecord | null> {
    const known = this.recent.get(path);
    if (known !== undefined) return known;
    const db = new Low(this.files.adapter(path), null);
    await db.read();
    this.recent.remember(path, db.data);
    return db.data;
  }

  /** The eTag stored for `key` (null: none), without copying the item when it is in memory. Callers hold the lock. */
  private async storedETag(path: string, key: string): Promise<string | null> {
    const header = this.recent.header(path);
    const known = header !== undefined ? header : await this.current(path);
    return known?.key === key ? known.eTag : null;
  }

  private pathOf(key: string): string {
    if (typeof key !== 'string') throw new TypeError('Storage keys must be strings.');
    let path = this.paths.get(key);
    if (path === undefined) {
      const { shard, name } = stateFilePath(key);
      path = join(this.directory, shard, name);
      // Keys come back every turn; the cache is cleared rather than ordered (a miss only costs a hash).
      if (this.paths.size >= 5_000) this.paths.clear();
      this.paths.set(key, path);
    }
    return path;
  }

  private nextETag(): string {
    return `${this.eTagPrefix}-${(++this.eTagCounter).toString(36)}`;
  }
}

/** Like Promise.all, but lets every operation finish before reporting the first failure. */
async function settleAll(operations: Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(operations);
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
}

/** A record as the cache keeps it: its key and eTag for eTag checks, and the whole record as JSON text so that every reader gets its own copy. */
interface KnownRecord {
  key: string;
  eTag: string;
  json: string;
}

/**
 * A bounded map from file to its last written content (null: no file), least recently used dropped
 * first.
 */
class RecentFiles {
  private readonly entries = new Map<string, KnownRecord | null>();

  constructor(private readonly capacity: number) {}

  get(path: string): StateRecord | null | undefined {
    const known = this.touch(path);
    return known ? (JSON.parse(known.json) as StateRecord) : known;
  }

  /** Only the key and eTag (for an eTag check): no copy of the item. */
  header(path: string): Pick<StateRecord, 'key' | 'eTag'> | null | undefined {
    return this.touch(path);
  }

  /** `json`: the record already serialised, when the caller has it. */
  remember(path: string, file: StateRecord | null, json?: string): void {
    this.entries.delete(path);
    this.entries.set(path, file && { key: file.key, eTag: file.eTag, json: json ?? JSON.stringify(file) });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  private touch(path: string): KnownRecord | null | undefined {
    const known = this.entries.get(path);
    if (known === undefined) return undefined;
    this.entries.delete(path);
    this.entries.set(path, known);
    return known;
  }

  delete(path: string): void {
    this.entries.delete(path);
  }
}
