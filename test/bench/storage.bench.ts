import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

// BENCH_STORAGE_QUICK=1 stops at 1k stored conversations (for a quick look while working).
const SIZES = process.env.BENCH_STORAGE_QUICK ? [1_000] : [1_000, 10_000, 100_000];
const OPERATIONS = 2_000;

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
async function time(operation: (index: number) => Promise<unknown>, n: number, stored: number) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const index = Math.floor(Math.random() * stored);
    const started = process.hrtime.bigint();
    const own = await operation(index);
    samples.push((typeof own === 'number' ? own : Number(process.hrtime.bigint() - started)) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

async function latencyAt(stored: number) {
  const directory = mkdtempSync(join(tmpdir(), 'crampbot-bench-'));
  try {
    seed(directory, stored);
    const storage = new LowdbStorage(directory);
    await time((index) => storage.read([keyOf(index)]), 200, stored); // warm-up
    const read = await time((index) => storage.read([keyOf(index)]), OPERATIONS, stored);
    // What a turn's commit does: a write that must match the eTag it read.
    const write = await time(async (index) => {
      const key = keyOf(index);
      const item = (await storage.read([key]))[key];
      const started = process.hrtime.bigint();
      await storage.write({ [key]: { ...item, turnCount: (item.turnCount as number) + 1 } });
      return Number(process.hrtime.bigint() - started);
    }, OPERATIONS, stored);
    const files = readdirSync(directory, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    let bytes = 0;
    let blocks = 0;
    for (const file of files.slice(0, 2_000)) {
      const info = statSync(join(file.parentPath, file.name));
      bytes += info.size;
      blocks += info.blocks * 512;
    }
    const sampled = Math.min(files.length, 2_000);
    return { read, write, bytesPerConversation: bytes / sampled, diskPerConversation: blocks / sampled };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
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
  const results = new Map<number, Awaited<ReturnType<typeof latencyAt>>>();
  for (const stored of SIZES) {
    const result = await latencyAt(stored);
    results.set(stored, result);
    console.log(
      `lowdb, ${stored.toLocaleString('en-GB')} conversations stored: ` +
        `read p50 ${result.read.p50.toFixed(3)} ms p99 ${result.read.p99.toFixed(3)} ms · ` +
        `write (eTag-checked) p50 ${result.write.p50.toFixed(3)} ms p99 ${result.write.p99.toFixed(3)} ms`,
    );
  }
  const small = results.get(SIZES[0])!;
  const large = results.get(SIZES.at(-1)!)!;
  console.log(
    `${SIZES.at(-1)! / 1000}k/1k ratio: write p50 ${(large.write.p50 / small.write.p50).toFixed(2)}× p99 ${(large.write.p99 / small.write.p99).toFixed(2)}× · ` +
      `read p50 ${(large.read.p50 / small.read.p50).toFixed(2)}× p99 ${(large.read.p99 / small.read.p99).toFixed(2)}× (target ≤ 1.5×)`,
  );
  console.log(
    `bytes per conversation: ${Math.round(large.bytesPerConversation)} B of JSON, ${Math.round(large.diskPerConversation)} B on disk (file system blocks)`,
  );

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
        `ratio ${(median(lowdb) / median(memory)).toFixed(2)}× (target ≥ 0.8×)`,
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
