import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ActivityHandler, BotState, ConversationState, MemoryStorage, UserState, type Storage, type TurnContext } from 'botbuilder';
import { DialogContext, DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog, type DialogState } from 'botbuilder-dialogs';
import type { Server } from 'restify';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/config';
import { createAdapter } from '../../src/adapter';
import { createCrampbot } from '../../src/index';
import { createServer, listen } from '../../src/http/server';
import { createStorage } from '../../src/state/createStorage';
import type { TurnTracker } from '../../src/turnTracker';
import { PHASES, PhaseClock } from './turnPhases';

// HTTP figures (issue 14), all from one run: full crampbot turns (expectReplies, many conversations) on lowdb against
// crampbot on MemoryStorage (target ≥ 0.90×) and against a botbuilder echo bot keeping one counter in
// ConversationState on MemoryStorage (target ≥ 0.55×), in interleaved rounds on the same CloudAdapter + restify
// edge; the floor any bot built with waterfall dialogs and user state pays (a three-step waterfall, nothing else); where a crampbot turn's time goes; memory over 10k turns (no upward trend); start to first reply against
// a bare botbuilder echo bot process (target ≤ 1.3×, median of 5 interleaved runs, each a fresh process).

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
/** An autocannon result with the CPU this process spent on it (load generator and server alike). */
type LoadResult = AutocannonResult & { cpuMicros: number };
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no types.
const autocannon = require('autocannon') as Autocannon;

const ROOT = resolve(__dirname, '../../..');
const DURATION_S = Number(process.env.BENCH_HTTP_SECONDS ?? 15);
const CONNECTIONS = 10;
const CONVERSATIONS = 2000;
const ROUNDS = 5;
const MEMORY_TURNS = 10_000;
const PHASE_TURNS = 2000;
const START_RUNS = 5;
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

/** The baseline: an echo bot. */
function echoBot(): ActivityHandler {
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text}`);
    await next();
  });
  return bot;
}

/** The echo bot plus one counter in ConversationState, saved every turn: the least a stateful bot does. */
class CountingEchoBot extends ActivityHandler {
  constructor(private readonly state: ConversationState) {
    super();
    const turns = state.createProperty<number>('turns');
    this.onMessage(async (context, next) => {
      const count = (await turns.get(context, 0)) + 1;
      await turns.set(context, count);
      await context.sendActivity(`echo ${count}: ${context.activity.text}`);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.state.saveChanges(context);
  }
}

/**
 * The least a bot built as SPEC §3 and §5 ask pays: a waterfall of three steps with a text prompt, its dialog stack in
 * ConversationState and one property in UserState, both saved every turn, one reply per turn; no understanding,
 * triage, transaction or metrics. crampbot's own work is what it costs above this.
 */
class WaterfallBot extends ActivityHandler {
  private readonly dialogs: DialogSet;

  constructor(private readonly conversation: ConversationState, private readonly user: UserState) {
    super();
    const seen = user.createProperty<number>('seen');
    this.dialogs = new DialogSet(conversation.createProperty<DialogState>('dialogState'));
    this.dialogs.add(new TextPrompt('text'));
    this.dialogs.add(
      new WaterfallDialog('guide', [
        async (step) => step.prompt('text', 'What is happening?'),
        async (step) => step.prompt('text', `You said ${String(step.result)}. What might have set it off?`),
        async (step) => {
          await step.context.sendActivity('Here is what to do now.');
          return step.endDialog();
        },
      ]),
    );
    this.onMessage(async (context, next) => {
      await seen.set(context, (await seen.get(context, 0)) + 1);
      const dialog = await this.dialogs.createContext(context);
      const result = await dialog.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dialog.beginDialog('guide');
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversation.saveChanges(context);
    await this.user.saveChanges(context);
  }
}

/** A bot behind exactly the edge and adapter crampbot has (rate limits off through RATE_LIMIT_*). */
function edgeServer(config: Config, bot: ActivityHandler, storage: Storage): { server: Server; turns: TurnTracker } {
  const adapter = createAdapter(config, silent);
  return { server: createServer({ config, logger: silent, adapter, bot, storage }), turns: adapter.turns };
}

/** crampbot with lowdb state under stateDir, or with MemoryStorage (to tell the bot's cost from the storage's). */
function crampbotServer(config: Config, stateDir?: string) {
  const storage = stateDir ? createStorage({ ...config, storage: 'lowdb', stateDir }, silent) : new MemoryStorage();
  const app = createCrampbot(config, silent, { storage });
  return { server: createServer(app), turns: app.adapter.turns, app, storage };
}

async function load(url: string, options: { duration?: number; amount?: number }): Promise<LoadResult> {
  let index = 0;
  const cpu = process.cpuUsage();
  const result = await autocannon({
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
  const { user, system } = process.cpuUsage(cpu);
  return { ...result, cpuMicros: user + system };
}

/** Rounds of one server as one result: mean throughput, the worst p50/p99, all errors, all CPU. */
function combine(results: LoadResult[]): LoadResult {
  const sum = (pick: (result: LoadResult) => number) => results.reduce((total, result) => total + pick(result), 0);
  return {
    cpuMicros: sum((r) => r.cpuMicros),
    requests: { average: sum((r) => r.requests.average) / results.length, total: sum((r) => r.requests.total) },
    latency: { p50: Math.max(...results.map((r) => r.latency.p50)), p99: Math.max(...results.map((r) => r.latency.p99)) },
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
  };
}

function summary(label: string, result: LoadResult): string {
  const errors = result.errors + result.timeouts + result.non2xx;
  const cpu = (result.cpuMicros / result.requests.total).toFixed(0);
  return `${label.padEnd(14)} ${result.requests.average.toFixed(0).padStart(6)} req/s  cpu ${cpu.padStart(4)} µs/req  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  errors ${errors} (of ${result.requests.total})`;
}

async function throughput(config: Config): Promise<void> {
  const stateDirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'crampbot-bench-http-')));
  const memory = new MemoryStorage();
  const waterfallMemory = new MemoryStorage();
  const lowdb = createStorage({ ...config, storage: 'lowdb', stateDir: stateDirs[0] }, silent);
  const servers = {
    echo: edgeServer(config, echoBot(), new MemoryStorage()),
    echoState: edgeServer(config, new CountingEchoBot(new ConversationState(memory)), memory),
    echoLowdb: edgeServer(config, new CountingEchoBot(new ConversationState(lowdb)), lowdb),
    waterfall: edgeServer(config, new WaterfallBot(new ConversationState(waterfallMemory), new UserState(waterfallMemory)), waterfallMemory),
    crampbot: crampbotServer(config, stateDirs[1]),
    inMemory: crampbotServer(config),
  };
  type Name = keyof typeof servers;
  const names = Object.keys(servers) as Name[];
  try {
    const urls = {} as Record<Name, string>;
    for (const name of names) urls[name] = await start(servers[name].server);
    // Warm-up: every conversation once, so the rounds measure the steady state (JIT warm, state files exist)
    // rather than each conversation's first turn; the same for every server.
    for (const name of names) await load(urls[name], { amount: CONVERSATIONS });
    // Interleaved rounds, so a change in the machine's load affects every server alike.
    const rounds = Object.fromEntries(names.map((name) => [name, [] as LoadResult[]])) as Record<Name, LoadResult[]>;
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of names) rounds[name].push(await load(urls[name], { duration: DURATION_S / ROUNDS }));
    }
    const result = Object.fromEntries(names.map((name) => [name, combine(rounds[name])])) as Record<Name, LoadResult>;
    const ratio = (name: Name, base: Name) => (result[name].requests.average / result[base].requests.average).toFixed(2);
    // The spread of one ratio over the rounds: how much the machine's load moved the figures.
    const spread = (name: Name, base: Name) => {
      const each = rounds[name].map((r, i) => r.requests.average / rounds[base][i].requests.average);
      return `rounds ${Math.min(...each).toFixed(2)}–${Math.max(...each).toFixed(2)}`;
    };
    console.log(`throughput over ${DURATION_S} s each (${ROUNDS} interleaved rounds), ${CONNECTIONS} connections, ${CONVERSATIONS} conversations, rate limits off; cpu is this whole process (load generator included):`);
    console.log(`  ${summary('echo bot', result.echo)}`);
    console.log(`  ${summary('echo + state', result.echoState)}  (one counter in ConversationState, MemoryStorage)`);
    console.log(`  ${summary('echo + lowdb', result.echoLowdb)}  (the same counter in lowdb)`);
    console.log(`  ${summary('waterfall', result.waterfall)}  (a three-step waterfall with a prompt, conversation and user state, MemoryStorage)`);
    console.log(`  ${summary('crampbot', result.crampbot)}  (lowdb)`);
    console.log(`  ${summary('  memory', result.inMemory)}  (crampbot with MemoryStorage)`);
    console.log(`  crampbot lowdb / crampbot MemoryStorage = ${ratio('crampbot', 'inMemory')} (target >= 0.90; ${spread('crampbot', 'inMemory')})`);
    console.log(`  crampbot lowdb / echo + one counter on MemoryStorage = ${ratio('crampbot', 'echoState')} (target >= 0.55; ${spread('crampbot', 'echoState')})`);
    console.log(`  the floor for a bot with waterfall dialogs and user state: waterfall / echo + one counter = ${ratio('waterfall', 'echoState')} (${spread('waterfall', 'echoState')}); crampbot lowdb / waterfall = ${ratio('crampbot', 'waterfall')}, crampbot MemoryStorage / waterfall = ${ratio('inMemory', 'waterfall')}`);
    console.log(`  for reference: crampbot lowdb / bare echo = ${ratio('crampbot', 'echo')}; echo + counter / bare echo = ${ratio('echoState', 'echo')} on MemoryStorage, ${ratio('echoLowdb', 'echo')} on lowdb`);
  } finally {
    for (const { server, turns } of Object.values(servers)) await stop(server, turns);
    for (const dir of stateDirs) rmSync(dir, { recursive: true, force: true });
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

/**
 * Where a turn's time goes, one request at a time (see turnPhases.ts): crampbot on lowdb and on MemoryStorage, and
 * the echo bot keeping one counter on MemoryStorage, whose turn is all framework and state: the part of crampbot's
 * "framework" above the echo bot's is crampbot's own glue (turn transaction, bot, replies).
 */
async function phases(config: Config): Promise<void> {
  const clock = new PhaseClock();
  // Shared by every bot in this process; wrapped only now, after the throughput and memory figures were taken.
  clock.wrap(DialogSet.prototype, 'dialogs');
  clock.wrap(DialogContext.prototype, 'dialogs');
  clock.wrap(BotState.prototype, 'state');
  const stateDir = mkdtempSync(join(tmpdir(), 'crampbot-bench-phases-'));
  const counterStorage = new MemoryStorage();
  const servers = {
    'crampbot lowdb': crampbotServer(config, stateDir),
    'crampbot memory': crampbotServer(config),
    'echo + counter': { ...edgeServer(config, new CountingEchoBot(new ConversationState(counterStorage)), counterStorage), storage: counterStorage, app: undefined },
  };
  try {
    console.log(`where a turn's time goes (${PHASE_TURNS} turns, one at a time, after a warm-up; µs per turn, wall time in the server):`);
    for (const [name, { server, app, storage }] of Object.entries(servers)) {
      if (app) {
        clock.wrap(app.recognizer, 'classify', ['classify']);
        clock.wrap(app.triage, 'triage');
      }
      clock.wrap(storage, 'state', ['read', 'write', 'delete']);
      clock.timeTurns(server);
      const url = await start(server);
      // Two turns per conversation, so every state file has been appended to (and is held open) before the timed
      // turns: a running bot opens a conversation's file once, not on every turn.
      await load(url, { amount: 2 * CONVERSATIONS });
      clock.reset();
      const cpu = process.cpuUsage();
      const started = performance.now();
      let index = 0;
      for (let i = 0; i < PHASE_TURNS; i++) {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: messageBody(index++) });
        await response.arrayBuffer();
      }
      const elapsed = performance.now() - started;
      const { user, system } = process.cpuUsage(cpu);
      const perTurn = clock.perTurn();
      const total = PHASES.reduce((sum, phase) => sum + perTurn[phase], 0);
      const parts = PHASES.filter((phase) => app || phase === 'state' || phase === 'framework').map(
        (phase) => `${phase} ${perTurn[phase].toFixed(0)} (${((100 * perTurn[phase]) / total).toFixed(0)}%)`,
      );
      console.log(`  ${name.padEnd(15)} ${total.toFixed(0).padStart(5)} µs: ${parts.join(', ')}; process cpu ${((user + system) / PHASE_TURNS).toFixed(0)} µs/turn, round trip ${((1000 * elapsed) / PHASE_TURNS).toFixed(0)} µs`);
    }
  } finally {
    for (const { server, turns } of Object.values(servers)) await stop(server, turns);
    rmSync(stateDir, { recursive: true, force: true });
  }
}

interface StartTimes {
  firstReplyMs: number;
  /** crampbot only: from main() having read its config to listening (building recognizer, triage, knowledge, bot). */
  buildMs: number;
  /** crampbot only: modules run from the V8 code cache (src/compileCache.ts) and modules compiled. */
  fromCache: number;
  compiled: number;
}

/** Spawns a bot process and polls until its first reply comes back; every run a fresh process and state folder. */
async function startToFirstReply(entry: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<StartTimes> {
  const port = await freePort();
  const stateDir = mkdtempSync(join(tmpdir(), 'crampbot-bench-start-'));
  const started = performance.now();
  const child = spawn(process.execPath, [entry], {
    cwd: stateDir,
    env: { PATH: process.env.PATH, PORT: String(port), STORAGE: 'lowdb', STATE_DIR: stateDir, LOG_LEVEL: 'info', ...extraEnv },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  try {
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: messageBody(1) });
        if (response.status === 200 && ((await response.json()) as { activities?: unknown[] }).activities?.length) break;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`);
      await new Promise((done) => setTimeout(done, 5));
    }
    const firstReplyMs = performance.now() - started;
    const cache = /"compileCache":\{"fromCache":(\d+),"compiled":(\d+)\}/.exec(log);
    return { firstReplyMs, buildMs: Number(/"startupMs":(\d+)/.exec(log)?.[1] ?? NaN), fromCache: Number(cache?.[1] ?? 0), compiled: Number(cache?.[2] ?? 0) };
  } finally {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
    rmSync(stateDir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * crampbot (`node dist/src/index.js`, lowdb) against a bare echo bot on the same stack, runs interleaved: crampbot
 * with its code cache (written by `npm run build` and kept up to date by every start) and with the cache turned off
 * (NODE_DISABLE_COMPILE_CACHE=1: every module compiled, as on an install without `dist/compile-cache`).
 */
async function startUp(): Promise<void> {
  const crampbotEntry = join(ROOT, 'dist/src/index.js');
  await startToFirstReply(crampbotEntry); // brings the code cache up to date, as any start does
  const withCache: StartTimes[] = [];
  const cacheOff: StartTimes[] = [];
  const echo: StartTimes[] = [];
  for (let run = 0; run < START_RUNS; run++) {
    withCache.push(await startToFirstReply(crampbotEntry));
    cacheOff.push(await startToFirstReply(crampbotEntry, { NODE_DISABLE_COMPILE_CACHE: '1' }));
    echo.push(await startToFirstReply(join(__dirname, 'processes/echoBot.js')));
  }
  const echoMs = median(echo.map((r) => r.firstReplyMs));
  const runs = (times: StartTimes[]) => times.map((r) => r.firstReplyMs.toFixed(0)).join(' / ');
  const line = (label: string, times: StartTimes[]) => {
    const ms = median(times.map((r) => r.firstReplyMs));
    const fromCache = median(times.map((r) => r.fromCache));
    const cache = fromCache + median(times.map((r) => r.compiled)) === 0 ? 'code cache off' : `modules from the code cache ${fromCache}, compiled ${median(times.map((r) => r.compiled))}`;
    console.log(`  ${label} ${ms.toFixed(0)} ms (runs ${runs(times)}), of which building the bot ${median(times.map((r) => r.buildMs))} ms; ${cache}; / echo = ${(ms / echoMs).toFixed(2)}`);
  };
  console.log(`start to first reply, median of ${START_RUNS} interleaved runs, each a fresh process (target: crampbot / echo <= 1.3):`);
  line('crampbot (node dist/src/index.js, lowdb, with its code cache)', withCache);
  line('crampbot with the code cache turned off (NODE_DISABLE_COMPILE_CACHE=1)', cacheOff);
  console.log(`  bare echo bot (restify + CloudAdapter) ${echoMs.toFixed(0)} ms (runs ${runs(echo)})`);
}

export async function run(): Promise<void> {
  const config = loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent', RATE_LIMIT_CLIENT: 'off', RATE_LIMIT_CONVERSATION: 'off' });
  // BENCH_HTTP_ONLY=phases,startup (say) runs only those parts, for a quick look while working on one of them.
  const only = process.env.BENCH_HTTP_ONLY?.split(',');
  const parts = { throughput: () => throughput(config), memory: () => memory(config), phases: () => phases(config), startup: startUp };
  for (const [name, part] of Object.entries(parts)) if (!only || only.includes(name)) await part();
}
