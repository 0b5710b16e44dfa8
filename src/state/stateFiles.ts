import { close, closeSync, fstatSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import { replaceFile, syncFolder } from './atomicFile';
import { GroupCommit } from './groupCommit';
import { OpenFiles, appendAll, defaultOpenFileCount } from './openFiles';
import { encodeRecord, lastIntactRecord, type StateRecord } from './stateRecord';

export interface StateFilesOptions {
  /** STATE_FSYNC=1: a write resolves only once its record is on the disk (power loss), not just in the kernel. */
  fsync?: boolean;
  /** How many files to keep open for appending (default: a quarter of the process's limit, at most 4,096; {@link defaultOpenFileCount}). */
  openFiles?: number;
  /** A file is rewritten with only its latest record once appending would take it past this size (default 16 KiB). */
  compactAtBytes?: number;
  /** Called when a file holds no intact record and is moved aside (it is then treated as absent). */
  onCorruptFile?: (path: string) => void;
}

/**
 * The state files of one directory: each a log of self-checking records ({@link encodeRecord}) of which the
 * last intact one counts.
 *
 * @remarks
 * A save appends one record through a cached handle and resolves once the append has returned: the record
 * is in the kernel, so a killed process cannot lose it (with `fsync`, once it is on the disk). A file is
 * created, and rewritten once it would grow past `compactAtBytes`, atomically (temp file + rename) with
 * only the new record, so every file begins with an intact record. Callers serialise the operations on one
 * path.
 */
export class StateFiles {
  private readonly commits?: GroupCommit;
  private readonly files: OpenFiles;
  private readonly compactAtBytes: number;
  private readonly knownFolders = new Set<string>();

  constructor(private readonly options: StateFilesOptions = {}) {
    const commits = options.fsync ? new GroupCommit() : undefined;
    this.commits = commits;
    // A handle evicted while a round of fsyncs may still cover it is closed after that round.
    this.files = new OpenFiles(options.openFiles ?? defaultOpenFileCount(), (fd) =>
      commits ? void commits.settled().then(() => close(fd, () => undefined)) : closeSync(fd),
    );
    this.compactAtBytes = options.compactAtBytes ?? 16 * 1024;
  }

  /**
   * lowdb's view of one file: reading takes the last intact record, writing appends one (`json`: the record to be
   * written, already serialised by the caller, so that it is serialised once).
   */
  adapter(path: string, json?: string): Adapter<StateRecord | null> {
    return {
      read: () => this.load(path),
      write: async (record) => {
        if (!record) throw new TypeError('A state file holds a record.');
        await this.save(path, encodeRecord(record, json));
      },
    };
  }

  /** Deletes a file (forget me, purge); with fsync, the deletion too is on the disk when this resolves. */
  async remove(path: string): Promise<void> {
    this.files.close(path);
    await rm(path, { force: true });
    if (this.commits) await syncFolder(dirname(path)).catch(ignoreMissing);
  }

  /** Closes every open file once its fsyncs are done (graceful shutdown); a later save opens it again. */
  async close(): Promise<void> {
    await this.commits?.settled();
    this.files.closeAll();
  }

  private async load(path: string): Promise<StateRecord | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const record = lastIntactRecord(bytes);
    if (record) return record;
    // Every file begins with an intact record, so this is damage, not a crash: keep the file for
    // inspection and let the conversation start afresh rather than fail every turn.
    this.files.close(path);
    await rename(path, `${path}.corrupt-${Date.now()}`).catch(() => undefined);
    this.options.onCorruptFile?.(path);
    return null;
  }

  private async save(path: string, line: Buffer): Promise<void> {
    const file = this.files.get(path);
    if (file) {
      const { size, nlink } = fstatSync(file.fd);
      // nlink 0: the file was deleted underneath the handle; appending would write into nowhere.
      if (nlink > 0 && size + line.length <= Math.max(this.compactAtBytes, 4 * line.length)) {
        try {
          appendAll(file, line);
          if (this.commits) await this.commits.flush(file.fd);
        } catch (error) {
          // The file may now end in part of this record; the next handle starts on a new line.
          this.files.close(path);
          throw error;
        }
        return;
      }
      this.files.close(path);
    }
    await this.replace(path, line);
  }

  private async replace(path: string, line: Buffer): Promise<void> {
    const folder = dirname(path);
    if (!this.knownFolders.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.knownFolders.add(folder);
    }
    try {
      await replaceFile(path, line, this.commits !== undefined);
    } catch (error) {
      // The folder may have gone since it was made (a volume mounted afresh): make it again, once.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(folder, { recursive: true });
      await replaceFile(path, line, this.commits !== undefined);
    }
  }
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}
