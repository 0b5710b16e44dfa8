import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { Low } from 'lowdb';
import { AtomicJsonFile } from './atomicJsonFile';
import { PreconditionFailedError } from './errors';
import { KeyedQueue } from './keyedQueue';
import { isShardName, stateFilePath } from './stateFileName';
import type { CreatableStorage, PurgeableStorage } from './storageCapabilities';

/** What one state file holds: the key (for humans and purges), the eTag and the item without it. */
interface StateFile {
  key: string;
  eTag: string;
  item: Record<string, unknown>;
}

export interface LowdbStorageOptions {
  /** Called when a file cannot be parsed and is moved aside (it is then treated as absent). */
  onCorruptFile?: (path: string) => void;
}

/**
 * botbuilder `Storage` on lowdb: one JSON file per key under a directory.
 *
 * @remarks
 * One file per key keeps the cost of a write independent of how many conversations are stored.
 * Each write replaces the file atomically (lowdb `Low` on {@link AtomicJsonFile}: temp file +
 * rename), so a killed process leaves every file either old or new, never half-written. eTags follow
 * botbuilder's rules: absent or `*` overwrites; any other value must match the stored one (a missing
 * item does not match), else the write fails with {@link PreconditionFailedError}. Writes and deletes
 * of one key are serialised inside the process, and recently written files are kept in memory: one
 * process owns a directory (use `blobs` to scale out).
 */
export class LowdbStorage implements Storage, CreatableStorage, PurgeableStorage {
  private readonly locks = new KeyedQueue();
  private readonly knownShards = new Set<string>();
  /**
   * What this process last wrote to recently used files (null: deleted), so that the read at the start
   * of a turn and the eTag check at its end need not touch the disk. Only writes and deletes, which hold
   * the file's lock, fill it (a read could return an older file).
   */
  private readonly recent = new RecentFiles(5_000);
  private readonly eTagPrefix = randomBytes(6).toString('base64url');
  private eTagCounter = 0;

  constructor(
    readonly directory: string,
    private readonly options: LowdbStorageOptions = {},
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const files = await Promise.all(keys.map((key) => this.current(this.pathOf(key))));
    const items: StoreItems = {};
    keys.forEach((key, index) => {
      const file = files[index];
      if (file && file.key === key) items[key] = { ...file.item, eTag: file.eTag };
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
          await rm(path, { force: true });
          this.recent.remember(path, null);
        });
      }),
    );
  }

  /** Deletes every item last written before `cutoff`, and temp files a killed process left behind. */
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
        if (!isTemp && !name.endsWith('.json')) continue;
        const removed = await this.locks.run(path, async () => {
          const info = await stat(path).catch(() => undefined);
          // A temp file is only garbage once no write can still be using it.
          const limit = isTemp ? Math.min(cutoff.getTime(), Date.now() - 60_000) : cutoff.getTime();
          if (!info || info.mtimeMs >= limit) return false;
          this.recent.delete(path);
          await rm(path, { force: true });
          return !isTemp;
        });
        if (removed) purged++;
      }
    }
    return purged;
  }

  private async writeOne(key: string, item: StoreItem, condition: 'match' | 'absent'): Promise<void> {
    const path = this.pathOf(key);
    await this.locks.run(path, async () => {
      const { eTag, ...rest } = item ?? {};
      const expected = condition === 'absent' ? undefined : eTag;
      if (condition === 'absent' || (typeof expected === 'string' && expected !== '' && expected !== '*')) {
        const current = await this.current(path);
        const stored = current?.key === key ? current.eTag : null;
        if (condition === 'absent' ? stored !== null : stored !== expected) throw new PreconditionFailedError(key);
      }
      const db = new Low<StateFile | null>(new AtomicJsonFile(path), null);
      db.data = { key, eTag: this.nextETag(), item: rest };
      this.recent.delete(path);
      await this.ensureShard(path);
      try {
        await db.write();
      } catch (error) {
        // The folder may have gone since it was made (a volume mounted afresh): make it again, once.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        this.knownShards.delete(dirname(path));
        await this.ensureShard(path);
        await db.write();
      }
      this.recent.remember(path, db.data);
    });
  }

  /** The file's content, from memory when this process wrote it last. */
  private async current(path: string): Promise<StateFile | null> {
    const known = this.recent.get(path);
    return known === undefined ? this.readFile(path) : known;
  }

  private async readFile(path: string): Promise<StateFile | null> {
    const db = new Low<StateFile | null>(new AtomicJsonFile(path), null);
    try {
      await db.read();
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      // Atomic writes should make this impossible; if a file is damaged anyway, keep it for
      // inspection and let the conversation start afresh rather than fail every turn.
      await rename(path, `${path}.corrupt-${Date.now()}`).catch(() => undefined);
      this.options.onCorruptFile?.(path);
      return null;
    }
    return db.data;
  }

  private async ensureShard(path: string): Promise<void> {
    const folder = dirname(path);
    if (this.knownShards.has(folder)) return;
    await mkdir(folder, { recursive: true });
    this.knownShards.add(folder);
  }

  private pathOf(key: string): string {
    if (typeof key !== 'string') throw new TypeError('Storage keys must be strings.');
    const { shard, name } = stateFilePath(key);
    return join(this.directory, shard, name);
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

/**
 * A bounded map from file to its last written content (null: no file), least recently used dropped
 * first. Content is kept as JSON text, so every reader gets its own copy.
 */
class RecentFiles {
  private readonly entries = new Map<string, string | null>();

  constructor(private readonly capacity: number) {}

  get(path: string): StateFile | null | undefined {
    const text = this.entries.get(path);
    if (text === undefined) return undefined;
    this.entries.delete(path);
    this.entries.set(path, text);
    return text === null ? null : (JSON.parse(text) as StateFile);
  }

  remember(path: string, file: StateFile | null): void {
    this.entries.delete(path);
    this.entries.set(path, file === null ? null : JSON.stringify(file));
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(path: string): void {
    this.entries.delete(path);
  }
}
