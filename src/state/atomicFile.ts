import { close, fdatasync, open, rename, write } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';

const renameAsync = promisify(rename);

/**
 * Replaces the file at `path` with `bytes` atomically: written to `.<name>.tmp` beside it, then renamed
 * over it, so a process killed meanwhile leaves the old file or the new one. With `durable`, the temp
 * file is flushed to the disk before the rename and the folder after it, so power loss does too.
 *
 * @remarks
 * Plain open/write/close callbacks cost about half the CPU of `fs/promises.writeFile` (measured in
 * test/bench/storage.bench.ts). Callers serialise replacements of one file (the temp name is fixed).
 */
export async function replaceFile(path: string, bytes: Buffer, durable = false): Promise<void> {
  const temp = tempPathOf(path);
  await writeWhole(temp, bytes, durable);
  await renameAsync(temp, path);
  if (durable) await syncFolder(dirname(path));
}

/** Where a replacement of `path` is staged: a name starting with a dot and ending in `.tmp`. */
export function tempPathOf(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp`);
}

/** Flushes a folder's entries (files created, renamed or removed in it) to the disk. */
export function syncFolder(folder: string): Promise<void> {
  return new Promise((resolve, reject) => {
    open(folder, 'r', (openError, fd) => {
      if (openError) return reject(openError);
      fdatasync(fd, (syncError) => close(fd, (closeError) => (syncError ?? closeError ? reject(syncError ?? closeError) : resolve())));
    });
  });
}

/** Writes all of `bytes` to a new or emptied file; a short write (disk full) continues or fails, never stops halfway. */
function writeWhole(path: string, bytes: Buffer, durable: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    open(path, 'w', (openError, fd) => {
      if (openError) return reject(openError);
      const finish = (error: Error | null) => close(fd, (closeError) => (error ?? closeError ? reject(error ?? closeError) : resolve()));
      const writeFrom = (offset: number) =>
        write(fd, bytes, offset, bytes.length - offset, null, (writeError, written) => {
          if (writeError) return finish(writeError);
          if (offset + written < bytes.length) return writeFrom(offset + written);
          if (durable) fdatasync(fd, finish);
          else finish(null);
        });
      writeFrom(0);
    });
  });
}
