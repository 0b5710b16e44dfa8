import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { COMPILE_CACHE_DIR } from './compileCache';
import { readArtefact, writeCorpusArtefact, type CorpusArtefact } from './corpusArtefact';
import { CORPUS_DIR, PROJECT_ROOT } from './paths';
import { intentModelArtefact } from './nlu/loadRecognizer';
import { messagesArtefact } from './cards/messages';
import { knowledgeArtefact } from './knowledge/loadKnowledgeBase';
import { lexiconArtefact } from './understanding/lexicon';
import { triageRulesArtefact } from './triage/ruleSet';
import { secondOpinionArtefact } from './triage/secondOpinion';
import { domainArtefact, ownWordsArtefactOf } from './nlu/domain';
import { routingArtefact } from './nlu/routingHints';

/** Every artefact `npm run build` writes to dist/artefacts; add a new one here (see src/corpusArtefact.ts). */
export const ARTEFACTS: ReadonlyArray<(corpusDir: string) => CorpusArtefact<unknown>> = [
  intentModelArtefact,
  messagesArtefact,
  knowledgeArtefact,
  lexiconArtefact,
  triageRulesArtefact,
  secondOpinionArtefact,
  domainArtefact,
  ownWordsArtefactOf,
  routingArtefact,
];

const WARM_UP_TIMEOUT_MS = 60_000;

/**
 * `npm run build`, after tsc: builds each artefact whose corpus or code changed since it was written, then the code
 * cache when there is none.
 */
async function main(): Promise<void> {
  for (const artefactFor of ARTEFACTS) {
    const artefact = artefactFor(CORPUS_DIR);
    if (readArtefact(artefact) !== undefined) continue;
    const started = performance.now();
    const path = writeCorpusArtefact(artefact);
    console.log(`built ${relative(PROJECT_ROOT, path)} in ${Math.round(performance.now() - started)} ms`);
  }
  if (!existsSync(COMPILE_CACHE_DIR)) await warmCompileCache();
}

/**
 * Starts the built bot once on a free loopback port, asks it one question and stops it, so that it writes its V8 code
 * cache (src/compileCache.ts) and the first `npm start`, or a container built from this folder, does not compile its
 * modules. Once there is a cache, the bot keeps it up to date itself. A bot that cannot start here is only reported:
 * `npm start` says why in its own words.
 */
async function warmCompileCache(): Promise<void> {
  const started = performance.now();
  const stateDir = mkdtempSync(join(tmpdir(), 'crampbot-warm-up-'));
  // Its own folder, so that a .env there (an app id that would want a signed request) is not read.
  const child = spawn(process.execPath, [join(__dirname, 'index.js')], {
    cwd: stateDir,
    env: { PATH: process.env.PATH, PORT: '0', STORAGE: 'lowdb', STATE_DIR: stateDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  const timeout = setTimeout(() => child.kill('SIGKILL'), WARM_UP_TIMEOUT_MS);
  try {
    const url = await new Promise<string>((found, failed) => {
      let log = '';
      child.stdout.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        const match = /"url":"(http:\/\/[^"]+)"/.exec(log);
        if (match) found(match[1]!);
      });
      void exited.then(() => failed(new Error('the bot stopped before it listened')));
    });
    const body = { type: 'message', channelId: 'emulator', deliveryMode: 'expectReplies', conversation: { id: 'warm-up' }, from: { id: 'build' }, recipient: { id: 'crampbot' }, text: 'what helps a cramp right now' };
    await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    child.kill('SIGTERM');
    if ((await exited) !== 0 || !existsSync(COMPILE_CACHE_DIR)) throw new Error('the bot wrote no code cache');
    console.log(`built ${relative(PROJECT_ROOT, COMPILE_CACHE_DIR)} in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    child.kill('SIGKILL');
    console.warn(`no code cache: ${(error as Error).message}; the first start will compile every module`);
  } finally {
    clearTimeout(timeout);
    rmSync(stateDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
