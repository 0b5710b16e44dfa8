import { join } from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createCrampbot, type Crampbot } from '../../src/index';
import { INTENTS } from '../../src/nlu/recognizer';
import { LEVELS } from '../../src/triage/triage';
import { CORPUS_DIR } from '../../src/paths';
import { loadConversationScripts, runScript, type ScriptRun } from './scriptedConversation';

const scripts = loadConversationScripts(join(CORPUS_DIR, 'conversations'));
const apps = new Map<string, Crampbot>();
const intentsSeen = new Set<string>();
const levelsSeen = new Set<string>();

/** One bot per region, shared by that region's scripts; each script has its own conversation and user. */
function appFor(region: string): Crampbot {
  let app = apps.get(region);
  if (!app) {
    const config = loadConfig({ REGION: region, STORAGE: 'memory' });
    app = createCrampbot(config, createLogger({ logLevel: 'silent' }), { storage: new MemoryStorage() });
    const classify = app.recognizer.classify.bind(app.recognizer);
    app.recognizer.classify = (text: string) => {
      const result = classify(text);
      intentsSeen.add(result.intent);
      return result;
    };
    apps.set(region, app);
  }
  return app;
}

function recordLevels(run: ScriptRun): void {
  for (const { replies } of run.turns) {
    for (const reply of replies) {
      const triage = reply.entities?.find((entity) => entity.type === 'triage');
      if (triage) levelsSeen.add(String(triage.level));
    }
  }
}

describe('scripted conversations (corpus/conversations)', () => {
  it('has at least 15 conversations', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(15);
  });

  it.each(scripts.map((script) => [script.name, script] as const))('%s', async (_name, script) => {
    const run = await runScript(script, appFor(script.region ?? 'uk'));
    recordLevels(run);
    expect(run.problems).toEqual([]);
  });

  it('between them, reach every intent and every triage level', () => {
    expect([...INTENTS].filter((intent) => !intentsSeen.has(intent))).toEqual([]);
    expect([...LEVELS].filter((level) => !levelsSeen.has(level))).toEqual([]);
  });
});
