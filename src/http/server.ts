import restify, { type Server } from 'restify';
import type { ActivityHandlerBase, CloudAdapter, Storage } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../logger';

export interface ServerDeps {
  config: Config;
  logger: Logger;
  adapter: CloudAdapter;
  bot: ActivityHandlerBase;
  storage: Storage;
}

/** Builds the HTTP server; the caller listens (tests on port 0) and closes it. */
export function createServer({ adapter, bot, storage, logger }: ServerDeps): Server {
  const server = restify.createServer({ name: 'crampbot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });

  server.get('/healthz', async (_req, res) => {
    try {
      await storage.read(['healthz']);
      res.send(200, { status: 'ok', storage: 'reachable' });
    } catch (error) {
      logger.warn({ err: { name: (error as Error).name } }, 'storage unreachable');
      res.send(503, { status: 'degraded', storage: 'unreachable' });
    }
  });

  return server;
}
