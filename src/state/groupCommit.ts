import { fdatasync } from 'node:fs';

interface Round {
  readonly files: Set<number>;
  readonly failures: Map<number, Error>;
  readonly done: Promise<void>;
}

/**
 * fsync with group commit (STATE_FSYNC=1): the files written in one tick are flushed together in one
 * round, one tick later, and each write resolves once its file is on the disk.
 *
 * @remarks
 * Rounds do not wait for each other. Every conversation has its own file and needs its own fdatasync, so a
 * round cannot save any, and the kernel's journal already batches concurrent ones: in
 * test/bench/storage.bench.ts, neither waiting for the previous round (as a database does for its one log
 * file) nor an fdatasync per write at once was reliably faster. Each caller learns only about the failure of
 * its own file.
 */
export class GroupCommit {
  private next: Round | undefined;
  private readonly running = new Set<Promise<void>>();

  /** Resolves once everything written to `fd` so far is on the disk. */
  async flush(fd: number): Promise<void> {
    const round = (this.next ??= this.openRound());
    round.files.add(fd);
    await round.done;
    const failure = round.failures.get(fd);
    if (failure) throw failure;
  }

  /** Resolves when every flush asked for so far has finished (a file must stay open until then). */
  async settled(): Promise<void> {
    await Promise.all(this.running);
  }

  private openRound(): Round {
    const files = new Set<number>();
    const failures = new Map<number, Error>();
    const done = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.next = undefined;
      return syncAll(files, failures);
    });
    this.running.add(done);
    void done.then(() => this.running.delete(done));
    return { files, failures, done };
  }
}

function syncAll(files: Set<number>, failures: Map<number, Error>): Promise<void> {
  return Promise.all(
    [...files].map((fd) => new Promise<void>((resolve) => fdatasync(fd, (error) => (error && failures.set(fd, error), resolve())))),
  ).then(() => undefined);
}
