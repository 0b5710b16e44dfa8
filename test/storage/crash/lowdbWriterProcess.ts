// Writes counters to LowdbStorage as fast as it can, for the crash test: STATE_DIR from the environment and a
// small compaction bound, so that many writes rewrite their file. Prints "<key> <count>" once a write has resolved
// (stdout to a pipe is synchronous on Linux, so a printed count was acknowledged before the line went out).
import { LowdbStorage } from '../../../src/state/lowdbStorage';

const storage = new LowdbStorage(process.env.STATE_DIR!, { compactAtBytes: 600, openFiles: 4 });
const keys = Array.from({ length: 8 }, (_, index) => `counter-${index}`);

void Promise.all(
  keys.map(async (key) => {
    let count = ((await storage.read([key]))[key]?.count as number | undefined) ?? 0;
    for (;;) {
      count += 1;
      await storage.write({ [key]: { count, padding: 'x'.repeat(count % 50) } });
      process.stdout.write(`${key} ${count}\n`);
    }
  }),
);
