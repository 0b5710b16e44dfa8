import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ActivityHandler, MemoryStorage } from 'botbuilder';
import type { Server } from 'restify';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/config';
import { createAdapter } from '../../src/adapter';
import { createCrampbot } from '../../src/index';
import { createServer, listen } from '../../src/http/server';
import { createStorage } from '../../src/state/createStorage';
import type { RateLimits } from '../../src/http/rateLimit';
import type { TurnTracker } from '../../src/http/turnTracker';

// HTTP figures for issue 8: full crampbot turns (expectReplies, lowdb state, many conversations) against a bare
// echo bot on the same CloudAdapter + restify edge, same run (target ≥ 0.8×, zero errors, p99); memory over 10k
// turns (no upward trend); time from process start to first reply (target < 1.5 s).

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no types.
const autocannon = require('autocannon') as Autocannon;

const ROOT = resolve(__dirname, '../../..');
const DURATION_S = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const CONNECTIONS = 10;
const CONVERSATIONS = 2000;
const ROUNDS = 3;
const MEMORY_TURNS = 10_000;
const NO_LIMITS: RateLimits = {
  perClient: { limit: 1e9, windowMs: 1000 },
  perConversation: { limit: 1e9, windowMs: 1000 },
  trustProxy: false,
};
const TEXTS = ['hello', 'what helps a cramp right now', 'why do I get cramps at night', 'does magnesium help', 'should I see a doctor', 'yes', 'help'];

const silent = pino({ level: 'silent' });

/** A conversation id per request, cycling over 2,000 conversations so none gets two requests at once. */
function messageBody(index: number): string {
  return JSON.stringify({
    type: 'message',
    channelId: 'bench',
    conversation: { id: `bench-${index % CONVERSATIONS}` },
    from: { id: `user-${index % CONVERSATIONS}` },
    recipient: { id: 'crampbot' },
    deliveryMode: 'expectReplies',
    text: TEXTS[index % TEXTS.length],
  });
}

async function start(server: Server): Promise<string> {
  await listen(server, 0, '127.0.0.1');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
}

/** Closes the server once its turns are done, so no state write lands after its directory is removed. */
async function stop(server: Server, turns?: TurnTracker): Promise<void> {
  server.server.close();
  await turns?.idle();
  server.server.closeAllConnections();
}

/** The baseline: an echo bot behind exactly the same edge and adapter. */
function echoServer(config: Config): Server {
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text}`);
    await next();
  });
  return createServer({ config, logger: silent, adapter: createAdapter(config, silent), bot, storage: new MemoryStorage(), limits: NO_LIMITS });
}

/** crampbot with lowdb state under stateDir, or with MemoryStorage (to tell the bot's cost from the storage's). */
function crampbotServer(config: Config, stateDir?: string): { server: Server; turns: TurnTracker } {
  const storage = stateDir ? createStorage({ ...config, storage: 'lowdb', stateDir }, silent) : new MemoryStorage();
  const app = createCrampbot(config, silent, { storage });
  return { server: createServer({ ...app, limits: NO_LIMITS }), turns: app.adapter.turns };
}

function load(url: string, options: { duration?: number; amount?: number }): Promise<AutocannonResult> {
  let index = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    ...options,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request: Record<string, unknown>) => ({ ...request, body: messageBody(index++) }),
      },
    ],
  });
}

/** Rounds of one server as one result: mean throughput, the worst p50/p99, all errors. */
function combine(results: AutocannonResult[]): AutocannonResult {
  const sum = (pick: (result: AutocannonResult) => number) => results.reduce((total, result) => total + pick(result), 0);
  return {
    requests: { average: sum((r) => r.requests.average) / results.length, total: sum((r) => r.requests.total) },
    latency: { p50: Math.max(...results.map((r) => r.latency.p50)), p99: Math.max(...results.map((r) => r.latency.p99)) },
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
  };
}

function summary(label: string, result: AutocannonResult): string {
  const errors = result.errors + result.timeouts + result.non2xx;
  return `${label.padEnd(10)} ${result.requests.average.toFixed(0).padStart(6)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  errors ${errors} (of ${result.requests.total})`;
}

async function throughput(config: Config): Promise<void> {
  const stateDir = mkdtempSync(join(tmpdir(), 'crampbot-bench-http-'));
  const echo = echoServer(config);
  const crampbot = crampbotServer(config, stateDir);
  const inMemory = crampbotServer(config);
  try {
    const echoUrl = await start(echo);
    const crampbotUrl = await start(crampbot.server);
    const inMemoryUrl = await start(inMemory.server);
    // Warm-up: every conversation once, so the rounds measure the steady state (JIT warm, state files exist)
    // rather than each conversation's first turn; the same for all three servers.
    for (const url of [echoUrl, crampbotUrl, inMemoryUrl]) await load(url, { amount: CONVERSATIONS });
    // Interleaved rounds, so a change in the machine's load affects every server alike.
    const rounds: Record<'echo' | 'crampbot' | 'inMemory', AutocannonResult[]> = { echo: [], crampbot: [], inMemory: [] };
    for (let round = 0; round < ROUNDS; round++) {
      rounds.echo.push(await load(echoUrl, { duration: DURATION_S / ROUNDS }));
      rounds.crampbot.push(await load(crampbotUrl, { duration: DURATION_S / ROUNDS }));
      rounds.inMemory.push(await load(inMemoryUrl, { duration: DURATION_S / ROUNDS }));
    }
    const [echoResult, crampbotResult, inMemoryResult] = [rounds.echo, rounds.crampbot, rounds.inMemory].map(combine);
    console.log(`throughput over ${DURATION_S} s each (${ROUNDS} interleaved rounds), ${CONNECTIONS} connections, 2,000 conversations:`);
    console.log(`  ${summary('echo bot', echoResult)}`);
    console.log(`  ${summary('crampbot', crampbotResult)}  (lowdb)`);
    console.log(`  ${summary('  memory', inMemoryResult)}  (crampbot with MemoryStorage, for reference)`);
    const ratio = crampbotResult.requests.average / echoResult.requests.average;
    console.log(`  crampbot / echo = ${ratio.toFixed(2)} (target >= 0.8); with MemoryStorage ${(inMemoryResult.requests.average / echoResult.requests.average).toFixed(2)}`);
  } finally {
    await stop(echo);
    await stop(crampbot.server, crampbot.turns);
    await stop(inMemory.server, inMemory.turns);
    rmSync(stateDir, { recursive: true, force: true });
  }
}

async function memory(config: Config): Promise<void> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const stateDir = mkdtempSync(join(tmpdir(), 'crampbot-bench-memory-'));
  const { server, turns } = crampbotServer(config, stateDir);
  try {
    const url = await start(server);
    const samples: Array<{ turns: number; rssMb: number; heapMb: number }> = [];
    const sample = (turns: number) => {
      gc();
      const { rss, heapUsed } = process.memoryUsage();
      samples.push({ turns, rssMb: rss / 2 ** 20, heapMb: heapUsed / 2 ** 20 });
    };
    sample(0);
    const step = MEMORY_TURNS / 10;
    let errors = 0;
    for (let turns = step; turns <= MEMORY_TURNS; turns += step) {
      const result = await load(url, { amount: step });
      errors += result.errors + result.timeouts + result.non2xx;
      sample(turns);
    }
    console.log(`memory over ${MEMORY_TURNS} turns (this process, after gc; errors ${errors}):`);
    for (const { turns, rssMb, heapMb } of samples) {
      console.log(`  ${String(turns).padStart(6)} turns  rss ${rssMb.toFixed(1)} MB  heap ${heapMb.toFixed(1)} MB`);
    }
    // Trend over the second half, after caches and JIT have settled.
    const half = samples.slice(Math.floor(samples.length / 2));
    const slope = (half[half.length - 1].heapMb - half[0].heapMb) / ((half[half.length - 1].turns - half[0].turns) / 1000);
    console.log(`  heap trend over the last ${half[half.length - 1].turns - half[0].turns} turns: ${slope >= 0 ? '+' : ''}${slope.toFixed(2)} MB per 1k turns`);
  } finally {
    await stop(server, turns);
    rmSync(stateDir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((done, failed) => {
    const probe = createNetServer();
    probe.once('error', failed);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

interface StartTimes {
  firstReplyMs: number;
  /** From main() having read its config to listening: building the recognizer, triage, knowledge and bot. */
  buildMs: number;
}

/** Spawns `node dist/src/index.js` and polls until the first reply comes back. */
async function startToFirstReply(): Promise<StartTimes> {
  const port = await freePort();
  const stateDir = mkdtempSync(join(tmpdir(), 'crampbot-bench-start-'));
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'dist/src/index.js')], {
    cwd: stateDir,
    env: { PATH: process.env.PATH, PORT: String(port), STORAGE: 'lowdb', STATE_DIR: stateDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  try {
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: messageBody(0) });
        if (response.status === 200 && ((await response.json()) as { activities?: unknown[] }).activities?.length) break;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error(`crampbot exited with ${child.exitCode}`);
      await new Promise((done) => setTimeout(done, 10));
    }
    const firstReplyMs = performance.now() - started;
    return { firstReplyMs, buildMs: Number(/"startupMs":(\d+)/.exec(log)?.[1] ?? NaN) };
  } finally {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
    rmSync(stateDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const config = loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent' });
  await throughput(config);
  await memory(config);
  const runs: StartTimes[] = [];
  for (let i = 0; i < 3; i++) runs.push(await startToFirstReply());
  runs.sort((a, b) => a.firstReplyMs - b.firstReplyMs);
  const median = runs[1];
  console.log(
    `start to first reply (node dist/src/index.js, lowdb): median ${median.firstReplyMs.toFixed(0)} ms (target < 1500 ms), ` +
      `of which building the bot ${median.buildMs} ms and loading modules + first turn the rest; runs ${runs.map((r) => r.firstReplyMs.toFixed(0)).join(' / ')} ms`,
  );
}
