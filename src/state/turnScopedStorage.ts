import { AsyncLocalStorage } from 'node:async_hooks';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { StorageUnavailableError, isETagConflict } from './errors';
import { canCreate } from './storageCapabilities';

const ABSENT = Symbol('absent');
type Pending = { kind: 'write'; item: StoreItem } | { kind: 'delete' };

/**
 * The Storage that ConversationState and UserState see. Outside a turn it passes everything through.
 * Inside a turn ({@link StateTransaction}) it remembers the eTag of every item read, buffers writes
 * and deletes, and on commit writes each item with the eTag it was read with (create-if-absent for
 * items that did not exist), so a turn that raced another instance fails instead of overwriting.
 *
 * @remarks
 * botbuilder's BotState always writes with eTag `*` (last writer wins); this is what turns that into
 * optimistic concurrency without changing BotState. Errors other than eTag conflicts come out as
 * {@link StorageUnavailableError}.
 */
export class TurnScopedStorage implements Storage {
  private readonly scopes = new AsyncLocalStorage<StateTransaction>();

  constructor(readonly inner: Storage) {}

  /** A transaction for one attempt at one turn. */
  begin(): StateTransaction {
    return new StateTransaction(this.inner, this.scopes);
  }

  read(keys: string[]): Promise<StoreItems> {
    const transaction = this.scopes.getStore();
    return transaction ? transaction.read(keys) : guard('read', () => this.inner.read(keys));
  }

  async write(changes: StoreItems): Promise<void> {
    const transaction = this.scopes.getStore();
    return transaction ? transaction.write(changes) : guard('write', () => this.inner.write(changes));
  }

  async delete(keys: string[]): Promise<void> {
    const transaction = this.scopes.getStore();
    return transaction ? transaction.delete(keys) : guard('delete', () => this.inner.delete(keys));
  }
}

/** Reads through, writes into a buffer, commits with the eTags read. One per attempt at a turn. */
export class StateTransaction {
  private readonly readETags = new Map<string, string | typeof ABSENT>();
  private readonly pending = new Map<string, Pending>();
  /** Items already stored by commit(); more than 0 when a later item conflicted. */
  committed = 0;

  constructor(
    private readonly inner: Storage,
    private readonly scopes: AsyncLocalStorage<StateTransaction>,
  ) {}

  /** Runs the turn's work with this transaction as the scope of every state access. */
  run<T>(work: () => Promise<T>): Promise<T> {
    return this.scopes.run(this, work);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    const unbuffered = keys.filter((key) => !this.pending.has(key));
    const stored = unbuffered.length ? await guard('read', () => this.inner.read(unbuffered)) : {};
    for (const key of keys) {
      const buffered = this.pending.get(key);
      if (buffered) {
        if (buffered.kind === 'write') items[key] = clone(buffered.item);
        continue;
      }
      const item = stored[key];
      if (!this.readETags.has(key)) {
        if (!item) this.readETags.set(key, ABSENT);
        else if (typeof item.eTag === 'string' && item.eTag !== '*') this.readETags.set(key, item.eTag);
      }
      if (item) items[key] = item;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    for (const [key, item] of Object.entries(changes)) this.pending.set(key, { kind: 'write', item: clone(item) });
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.pending.set(key, { kind: 'delete' });
  }

  /**
   * Stores the buffered changes in the order they were made. Rejects with the store's eTag conflict
   * when an item changed since it was read, or with StorageUnavailableError.
   */
  async commit(): Promise<void> {
    for (const [key, change] of this.pending) {
      if (change.kind === 'delete') {
        await guard('delete', () => this.inner.delete([key]));
      } else {
        await guard('write', () => this.store(key, change.item));
      }
      this.committed++;
    }
  }

  private store(key: string, item: StoreItem): Promise<void> {
    const { eTag: requested, ...value } = item;
    if (typeof requested === 'string' && requested !== '' && requested !== '*') {
      return this.inner.write({ [key]: item });
    }
    const basis = this.readETags.get(key);
    if (basis === ABSENT && canCreate(this.inner)) return this.inner.create({ [key]: value });
    if (typeof basis === 'string') return this.inner.write({ [key]: { ...value, eTag: basis } });
    return this.inner.write({ [key]: { ...value, eTag: '*' } });
  }
}

async function guard<T>(operation: 'read' | 'write' | 'delete', action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (isETagConflict(error) || error instanceof ReferenceError || error instanceof StorageUnavailableError) throw error;
    throw new StorageUnavailableError(operation, error);
  }
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
