import { execFileSync } from 'node:child_process';
import { closeSync, fdatasync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, unlinkSync, write, writeFileSync, writeSync, writev, writevSync } from 'node:fs';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Storage } from 'botbuilder';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createCrampbot } from '../../src/index';
import { createServer } from '../../src/http/server';
import { replaceFile } from '../../src/state/atomicFile';
import { GroupCommit } from '../../src/state/groupCommit';
import { ExpiringMemoryStorage } from '../../src/state/expiringMemoryStorage';
import { LowdbStorage } from '../../src/state/lowdbStorage';
import { OpenFiles, defaultOpenFileCount } from '../../src/state/openFiles';
import { stateFilePath } from '../../src/state/stateFileName';
import { encodeRecord, type StateRecord } from '../../src/state/stateRecord';

// Storage figures for issues 6 and 14: what one state write costs in each candidate design against the design it
// replaced (temp file + rename per write), run in the same process; fsync per write against group commit; lowdb
// write/read latency as stored conversations grow (target: 100k/1k ≤ 1.5); full HTTP turns per second with lowdb
// against MemoryStorage in the same run (target ≥ 0.9×); bytes per conversation.

// BENCH_STORAGE_QUICK=1 stops at 1k stored conversations (for a quick look while working);
// BENCH_STORAGE_TURNS and BENCH_STORAGE_CONCURRENCY change the HTTP run (2000 turns, 8 at a time).
const SIZES = process.env.BENCH_STORAGE_QUICK ? [1_000] : [1_000, 10_000, 100_000];
const OPERATIONS = 3_000;
const ROUNDS = 3;
const HTTP_ROUNDS = 5;

/** A conversation's state as crampbot keeps it after a few turns. */
function typicalState(index: number) {
  return {
    turnCount: 7,
    memory: {
      recent: ['hello', 'my calf cramps at night', 'about 2 minutes', 'a few times a week', `and it hurts ${index}`],
      offer: 'guide',
      lastTopic: 'symptoms',
      level: 'self_care',
    },
    dialogState: { dialogStack: [{ id: 'crampGuide', state: { stepIndex: 2, values: { pattern: 'recurring', where: 'calf' } } }] },
  };
}

const keyOf = (index: number) => `msteams/conversations/a:1Xb3_conversation-${index};messageid=17123456${index}/`;

const recordOf = (index: number): StateRecord => ({ key: keyOf(index), eTag: `bench-${index}`, item: typicalState(index) });
const pathOf = (directory: string, index: number) => join(directory, ...Object.values(stateFilePath(keyOf(index))));

/** Writes n state files straight to disk in LowdbStorage's layout (much faster than through the store). */
function seed(directory: string, n: number): void {
  for (let shard = 0; shard < 256; shard++) mkdirSync(join(directory, shard.toString(16).padStart(2, '0')), { recursive: true });
  for (let index = 0; index < n; index++) writeFileSync(pathOf(directory, index), encodeRecord(recordOf(index)));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs n operations on random stored keys; an operation may return its own duration in ns (to leave out set-up). */
async function sample(operation: (index: number) => Promise<unknown>, n: number, stored: number, into: number[]) {
  for (let i = 0; i < n; i++) {
    const index = Math.floor(Math.random() * stored);
    const started = process.hrtime.bigint();
    const own = await operation(index);
    into.push((typeof own === 'number' ? own : Number(process.hrtime.bigint() - started)) / 1e6);
  }
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

interface Store {
  stored: number;
  directory: string;
  reads: number[];
  writes: number[];
}

/** One seeded state directory per size. */
function seedStores(): Store[] {
  const stores: Store[] = SIZES.map((stored) => {
    const directory = mkdtempSync(join(tmpdir(), 'crampbot-bench-'));
    seed(directory, stored);
    return { stored, directory, reads: [], writes: [] };
  });
  // Let the kernel write the seeded files out now, not in the middle of the measurement (at 100k that
  // writeback otherwise lands in the tail latencies of whichever size is measured next).
  execFileSync('sync');
  return stores;
}

/**
 * LowdbStorage read and write latency for every size, measured in interleaved rounds (1k, 10k, 100k, 1k, …)
 * so that other work on the machine falls on all sizes alike.
 */
async function latencies(stores: Store[]): Promise<void> {
  for (const store of stores) {
    const storage = new LowdbStorage(store.directory);
    await sample((index) => storage.read([keyOf(index)]), 200, store.stored, []); // warm-up
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const { directory, stored, reads, writes } of stores) {
      // A fresh instance remembers no file and holds none open, so reads and eTag checks go to the disk and
      // writes open their file (the worst case).
      let storage = new LowdbStorage(directory);
      await sample((index) => storage.read([keyOf(index)]), OPERATIONS / ROUNDS, stored, reads);
      await storage.close();
      storage = new LowdbStorage(directory);
      // What a turn's commit does: a write that must match the eTag it read.
      await sample(
        async (index) => {
          const key = keyOf(index);
          const item = (await storage.read([key]))[key];
          const started = process.hrtime.bigint();
          await storage.write({ [key]: { ...item, turnCount: (item.turnCount as number) + 1 } });
          return Number(process.hrtime.bigint() - started);
        },
        OPERATIONS / ROUNDS,
        stored,
        writes,
      );
      await storage.close();
    }
  }
}

/** One way to store a conversation's state; `write(index)` stores conversation `index`'s record. */
interface WriteDesign {
  name: string;
  open(directory: string): { write(index: number): unknown; close(): unknown };
}

const NEWLINE = Buffer.from('\n');
const WRITES_IN_FLIGHT = 16;
const DESIGN_WRITES = 2_000;

/** The record as three buffers (header, JSON, newline), for writev. */
function recordPieces(index: number): Buffer[] {
  const json = Buffer.from(JSON.stringify(recordOf(index)));
  return [Buffer.from(`${json.length} ${crc32(json).toString(16).padStart(8, '0')} `), json, NEWLINE];
}

const callback = (run: (done: (error: Error | null) => void) => void) =>
  new Promise<void>((resolve, reject) => run((error) => (error ? reject(error) : resolve())));

/** Appends through `handles` cached file handles (1: open and close for every write). */
function appendDesign(name: string, handles: number, append: (fd: number, index: number) => unknown): WriteDesign {
  return {
    name,
    open(directory) {
      const files = new OpenFiles(handles);
      return { write: (index) => append(files.get(pathOf(directory, index))!.fd, index), close: () => files.closeAll() };
    },
  };
}

function lowdbDesign(name: string, options: ConstructorParameters<typeof LowdbStorage>[1]): WriteDesign {
  return {
    name,
    open(directory) {
      const storage = new LowdbStorage(directory, options);
      return { write: (index) => storage.write({ [keyOf(index)]: typicalState(index) }), close: () => storage.close() };
    },
  };
}

const BASELINE: WriteDesign = {
  name: 'temp file + rename per write (before; baseline)',
  open: (directory) => ({ write: (index) => replaceFile(pathOf(directory, index), encodeRecord(recordOf(index))), close: () => undefined }),
};

const WRITE_DESIGNS: WriteDesign[] = [
  BASELINE,
  appendDesign('append, async write, 256 handles', 256, (fd, index) => callback((done) => write(fd, encodeRecord(recordOf(index)), done))),
  appendDesign('append, async writev, 256 handles', 256, (fd, index) => callback((done) => writev(fd, recordPieces(index), done))),
  appendDesign('append, sync write, 256 handles', 256, (fd, index) => writeSync(fd, encodeRecord(recordOf(index)))),
  appendDesign('append, sync writev, 256 handles', 256, (fd, index) => writevSync(fd, recordPieces(index))),
  appendDesign('append, sync write, no cache (open+close)', 1, (fd, index) => writeSync(fd, encodeRecord(recordOf(index)))),
  appendDesign('append, sync write, 16 handles', 16, (fd, index) => writeSync(fd, encodeRecord(recordOf(index)))),
  appendDesign('append, sync write, 4,096 handles', 4096, (fd, index) => writeSync(fd, encodeRecord(recordOf(index)))),
  lowdbDesign(`LowdbStorage as built (sync append, ${defaultOpenFileCount().toLocaleString('en-GB')} handles here, 16 KiB)`, {}),
];

const DURABLE_DESIGNS: WriteDesign[] = [
  { ...BASELINE, name: 'temp + fdatasync + rename + folder fsync (baseline)', open: (directory) => ({ write: (index) => replaceFile(pathOf(directory, index), encodeRecord(recordOf(index)), true), close: () => undefined }) },
  appendDesign('append, sync write + own fdatasync per write', 256, (fd, index) => {
    writeSync(fd, encodeRecord(recordOf(index)));
    return callback((done) => fdatasync(fd, done));
  }),
  (() => {
    // Group commit as a database does it for its one log file: a round starts when the previous one has ended
    // and takes every file written meanwhile.
    let waiting: Set<number> | undefined;
    let previous = Promise.resolve();
    let round: Promise<void> = previous;
    return appendDesign('append + group commit, one round at a time', 256, (fd, index) => {
      writeSync(fd, encodeRecord(recordOf(index)));
      if (!waiting) {
        const files = (waiting = new Set<number>());
        round = previous = previous.then(() => {
          waiting = undefined;
          return Promise.all([...files].map((file) => callback((done) => fdatasync(file, done)))).then(() => undefined);
        });
      }
      waiting.add(fd);
      return round;
    });
  })(),
  (() => {
    const commits = new GroupCommit();
    return appendDesign('append + group commit per tick (as built)', 256, (fd, index) => {
      writeSync(fd, encodeRecord(recordOf(index)));
      return commits.flush(fd);
    });
  })(),
  lowdbDesign('LowdbStorage, STATE_FSYNC=1 (group commit)', { fsync: true }),
  lowdbDesign('LowdbStorage, no fsync (for reference)', {}),
];

interface DesignFigures {
  perSecond: number[];
  cpuMicros: number[];
}

/** `writes` writes to random conversations, WRITES_IN_FLIGHT at a time: writes per second and CPU µs per write. */
async function measureDesign(design: WriteDesign, directory: string, stored: number, writes: number, into: DesignFigures) {
  const store = design.open(directory);
  let issued = 0;
  // Like turns, writes of one conversation never overlap.
  const busy = new Set<number>();
  const pick = () => {
    let index;
    do index = Math.floor(Math.random() * stored);
    while (busy.has(index));
    busy.add(index);
    return index;
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITES_IN_FLIGHT }, async () => {
      while (issued++ < writes) {
        const index = pick();
        await store.write(index);
        busy.delete(index);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  await store.close();
  into.perSecond.push(writes / seconds);
  into.cpuMicros.push((used.user + used.system) / writes);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Every design on the same seeded files, in interleaved rounds (A, B, C, …, A, B, C, …) so that other work on the
 * machine falls on all alike; figures are medians of the rounds, ratios against the first design in the same run.
 * @remarks The plain append designs never compact, so the files grow and LowdbStorage compacts more often here than
 * it would alone: its figures are on the slow side ({@link compactionBounds} measures compaction on its own).
 */
async function compareDesigns(title: string, designs: WriteDesign[], stores: Store[], writes: number): Promise<void> {
  const figures = stores.map(() => designs.map((): DesignFigures => ({ perSecond: [], cpuMicros: [] })));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [s, store] of stores.entries()) {
      for (const [d, design] of designs.entries()) await measureDesign(design, store.directory, store.stored, writes, figures[s][d]);
    }
  }
  console.log(`\n${title} (${WRITES_IN_FLIGHT} writes in flight to random conversations, ${writes} per round, median of ${ROUNDS} interleaved rounds)`);
  const header = stores.map(({ stored }) => `${(stored / 1000).toString().padStart(3)}k: writes/s  CPU µs  × baseline`).join(' | ');
  console.log(`${'design'.padEnd(52)} | ${header}`);
  designs.forEach((design, d) => {
    const cells = stores.map((_store, s) => {
      const own = figures[s][d];
      const base = figures[s][0];
      return `${median(own.perSecond).toFixed(0).padStart(11)} ${median(own.cpuMicros).toFixed(1).padStart(7)} ${(median(own.perSecond) / median(base.perSecond)).toFixed(2).padStart(10)}×`;
    });
    console.log(`${design.name.padEnd(52)} | ${cells.join(' | ')}`);
  });
}

/**
 * The storage part of a turn on its own (read the conversation, write it back with the eTag read, 200 conversations),
 * MemoryStorage against lowdb in interleaved rounds: CPU µs per turn. Steadier than full turns on a busy machine,
 * and what lowdb adds to every turn.
 */
async function storagePartOfTurn(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'crampbot-bench-turn-'));
  const stores: Array<[string, Storage]> = [
    ['MemoryStorage', new ExpiringMemoryStorage()],
    ['lowdb', new LowdbStorage(directory)],
  ];
  const turn = async (storage: Storage, count: number) => {
    const started = process.cpuUsage();
    for (let index = 0; index < count; index++) {
      const key = keyOf(index % 200);
      const item = (await storage.read([key]))[key];
      await storage.write({ [key]: { ...typicalState(index), eTag: item?.eTag ?? '*' } });
    }
    const used = process.cpuUsage(started);
    return (used.user + used.system) / count;
  };
  try {
    for (const [, storage] of stores) await turn(storage, 2_000); // warm-up: every file exists
    const micros = stores.map((): number[] => []);
    for (let round = 0; round < HTTP_ROUNDS; round++) {
      for (const [index, [, storage]] of stores.entries()) micros[index].push(await turn(storage, 10_000));
    }
    console.log(
      `storage part of a turn (read, then write with that eTag; median of ${HTTP_ROUNDS} interleaved rounds): ` +
        stores.map(([name], index) => `${name} ${median(micros[index]).toFixed(1)} µs CPU`).join(' · ') +
        ` — lowdb adds ${(median(micros[1]) - median(micros[0])).toFixed(1)} µs to a turn`,
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * What the compaction bound trades: CPU per write (compactions included) against space per conversation, each
 * bound on fresh files written 160 times per conversation (a full cycle even for 64 KiB), in interleaved rounds.
 */
async function compactionBounds(): Promise<void> {
  const bounds = [4 * 1024, 16 * 1024, 64 * 1024];
  const conversations = 300;
  const writesEach = 160;
  const cpu = bounds.map((): number[] => []);
  const disk = bounds.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [b, compactAtBytes] of bounds.entries()) {
      const directory = mkdtempSync(join(tmpdir(), 'crampbot-bench-compaction-'));
      const storage = new LowdbStorage(directory, { compactAtBytes });
      for (let index = 0; index < conversations; index++) await storage.write({ [keyOf(index)]: typicalState(index) });
      // Space is averaged over the passes: right after a compaction a file is small, right before it, large.
      let micros = 0;
      let space = 0;
      for (let write = 1; write < writesEach; write++) {
        const started = process.cpuUsage();
        for (let index = 0; index < conversations; index++) await storage.write({ [keyOf(index)]: typicalState(index + write) });
        const used = process.cpuUsage(started);
        micros += used.user + used.system;
        space += diskUse(directory).disk;
      }
      cpu[b].push(micros / (conversations * (writesEach - 1)));
      disk[b].push(space / (writesEach - 1));
      await storage.close();
      rmSync(directory, { recursive: true, force: true });
    }
  }
  console.log(`\ncompaction bound (${conversations} conversations × ${writesEach} writes, median of ${ROUNDS} interleaved rounds)`);
  bounds.forEach((bound, b) =>
    console.log(`  ${(bound / 1024).toString().padStart(2)} KiB: CPU ${median(cpu[b]).toFixed(1)} µs per write · ${Math.round(median(disk[b]))} B on disk per conversation on average`),
  );
}

/** Average file size and file-system space of a sample of state files. */
function diskUse(directory: string) {
  const files = readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .slice(0, 2_000);
  let bytes = 0;
  let blocks = 0;
  for (const file of files) {
    const info = statSync(join(file.parentPath, file.name));
    bytes += info.size;
    blocks += info.blocks * 512;
  }
  return { bytes: bytes / files.length, disk: blocks / files.length };
}

/**
 * What creating one empty file costs in `directory` (µs, median of 200). The temp file + rename design created one
 * per write, lowdb now creates one per new conversation and per compaction; on this machine's ext4 that cost
 * varies from ~30 µs to ~800 µs between directories, so it is printed with the turns per second.
 */
function fileCreateMicros(directory: string): number {
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const path = join(directory, `.probe-${i}.tmp`);
    const started = process.hrtime.bigint();
    closeSync(openSync(path, 'w'));
    times.push(Number(process.hrtime.bigint() - started) / 1000);
    unlinkSync(path);
  }
  return summary(times).p50;
}

/**
 * Full turns over HTTP (expectReplies) through the real bot: turns per second, and CPU µs per turn of this process
 * (server and load generator), which other work on a shared machine disturbs less.
 */
async function fullTurns(storage: Storage, turns: number, concurrency: number): Promise<{ perSecond: number; cpuMicros: number }> {
  const config = loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent' });
  const app = createCrampbot(config, pino({ level: 'silent' }), { storage });
  const unlimited = { limit: 1_000_000, windowMs: 1000 };
  const server = createServer({ ...app, limits: { perClient: unlimited, perConversation: unlimited } });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const texts = ['hello', 'what helps a cramp right now', 'why do I get cramps at night', 'should I see a doctor', 'is magnesium any good'];
  const post = (index: number) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({
        type: 'message',
        channelId: 'webchat',
        serviceUrl: 'http://127.0.0.1:9/',
        conversation: { id: `bench-${index % 200}` },
        from: { id: `user-${index % 200}` },
        recipient: { id: 'crampbot' },
        deliveryMode: 'expectReplies',
        text: texts[index % texts.length],
      });
      const req = request(
        { host: '127.0.0.1', port, path: '/api/messages', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const drive = async (count: number) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) await post(next++);
      }),
    );
  };
  try {
    await drive(200); // warm-up
    const cpu = process.cpuUsage();
    const started = performance.now();
    await drive(turns);
    const used = process.cpuUsage(cpu);
    return { perSecond: turns / ((performance.now() - started) / 1000), cpuMicros: (used.user + used.system) / turns };
  } finally {
    agent.destroy();
    server.server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export async function run(): Promise<void> {
  // HTTP first: deleting 100k seeded files afterwards keeps the disk busy for a while.
  const directory = mkdtempSync(join(tmpdir(), 'crampbot-bench-http-'));
  try {
    const turns = Number(process.env.BENCH_STORAGE_TURNS ?? 2_000);
    const concurrency = Number(process.env.BENCH_STORAGE_CONCURRENCY ?? 8);
    // Alternating rounds, median of each: other work on the machine hits every storage alike. Every round starts
    // from empty state, so that each storage sees the same conversations take the same turns.
    const servers: Array<[string, (round: number) => Storage & { close?: () => Promise<void> }]> = [
      ['MemoryStorage', () => new ExpiringMemoryStorage()],
      ['lowdb', (round) => new LowdbStorage(join(directory, `plain-${round}`))],
      ['lowdb STATE_FSYNC=1', (round) => new LowdbStorage(join(directory, `fsync-${round}`), { fsync: true })],
    ];
    const rates = servers.map((): number[] => []);
    const cpu = servers.map((): number[] => []);
    for (let round = 0; round < HTTP_ROUNDS; round++) {
      for (const [index, [, make]] of servers.entries()) {
        const storage = make(round);
        const { perSecond, cpuMicros } = await fullTurns(storage, turns, concurrency);
        rates[index].push(perSecond);
        cpu[index].push(cpuMicros);
        await storage.close?.();
      }
    }
    console.log(
      `full turns over HTTP (${concurrency} at a time, 200 conversations, median of ${HTTP_ROUNDS} interleaved rounds; ` +
        `lowdb / MemoryStorage target ≥ 0.9×): ` +
        servers
          .map(([name], index) =>
            `${name} ${median(rates[index]).toFixed(0)}/s (${(median(rates[index]) / median(rates[0])).toFixed(2)}×), ` +
            `${median(cpu[index]).toFixed(0)} µs CPU per turn (${(median(cpu[0]) / median(cpu[index])).toFixed(2)}×)`,
          )
          .join(' · ') +
        `; creating a file in the state directory costs ${fileCreateMicros(directory).toFixed(0)} µs here`,
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }

  await storagePartOfTurn();

  const stores = seedStores();
  try {
    await latencies(stores);
    for (const { stored, reads, writes } of stores) {
      const read = summary(reads);
      const write = summary(writes);
      console.log(
        `lowdb, ${stored.toLocaleString('en-GB')} conversations stored: ` +
          `read p50 ${read.p50.toFixed(3)} ms p99 ${read.p99.toFixed(3)} ms · ` +
          `write (eTag-checked) p50 ${write.p50.toFixed(3)} ms p99 ${write.p99.toFixed(3)} ms`,
      );
    }
    const small = stores[0];
    const large = stores.at(-1)!;
    const ratio = (samples: (store: Store) => number[], p: 'p50' | 'p99') =>
      (summary(samples(large))[p] / summary(samples(small))[p]).toFixed(2);
    console.log(
      `${large.stored / 1000}k/${small.stored / 1000}k ratio: write p50 ${ratio((s) => s.writes, 'p50')}× p99 ${ratio((s) => s.writes, 'p99')}× · ` +
        `read p50 ${ratio((s) => s.reads, 'p50')}× p99 ${ratio((s) => s.reads, 'p99')}× (target ≤ 1.5×)`,
    );
    const use = diskUse(large.directory);
    console.log(`bytes per conversation after a few writes: ${Math.round(use.bytes)} B in its file, ${Math.round(use.disk)} B on disk (file system blocks)`);

    const extremes = stores.length > 1 ? [small, large] : [small];
    await compareDesigns('write designs, no fsync', WRITE_DESIGNS, extremes, DESIGN_WRITES);
    await compareDesigns('write designs with fsync (power-loss durable)', DURABLE_DESIGNS, [small], DESIGN_WRITES / 4);
    await compactionBounds();
  } finally {
    for (const { directory } of stores) rmSync(directory, { recursive: true, force: true });
  }
}
