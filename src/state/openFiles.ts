import { closeSync, constants, openSync, readFileSync, writeSync } from 'node:fs';

/** A state file held open for appending. */
export interface OpenFile {
  readonly fd: number;
  /** Nothing appended through this handle yet: the file may end in a record torn by a crash or a failed write. */
  fresh: boolean;
}

const NEWLINE = Buffer.from('\n');

/**
 * How many state files to keep open when nothing says otherwise: a quarter of the process's limit on open
 * files, at most 4,096; 256 where the limit cannot be read (a system without `/proc`).
 *
 * @remarks
 * Node raises the soft limit to the hard one at start-up, so `/proc/self/limits` gives what the process may
 * really open; three quarters stay for sockets and everything else. A conversation whose file is not open
 * pays an open and a close on every write (test/bench/storage.bench.ts), so the cache should hold every
 * conversation that is active at once.
 */
export function defaultOpenFileCount(limitsFile = '/proc/self/limits'): number {
  let limits: string;
  try {
    limits = readFileSync(limitsFile, 'utf8');
  } catch {
    return 256;
  }
  const soft = /^Max open files\s+(\S+)/m.exec(limits)?.[1];
  if (soft === 'unlimited') return 4096;
  const count = Number(soft);
  return Number.isInteger(count) && count > 0 ? Math.max(1, Math.min(4096, Math.floor(count / 4))) : 256;
}

/**
 * State files held open for appending, least recently used closed first, so that a write costs one
 * append rather than an open, an append and a close.
 *
 * @remarks
 * `release` closes an evicted handle; it may wait (for a round of fsyncs still covering it) before doing so.
 * When the process runs out of file descriptors (EMFILE, ENFILE), the older half of the cache is closed, the
 * cache keeps that smaller size from then on, and the open is tried once more.
 */
export class OpenFiles {
  private readonly files = new Map<string, OpenFile>();

  constructor(
    private capacity: number,
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
      const fd = this.open(path);
      if (fd === undefined) return undefined;
      file = { fd, fresh: true };
      if (this.files.size >= this.capacity) this.close(this.files.keys().next().value!);
    }
    this.files.set(path, file);
    return file;
  }

  /** A new handle for appending to `path` (undefined: no such file), making room when descriptors run out. */
  private open(path: string): number | undefined {
    for (let attempt = 1; ; attempt++) {
      try {
        return openSync(path, constants.O_WRONLY | constants.O_APPEND);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return undefined;
        if (attempt > 1 || (code !== 'EMFILE' && code !== 'ENFILE') || this.files.size === 0) throw error;
        this.capacity = Math.max(1, Math.floor(this.files.size / 2));
        while (this.files.size > this.capacity) this.close(this.files.keys().next().value!);
      }
    }
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
