import { ConversationState, UserState, type Storage } from 'botbuilder';
import { ConfigError, loadConfig, loadDotEnv, redactedConfig, type Config } from './config';
import { createLogger, type Logger } from './logger';
import { CORPUS_DIR } from './paths';
import { loadRecognizer } from './nlu/loadRecognizer';
import { loadTriageEngine } from './triage/loadTriageEngine';
import { loadKnowledgeBase } from './knowledge/loadKnowledgeBase';
import { createStorage } from './state/createStorage';
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
  const knowledge = loadKnowledgeBase(corpusDir);
  const storage = options.storage ?? createStorage(config, logger);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const rootDialog = new RootDialog({ recognizer, triage, knowledge });
  const bot = new CrampBot({ conversationState, userState, rootDialog, recognizer, triage, logger });
  const adapter = createAdapter(config, logger);
  return { config, logger, recognizer, triage, knowledge, storage, conversationState, userState, bot, adapter };
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
