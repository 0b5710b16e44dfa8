import { MemoryStorage, type StoreItems } from 'botbuilder-core';
import { PreconditionFailedError } from './errors';
import type { CreatableStorage, PurgeableStorage } from './storageCapabilities';

/**
 * botbuilder's MemoryStorage (STORAGE=memory) plus what crampbot's other stores can do:
 * create-if-absent, and purging items not written since a cutoff.
 *
 * @remarks
 * State is lost when the process ends: for throwaway runs and tests, never production.
 */
export class ExpiringMemoryStorage extends MemoryStorage implements CreatableStorage, PurgeableStorage {
  private readonly writtenAt = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  override async write(changes: StoreItems): Promise<void> {
    try {
      await super.write(changes);
    } catch (error) {
      const key = /writing "(.*)" due to eTag conflict/.exec((error as Error).message)?.[1];
      throw key === undefined ? error : new PreconditionFailedError(key);
    }
    const at = this.now();
    for (const key of Object.keys(changes)) this.writtenAt.set(key, at);
  }

  async create(items: StoreItems): Promise<void> {
    const existing = Object.keys(items).find((key) => this.memory[key] !== undefined);
    if (existing !== undefined) throw new PreconditionFailedError(existing);
    await this.write(Object.fromEntries(Object.entries(items).map(([key, item]) => [key, { ...item, eTag: '*' }])));
  }

  override async delete(keys: string[]): Promise<void> {
    await super.delete(keys);
    for (const key of keys) {
      delete this.memory[key];
      this.writtenAt.delete(key);
    }
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    const expired = [...this.writtenAt].filter(([, at]) => at < cutoff.getTime()).map(([key]) => key);
    await this.delete(expired);
    return expired.length;
  }
}
