import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Storage } from 'botbuilder';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createCrampbot } from '../../src/index';
import { createServer } from '../../src/http/server';
import { ExpiringMemoryStorage } from '../../src/state/expiringMemoryStorage';
import { LowdbStorage } from '../../src/state/lowdbStorage';
import { stateFilePath } from '../../src/state/stateFileName';

// Storage figures for issue 6: lowdb write/read latency as stored conversations grow (target: 100k/1k ≤ 1.5),
// full HTTP turns per second with lowdb against MemoryStorage in the same run (target ≥ 0.8×), bytes per conversation.

// BENCH_STORAGE_QUICK=1 stops at 1k stored conversations (for a quick look while working);
// BENCH_STORAGE_TURNS and BENCH_STORAGE_CONCURRENCY change the HTTP run (2000 turns, 8 at a time).
const SIZES = process.env.BENCH_STORAGE_QUICK ? [1_000] : [1_000, 10_000, 100_000];
const OPERATIONS = 3_000;
const ROUNDS = 3;

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

/** Writes n state files straight to disk in LowdbStorage's layout (much faster than through the store). */
function seed(directory: string, n: number): void {
  for (let shard = 0; shard < 256; shard++) mkdirSync(join(directory, shard.toString(16).padStart(2, '0')), { recursive: true });
  for (let index = 0; index < n; index++) {
    const key = keyOf(index);
    const { shard, name } = stateFilePath(key);
    writeFileSync(join(directory, shard, name), JSON.stringify({ key, eTag: `seed-${index}`, item: typicalState(index) }));
  }
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

/**
 * Read and write latency for every size, measured in interleaved rounds (1k, 10k, 100k, 1k, …) so that
 * other work on the machine falls on all sizes alike.
 */
async function latencies(): Promise<Store[]> {
  const stores: Store[] = SIZES.map((stored) => {
    const directory = mkdtempSync(join(tmpdir(), 'crampbot-bench-'));
    seed(directory, stored);
    return { stored, directory, reads: [], writes: [] };
  });
  // Let the kernel write the seeded files out now, not in the middle of the measurement (at 100k that
  // writeback otherwise lands in the tail latencies of whichever size is measured next).
  execFileSync('sync');
  for (const store of stores) {
    const storage = new LowdbStorage(store.directory);
    await sample((index) => storage.read([keyOf(index)]), 200, store.stored, []); // warm-up
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const { directory, stored, reads, writes } of stores) {
      // A fresh instance remembers no file, so reads and eTag checks go to the disk (the worst case).
      let storage = new LowdbStorage(directory);
      await sample((index) => storage.read([keyOf(index)]), OPERATIONS / ROUNDS, stored, reads);
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
    }
  }
  return stores;
}

/** Average JSON size and file-system space of a sample of state files. */
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
 * What creating one empty file costs in `directory` (µs, median of 200). Every lowdb write creates its temp file,
 * and on this machine's ext4 that cost varies from ~30 µs to ~800 µs between directories, so it is printed with
 * the turns per second it explains.
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

/** Full turns over HTTP (expectReplies) through the real bot: requests per second. */
async function turnsPerSecond(storage: Storage, turns: number, concurrency: number): Promise<number> {
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
    const started = performance.now();
    await drive(turns);
    return turns / ((performance.now() - started) / 1000);
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
    // Alternating rounds, median of each: other work on the machine hits both sides alike.
    const memory: number[] = [];
    const lowdb: number[] = [];
    for (let round = 0; round < 3; round++) {
      memory.push(await turnsPerSecond(new ExpiringMemoryStorage(), turns, concurrency));
      lowdb.push(await turnsPerSecond(new LowdbStorage(directory), turns, concurrency));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    console.log(
      `full turns over HTTP (${concurrency} at a time, 200 conversations, median of 3 rounds): ` +
        `MemoryStorage ${median(memory).toFixed(0)}/s · lowdb ${median(lowdb).toFixed(0)}/s · ` +
        `ratio ${(median(lowdb) / median(memory)).toFixed(2)}× (target ≥ 0.8×); ` +
        `creating a file in the state directory costs ${fileCreateMicros(directory).toFixed(0)} µs here`,
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }

  const stores = await latencies();
  try {
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
    console.log(`bytes per conversation: ${Math.round(use.bytes)} B of JSON, ${Math.round(use.disk)} B on disk (file system blocks)`);
  } finally {
    for (const { directory } of stores) rmSync(directory, { recursive: true, force: true });
  }
}
