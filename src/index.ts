// First: every module imported after it is compiled from the V8 code cache when it can be (src/compileCache.ts).
import { botCompileCache } from './compileCache';
import { ConversationState, UserState, type Storage } from 'botbuilder-core';
import { ConfigError, loadConfig, loadDotEnv, redactedConfig, type Config } from './config';
import { createLogger, type Logger } from './logger';
import { CORPUS_DIR } from './paths';
import { loadRoutingHints } from './nlu/routingHints';
import { loadRecognizer } from './nlu/loadRecognizer';
import { loadTriageEngine } from './triage/loadTriageEngine';
import { loadKnowledgeBase } from './knowledge/loadKnowledgeBase';
import { createStorage } from './state/createStorage';
import { TurnScopedStorage } from './state/turnScopedStorage';
import { TransactionalBot } from './state/transactionalBot';
import { startStatePurge } from './state/statePurge';
import { createAdapter } from './adapter';
import { createServer, listen } from './http/server';
import { gracefulShutdown } from './http/shutdown';
import { CrampBot } from './bot';
import { RootDialog } from '../dialogs/rootDialog';
import { Clarification } from '../dialogs/clarification';
import { loadDomainDecision } from './nlu/domain';
import { loadBotMessages } from './cards/messages';
import { CrampbotMetrics } from './metrics/crampbotMetrics';
import { countStorageErrors, turnMetrics } from './metrics/turnMetrics';

export interface CrampbotOptions {
  /** Replaces the storage chosen by STORAGE (tests). */
  storage?: Storage;
  corpusDir?: string;
  /** Node.js process metrics in GET /metrics (default on). */
  processMetrics?: boolean;
}

/** The composition root: builds every part once and hands each its dependencies. */
export function createCrampbot(config: Config, logger: Logger, options: CrampbotOptions = {}) {
  const corpusDir = options.corpusDir ?? CORPUS_DIR;
  const recognizer = loadRecognizer(corpusDir);
  const triage = loadTriageEngine(corpusDir, config.region);
  const knowledge = loadKnowledgeBase(corpusDir, { services: triage.services, stateTtlDays: config.stateTtlDays });
  const metrics = new CrampbotMetrics({
    ruleSetVersion: triage.ruleSetVersion,
    ruleIds: triage.catalogue?.().map((rule) => rule.id) ?? [],
    questionIds: triage.questions().map((question) => question.id),
    processMetrics: options.processMetrics,
  });
  const storage = countStorageErrors(options.storage ?? createStorage(config, logger), metrics);
  // Every turn is a transaction over state, so racing messages lose no update (src/state/transactionalBot.ts).
  const turnStorage = new TurnScopedStorage(storage);
  const conversationState = new ConversationState(turnStorage);
  const userState = new UserState(turnStorage);
  const messages = loadBotMessages(corpusDir, { services: triage.services, stateTtlDays: config.stateTtlDays });
  const domain = loadDomainDecision(corpusDir, triage.understanding);
  const clarification = new Clarification({ recognizer, domain, messages, metrics });
  const rootDialog = new RootDialog({ triage, knowledge, messages, metrics, routing: loadRoutingHints(corpusDir), clarification });
  const inDomain = (text: string) => clarification.verdict(text).inDomain;
  const bot = new CrampBot({ conversationState, userState, rootDialog, recognizer, triage, knowledge, messages, logger, metrics, inDomain });
  const statefulBot = new TransactionalBot(bot, {
    storage: turnStorage,
    states: [conversationState, userState],
    turnCount: conversationState.createProperty<number>('turnCount'),
    logger,
  });
  const adapter = createAdapter(config, logger);
  adapter.use(turnMetrics(metrics));
  return { config, logger, recognizer, triage, knowledge, messages, storage, conversationState, userState, bot: statefulBot, adapter, metrics };
}
export type Crampbot = ReturnType<typeof createCrampbot>;

export async function main(): Promise<void> {
  loadDotEnv();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`crampbot: configuration error: ${error.message}`);
    process.exit(1);
  }
  const started = performance.now();
  const logger = createLogger(config);
  const app = createCrampbot(config, logger);
  const server = createServer(app);
  const stopPurge = startStatePurge(app.storage, { ttlDays: config.stateTtlDays, logger });
  await listen(server, config.port, config.host);
  logger.info(
    { config: redactedConfig(config), url: server.url, startupMs: Math.round(performance.now() - started), compileCache: botCompileCache?.stats },
    'crampbot is listening',
  );
  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    stopPurge();
    const finished = await gracefulShutdown({ server, turns: app.adapter.turns, storage: app.storage, logger });
    logger.flush();
    process.exit(finished ? 0 : 1);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    // A start-up failure (port in use, unreadable corpus) is reported in one line, without a stack trace.
    console.error(`crampbot: could not start: ${(error as Error)?.message ?? String(error)}`);
    process.exit(1);
  });
}
