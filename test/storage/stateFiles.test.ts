import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gracefulShutdown } from '../../src/http/shutdown';
import { LowdbStorage } from '../../src/state/lowdbStorage';
import { PreconditionFailedError } from '../../src/state/errors';
import { stateFilePath } from '../../src/state/stateFileName';
import { purgeExpiredState } from '../../src/state/statePurge';
import { defaultOpenFileCount } from '../../src/state/openFiles';
import { encodeRecord } from '../../src/state/stateRecord';
import { conversationKey, message, send, startCrampbot } from './crampbotHarness';

// How LowdbStorage's files behave on disk: appended records of which the last intact one counts,
// compaction, open handles, and fsync with group commit.

// The fs module object itself (not an import's copy of it), so that a spy sees the storage's calls.
const fs = require('node:fs') as typeof import('node:fs');

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'crampbot-statefiles-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const fresh = () => mkdtempSync(join(root, 'case-'));
const fileOf = (directory: string, key: string) => join(directory, ...Object.values(stateFilePath(key)));
/** What a restarted process reads: a new instance remembers nothing. */
const readAfterRestart = async (directory: string, key: string) => (await new LowdbStorage(directory).read([key]))[key];

/** Files of `directory` this process holds open (Linux: /proc/self/fd). */
function openHandlesUnder(directory: string): string[] {
  return readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return ''; // the fd readdir itself used, gone by now
      }
    })
    .filter((target) => target.startsWith(directory));
}

async function writeCounts(storage: LowdbStorage, key: string, counts: number[]) {
  for (const count of counts) await storage.write({ [key]: { count } });
}

describe('a state file damaged at its end', () => {
  it('reads the previous state when the last record was cut in half, and appends after it', async () => {
    const directory = fresh();
    await writeCounts(new LowdbStorage(directory), 'torn', [1, 2]);
    const file = fileOf(directory, 'torn');
    const lastRecord = readFileSync(file).toString('utf8').trimEnd().split('\n').at(-1)!;
    truncateSync(file, statSync(file).size - Math.ceil(Buffer.byteLength(lastRecord) / 2));

    expect(await readAfterRestart(directory, 'torn')).toMatchObject({ count: 1 });

    // The next process carries on from there; the torn piece cannot swallow its record.
    await new LowdbStorage(directory).write({ torn: { count: 3 } });
    expect(await readAfterRestart(directory, 'torn')).toMatchObject({ count: 3 });
  });

  it.each([
    ['its JSON', (record: string) => record.indexOf('"count":2') + 8],
    ['its checksum', (record: string) => record.indexOf(' ') + 3],
    ['its length', () => 0],
  ])('reads the previous state when a byte of the last record is flipped in %s', async (_part, position) => {
    const directory = fresh();
    await writeCounts(new LowdbStorage(directory), 'flipped', [1, 2]);
    const file = fileOf(directory, 'flipped');
    const bytes = readFileSync(file);
    const lastStart = bytes.lastIndexOf('\n', bytes.length - 2) + 1;
    const at = lastStart + position(bytes.subarray(lastStart).toString('latin1'));
    bytes[at] ^= 0x01;
    writeFileSync(file, bytes);

    expect(await readAfterRestart(directory, 'flipped')).toMatchObject({ count: 1 });
  });
});

it('reads a file in the format before records had checksums, and keeps its eTag rules', async () => {
  const directory = fresh();
  const storage = new LowdbStorage(directory);
  await storage.write({ old: { count: 0 } }); // makes the shard folder
  writeFileSync(fileOf(directory, 'old'), JSON.stringify({ key: 'old', eTag: 'old-etag', item: { count: 5 } }));

  const restarted = new LowdbStorage(directory);
  const item = (await restarted.read(['old'])).old;
  expect(item).toEqual({ count: 5, eTag: 'old-etag' });
  await restarted.write({ old: { ...item, count: 6 } });
  await expect(restarted.write({ old: { ...item, count: 7 } })).rejects.toBeInstanceOf(PreconditionFailedError);
  expect(await readAfterRestart(directory, 'old')).toMatchObject({ count: 6 });
});

describe('compaction', () => {
  it('rewrites a file past its bound with only its latest record, losing none of the writes racing it', async () => {
    const directory = fresh();
    const storage = new LowdbStorage(directory, { compactAtBytes: 1024 });
    // Four writers increment one counter with eTags, retrying on conflict: 200 increments, many compactions.
    const increment = async () => {
      for (;;) {
        const item = (await storage.read(['counter'])).counter ?? { count: 0 };
        try {
          await storage.write({ counter: { ...item, count: item.count + 1 } });
          return;
        } catch (error) {
          if (!(error instanceof PreconditionFailedError)) throw error;
        }
      }
    };
    await storage.write({ counter: { count: 0 } });
    await Promise.all(Array.from({ length: 4 }, async () => {
      for (let i = 0; i < 50; i++) await increment();
    }));

    expect(await readAfterRestart(directory, 'counter')).toMatchObject({ count: 200 });
    expect(statSync(fileOf(directory, 'counter')).size).toBeLessThanOrEqual(1024);
    expect(readdirSync(join(fileOf(directory, 'counter'), '..')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the old file readable when a crash stopped a compaction before its rename', async () => {
    const directory = fresh();
    await writeCounts(new LowdbStorage(directory), 'compacting', [1, 2]);
    // What a process killed mid-compaction leaves: a partly written temp file beside the intact old one.
    const temp = join(fileOf(directory, 'compacting'), '..', `.${stateFilePath('compacting').name}.tmp`);
    writeFileSync(temp, encodeRecord({ key: 'compacting', eTag: 'new', item: { count: 3 } }).subarray(0, 25));

    expect(await readAfterRestart(directory, 'compacting')).toMatchObject({ count: 2 });
    const restarted = new LowdbStorage(directory, { compactAtBytes: 1 });
    await restarted.write({ compacting: { count: 3 } });
    expect(await readAfterRestart(directory, 'compacting')).toMatchObject({ count: 3 });
  });
});

describe('open files', () => {
  it('keeps at most the configured number of files open, and closes them all on close()', async () => {
    const directory = fresh();
    const storage = new LowdbStorage(directory, { openFiles: 4 });
    const keys = Array.from({ length: 20 }, (_, index) => `key-${index}`);
    for (const key of keys) await storage.write({ [key]: { round: 1 } });
    for (const key of keys) await storage.write({ [key]: { round: 2 } });

    expect(openHandlesUnder(directory).length).toBeGreaterThan(0);
    expect(openHandlesUnder(directory).length).toBeLessThanOrEqual(4);
    const restarted = await new LowdbStorage(directory).read(keys);
    for (const key of keys) expect(restarted[key]).toMatchObject({ round: 2 });

    await storage.close();
    expect(openHandlesUnder(directory)).toEqual([]);
  });

  it('are all closed by a graceful shutdown of the bot', async () => {
    const directory = fresh();
    const storage = new LowdbStorage(directory);
    const bot = await startCrampbot(storage);
    for (const text of ['hello', 'what helps a cramp right now']) await send(bot.url, message('shutting-down', text));
    expect(openHandlesUnder(directory).length).toBeGreaterThan(0);

    await gracefulShutdown({ server: bot.server, turns: bot.app.adapter.turns, storage: bot.app.storage, logger: bot.app.logger });
    expect(openHandlesUnder(directory)).toEqual([]);
    expect(await readAfterRestart(directory, conversationKey('shutting-down'))).toMatchObject({ turnCount: 2 });
  });

  it('forgets a deleted key on disk: its handle is closed and a later write starts a new file', async () => {
    const directory = fresh();
    const storage = new LowdbStorage(directory);
    await writeCounts(storage, 'forget-me', [1, 2]);
    await storage.delete(['forget-me']);

    expect(readdirSync(directory, { recursive: true }).filter((name) => String(name).includes('forget-me'))).toEqual([]);
    expect(openHandlesUnder(directory)).toEqual([]);
    await storage.write({ 'forget-me': { count: 1, again: true } });
    expect(await readAfterRestart(directory, 'forget-me')).toEqual({ count: 1, again: true, eTag: expect.any(String) });
  });

  it('closes the handle of a file purged for its age', async () => {
    const directory = fresh();
    const storage = new LowdbStorage(directory);
    await writeCounts(storage, 'expired', [1, 2]);
    expect(openHandlesUnder(directory)).toHaveLength(1);
    const monthAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    utimesSync(fileOf(directory, 'expired'), monthAgo, monthAgo);

    expect(await purgeExpiredState(storage, 30)).toBe(1);
    expect(openHandlesUnder(directory)).toEqual([]);
  });

  it('keeps a quarter of the process file limit open by default, at most 4,096', () => {
    const limits = (soft: string, hard: string) => {
      const file = join(fresh(), 'limits');
      writeFileSync(file, `Limit                     Soft Limit           Hard Limit           Units\nMax open files            ${soft.padEnd(21)}${hard.padEnd(21)}files\n`);
      return file;
    };
    expect(defaultOpenFileCount(limits('1024', '1048576'))).toBe(256);
    expect(defaultOpenFileCount(limits('20000', '20000'))).toBe(4096);
    expect(defaultOpenFileCount(limits('unlimited', 'unlimited'))).toBe(4096);
    expect(defaultOpenFileCount(join(fresh(), 'no-such-file'))).toBe(256);
  });

  it('closes the older half of its files and saves the write when the process runs out of file descriptors', async () => {
    const directory = fresh();
    const storage = new LowdbStorage(directory, { openFiles: 8 });
    const keys = Array.from({ length: 9 }, (_, index) => `key-${index}`);
    // A file is created on its first write and held open from its second.
    for (const key of keys.slice(0, 8)) await writeCounts(storage, key, [1, 2]);
    await writeCounts(storage, keys[8], [1]);
    expect(openHandlesUnder(directory)).toHaveLength(8);

    const realOpen = fs.openSync;
    let refusals = 0;
    const spy = jest.spyOn(fs, 'openSync').mockImplementation(((...args: Parameters<typeof fs.openSync>) => {
      if (refusals++ === 0) throw Object.assign(new Error('EMFILE: too many open files'), { code: 'EMFILE' });
      return realOpen(...args);
    }) as typeof fs.openSync);
    try {
      await writeCounts(storage, keys[8], [2]);
    } finally {
      spy.mockRestore();
    }

    expect(refusals).toBe(2);
    expect(openHandlesUnder(directory).length).toBeLessThanOrEqual(4);
    const restarted = await new LowdbStorage(directory).read(keys);
    for (const key of keys) expect(restarted[key]).toMatchObject({ count: 2 });
    await storage.close();
  });

  it('writes a new file when its file was deleted underneath the open handle', async () => {
    const directory = fresh();
    const storage = new LowdbStorage(directory);
    await writeCounts(storage, 'removed', [1, 2]);
    rmSync(fileOf(directory, 'removed'));
    await storage.write({ removed: { count: 3 } });
    expect(await readAfterRestart(directory, 'removed')).toMatchObject({ count: 3 });
  });
});

describe('STATE_FSYNC: group commit', () => {
  /** Holds every fdatasync until released, as a slow disk would. */
  function holdFlushes() {
    const held: Array<{ fd: number; done: (error: NodeJS.ErrnoException | null) => void }> = [];
    const spy = jest.spyOn(fs, 'fdatasync').mockImplementation(((fd: number, done: (error: NodeJS.ErrnoException | null) => void) => {
      held.push({ fd, done });
    }) as typeof fs.fdatasync);
    const settle = async () => {
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    return { held, spy, settle };
  }

  it('answers a write only after its file is flushed, and flushes the files written in one tick in one round', async () => {
    const directory = fresh();
    const keys = Array.from({ length: 10 }, (_, index) => `conversation-${index}`);
    const storage = new LowdbStorage(directory, { fsync: true });
    for (const key of [...keys, 'late']) await storage.write({ [key]: { count: 1 } }); // the files exist: writes append
    const { held, spy, settle } = holdFlushes();
    try {
      const done = new Set<string>();
      const writes = keys.map((key) => storage.write({ [key]: { count: 2 } }).then(() => done.add(key)));
      await settle();
      expect(held).toHaveLength(10);
      expect(done.size).toBe(0);

      // A write made while that round waits for the disk gets its own round, without waiting behind it.
      const late = storage.write({ late: { count: 2 } }).then(() => done.add('late'));
      await settle();
      expect(held).toHaveLength(11);
      held.pop()!.done(null);
      await late;
      expect(done).toEqual(new Set(['late']));

      held.splice(0).forEach(({ done: flushed }) => flushed(null));
      await Promise.all(writes);
      expect(done.size).toBe(11);
    } finally {
      spy.mockRestore();
    }
  });

  it('fails only the write whose file could not be flushed', async () => {
    const directory = fresh();
    const storage = new LowdbStorage(directory, { fsync: true });
    await storage.write({ healthy: { count: 1 }, failing: { count: 1 } });
    const { held, spy, settle } = holdFlushes();
    try {
      const healthy = storage.write({ healthy: { count: 2 } });
      const failing = storage.write({ failing: { count: 2 } });
      await settle();
      const [first, second] = held.splice(0);
      first.done(null);
      second.done(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
      await expect(healthy).resolves.toBeUndefined();
      await expect(failing).rejects.toMatchObject({ code: 'EIO' });
    } finally {
      spy.mockRestore();
    }
  });
});
