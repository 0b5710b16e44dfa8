import { closeSync, constants, openSync, writeSync } from 'node:fs';

/** A state file held open for appending. */
export interface OpenFile {
  readonly fd: number;
  /** Nothing appended through this handle yet: the file may end in a record torn by a crash or a failed write. */
  fresh: boolean;
}

const NEWLINE = Buffer.from('\n');

/**
 * State files held open for appending, least recently used closed first, so that a write costs one
 * append rather than an open, an append and a close.
 *
 * @remarks
 * `release` closes an evicted handle; it may wait (for a round of fsyncs still covering it) before doing so.
 */
export class OpenFiles {
  private readonly files = new Map<string, OpenFile>();

  constructor(
    private readonly capacity: number,
    private readonly release: (fd: number) => void = closeSync,
  ) {
    if (capacity < 1) throw new RangeError('OpenFiles needs room for at least one file.');
  }

  /** The file at `path` open for appending, or undefined when there is no such file. */
  get(path: string): OpenFile | undefined {
    let file = this.files.get(path);
    if (file) {
      this.files.delete(path);
    } else {
      let fd: number;
      try {
        fd = openSync(path, constants.O_WRONLY | constants.O_APPEND);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      file = { fd, fresh: true };
      if (this.files.size >= this.capacity) this.close(this.files.keys().next().value!);
    }
    this.files.set(path, file);
    return file;
  }

  close(path: string): void {
    const file = this.files.get(path);
    if (!file) return;
    this.files.delete(path);
    this.release(file.fd);
  }

  closeAll(): void {
    for (const path of [...this.files.keys()]) this.close(path);
  }
}

/**
 * Appends all of `bytes` with synchronous writes: a small append costs a few microseconds of kernel time,
 * less than handing it to libuv's thread pool (measured in test/bench/storage.bench.ts).
 */
export function appendAll(file: OpenFile, bytes: Buffer): void {
  // Start on a new line so that a torn record left at the end cannot swallow this one.
  const out = file.fresh ? Buffer.concat([NEWLINE, bytes]) : bytes;
  for (let offset = 0; offset < out.length; ) offset += writeSync(file.fd, out, offset);
  file.fresh = false;
}
