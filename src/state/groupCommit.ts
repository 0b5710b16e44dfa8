import { fdatasync } from 'node:fs';

interface Round {
  readonly files: Set<number>;
  readonly failures: Map<number, Error>;
  done?: Promise<void>;
}

/**
 * fsync with group commit (STATE_FSYNC=1): files written while one round of fsyncs runs are flushed
 * together in the next round, so writes of many conversations share one wait for the disk.
 *
 * @remarks
 * A round starts one tick after the previous one ends, so writes made in the same tick join it.
 * Each caller learns only about the failure of its own file.
 */
export class GroupCommit {
  private next: Round | undefined;
  private last: Promise<void> = Promise.resolve();

  /** Resolves once everything written to `fd` so far is on the disk. */
  async flush(fd: number): Promise<void> {
    let round = this.next;
    if (!round) {
      const opened: Round = { files: new Set(), failures: new Map() };
      round = this.next = opened;
      this.last = opened.done = this.last
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(() => {
          if (this.next === opened) this.next = undefined;
          return syncAll(opened);
        });
    }
    round.files.add(fd);
    await round.done;
    const failure = round.failures.get(fd);
    if (failure) throw failure;
  }

  /** Resolves when every flush asked for so far has finished (a file must stay open until then). */
  settled(): Promise<void> {
    return this.last;
  }
}

function syncAll(round: Round): Promise<void> {
  return Promise.all(
    [...round.files].map(
      (fd) => new Promise<void>((resolve) => fdatasync(fd, (error) => (error && round.failures.set(fd, error), resolve()))),
    ),
  ).then(() => undefined);
}
