import { ConversationState, UserState, type Storage } from 'botbuilder';
import { ConfigError, loadConfig, loadDotEnv, redactedConfig, type Config } from './config';
import { createLogger, type Logger } from './logger';
import { CORPUS_DIR } from './paths';
import { loadRecognizer } from './nlu/loadRecognizer';
import { loadTriageEngine } from './triage/loadTriageEngine';
import { loadKnowledgeBase } from './knowledge/loadKnowledgeBase';
import { createStorage } from './state/createStorage';
import { TurnScopedStorage } from './state/turnScopedStorage';
import { TransactionalBot } from './state/transactionalBot';
import { createAdapter } from './adapter';
import { createServer } from './http/server';
import { CrampBot } from './bot';
import { RootDialog } from '../dialogs/rootDialog';

export interface CrampbotOptions {
  /** Replaces the storage chosen by STORAGE (tests). */
  storage?: Storage;
  corpusDir?: string;
}

/** The composition root: builds every part once and hands each its dependencies. */
export function createCrampbot(config: Config, logger: Logger, options: CrampbotOptions = {}) {
  const corpusDir = options.corpusDir ?? CORPUS_DIR;
  const recognizer = loadRecognizer(corpusDir);
  const triage = loadTriageEngine(corpusDir, config.region);
  const knowledge = loadKnowledgeBase(corpusDir, { services: triage.services, stateTtlDays: config.stateTtlDays });
  const storage = options.storage ?? createStorage(config, logger);
  // Every turn is a transaction over state, so racing messages lose no update (src/state/transactionalBot.ts).
  const turnStorage = new TurnScopedStorage(storage);
  const conversationState = new ConversationState(turnStorage);
  const userState = new UserState(turnStorage);
  const rootDialog = new RootDialog({ recognizer, triage, knowledge });
  const bot = new CrampBot({ conversationState, userState, rootDialog, recognizer, triage, logger });
  const statefulBot = new TransactionalBot(bot, {
    storage: turnStorage,
    states: [conversationState, userState],
    turnCount: conversationState.createProperty<number>('turnCount'),
    logger,
  });
  const adapter = createAdapter(config, logger);
  return { config, logger, recognizer, triage, knowledge, storage, conversationState, userState, bot: statefulBot, crampBot: bot, adapter };
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
  server.listen(config.port, config.host, () => {
    logger.info(
      { config: redactedConfig(config), url: server.url, startupMs: Math.round(performance.now() - started) },
      'crampbot is listening',
    );
  });
}

if (require.main === module) {
  void main();
}
