import type { Storage, StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { ContainerClient, type StoragePipelineOptions } from '@azure/storage-blob';
import { PreconditionFailedError, isETagConflict } from './errors';
import type { CreatableStorage, PurgeableStorage } from './storageCapabilities';

/** Fail fast enough to answer a Teams user within its 15 s window when Azure is unreachable. */
const PIPELINE: StoragePipelineOptions = {
  retryOptions: { maxTries: 3, retryDelayInMs: 100, maxRetryDelayInMs: 1000, tryTimeoutInMs: 5000 },
};

/**
 * STORAGE=blobs: botbuilder-azure-blobs' BlobsStorage for read, write and delete, plus
 * create-if-absent (for the first turn of a conversation racing in two instances) and TTL purges.
 *
 * @remarks
 * BlobsStorage remembers a failed container check for ever, so after any failure other than an
 * eTag conflict the next call gets a fresh instance: the bot recovers when Azure is back.
 */
export class AzureBlobsStorage implements Storage, CreatableStorage, PurgeableStorage {
  private blobs: BlobsStorage;
  private readonly container: ContainerClient;
  private containerReady?: Promise<unknown>;

  constructor(
    private readonly connectionString: string,
    private readonly containerName: string,
  ) {
    this.blobs = this.newBlobsStorage();
    this.container = new ContainerClient(connectionString, containerName, PIPELINE);
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.guard(() => this.blobs.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.guard(() => this.blobs.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.guard(() => this.blobs.delete(keys));
  }

  async create(items: StoreItems): Promise<void> {
    await this.ensureContainer();
    await Promise.all(
      Object.entries(items).map(async ([key, item]) => {
        const { eTag: _ignored, ...rest } = item;
        const body = JSON.stringify(rest);
        try {
          await this.container.getBlockBlobClient(blobNameFor(key)).upload(body, Buffer.byteLength(body), {
            conditions: { ifNoneMatch: '*' },
            blobHTTPHeaders: { blobContentType: 'application/json' },
          });
        } catch (error) {
          const status = (error as { statusCode?: number }).statusCode;
          if (status === 409 || status === 412) throw new PreconditionFailedError(key);
          throw error;
        }
      }),
    );
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    await this.ensureContainer();
    let purged = 0;
    for await (const blob of this.container.listBlobsFlat()) {
      const modified = blob.properties.lastModified;
      if (!modified || modified >= cutoff) continue;
      try {
        // The condition keeps a blob that a turn rewrote after it was listed.
        await this.container.deleteBlob(blob.name, { conditions: { ifUnmodifiedSince: cutoff } });
        purged++;
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        if (status !== 404 && status !== 412) throw error;
      }
    }
    return purged;
  }

  toJSON() {
    return { name: 'AzureBlobsStorage', container: this.containerName };
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (isETagConflict(error)) {
        const key = /writing "(.*)" due to/.exec((error as Error).message)?.[1] ?? '';
        throw error instanceof PreconditionFailedError ? error : new PreconditionFailedError(key);
      }
      this.blobs = this.newBlobsStorage();
      this.containerReady = undefined;
      throw error;
    }
  }

  private ensureContainer(): Promise<unknown> {
    this.containerReady ??= this.container.createIfNotExists().catch((error: unknown) => {
      this.containerReady = undefined;
      throw error;
    });
    return this.containerReady;
  }

  private newBlobsStorage(): BlobsStorage {
    return new BlobsStorage(this.connectionString, this.containerName, { storagePipelineOptions: PIPELINE });
  }
}

/**
 * The blob name BlobsStorage gives a key (botbuilder-azure-blobs 4.23 does not export its function): empty path
 * segments dropped, URI-encoded, at most 1024 characters. create() must write the blob that read() and write() find;
 * the storage contract test proves it against Azurite with a real conversation key.
 */
function blobNameFor(key: string): string {
  if (!key) throw new Error('Please provide a non-empty key');
  const [first, ...rest] = key.split('/');
  // BlobsStorage keeps at most 254 slashes; later segments are run together.
  const name = rest.reduce((joined, part, index) => (part ? `${joined}${index < 254 ? '/' : ''}${part}` : joined), first);
  return encodeURIComponent(name).slice(0, 1024);
}
