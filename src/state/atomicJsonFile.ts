import { close, open, rename, write } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/**
 * A lowdb file adapter: JSON in one file, replaced atomically (written to `.<name>.tmp` beside it,
 * then renamed over it), so a process killed mid-write leaves the old file or the new one.
 *
 * @remarks
 * Like lowdb's own DataFile/steno writer, but with plain open/write/close callbacks, which costs
 * about half the CPU per write of `fs/promises.writeFile` (measured in test/bench/storage.bench.ts);
 * a write happens on every turn. Callers serialise writes to one file (the temp name is fixed).
 * No fsync: this protects against a killed process, not against power loss.
 */
export class AtomicJsonFile<T> implements Adapter<T> {
  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return JSON.parse(text) as T;
  }

  async write(data: T): Promise<void> {
    const temp = AtomicJsonFile.tempPath(this.path);
    await writeWhole(temp, JSON.stringify(data));
    await new Promise<void>((resolve, reject) => rename(temp, this.path, (error) => (error ? reject(error) : resolve())));
  }

  /** Where a write of `path` is staged; a name starting with a dot that ends in `.tmp`. */
  static tempPath(path: string): string {
    return join(dirname(path), `.${basename(path)}.tmp`);
  }
}

/** Writes all of `text` to a new or emptied file; a short write (disk full) continues or fails, never stops halfway. */
function writeWhole(path: string, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  return new Promise((resolve, reject) => {
    open(path, 'w', (openError, fd) => {
      if (openError) return reject(openError);
      const finish = (error: Error | null) => close(fd, (closeError) => (error ?? closeError ? reject(error ?? closeError) : resolve()));
      const writeFrom = (offset: number) =>
        write(fd, bytes, offset, bytes.length - offset, null, (writeError, written) => {
          if (writeError) return finish(writeError);
          if (offset + written < bytes.length) return writeFrom(offset + written);
          finish(null);
        });
      writeFrom(0);
    });
  });
}
