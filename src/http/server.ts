import restify, { type Server } from 'restify';
import type { ActivityHandlerBase, Storage } from 'botbuilder';
import type { Config } from '../config';
import { stackFrames, type Logger } from '../logger';
import type { CrampbotAdapter } from '../adapter';
import { sendError } from './httpError';
import { jsonBody } from './jsonBody';
import { registerMessagesRoute } from './messagesRoute';
import type { RateLimits } from './rateLimit';
import { isDraining } from './shutdown';
import { registerDirectLine } from './directLine';
import { registerWebChat, type WebChatDeps } from './webchat';
import { registerMetricsRoute } from './metrics';
import type { CrampbotMetrics } from '../metrics/crampbotMetrics';

export interface ServerDeps {
  config: Config;
  logger: Logger;
  adapter: CrampbotAdapter;
  bot: ActivityHandlerBase;
  storage: Storage;
  /** Overrides of the limits from RATE_LIMIT_CLIENT / RATE_LIMIT_CONVERSATION (tests use small ones). */
  limits?: Partial<RateLimits>;
  /** The region's emergency line for the Web Chat page (the composition root passes the triage engine). */
  triage?: WebChatDeps['triage'];
  /** Served at GET /metrics when given (the composition root gives it). */
  metrics?: CrampbotMetrics;
}

/** Builds the HTTP server; the caller listens (tests on port 0) and closes it. */
export function createServer(deps: ServerDeps): Server {
  const { logger } = deps;
  const server = restify.createServer({ name: 'crampbot', handleUncaughtExceptions: false });
  // A slow client cannot hold a connection open for long.
  server.server.headersTimeout = 10_000;
  server.server.requestTimeout = 30_000;

  server.pre((req, res, next) => {
    if (!isDraining(server)) return next();
    res.header('Connection', 'close');
    sendError(res, 503, 'ShuttingDown', 'The bot is restarting; try again in a moment.', { 'Retry-After': '5' });
    return next(false);
  });
  // The messages route first: its per-client limit runs before any body is read.
  const { config } = deps;
  const limits: RateLimits = { perClient: config.rateLimitClient, perConversation: config.rateLimitConversation, trustProxy: config.trustProxy };
  registerMessagesRoute(server, { ...deps, limits: { ...limits, ...deps.limits } });
  server.use(jsonBody());

  // Whatever escapes a handler becomes a plain 500: no stack trace and no error message reach the client.
  server.on('restifyError', (req, res, err: Error & { statusCode?: number }, callback: () => void) => {
    if (typeof err?.statusCode !== 'number' || err.statusCode >= 500) {
      logger.error({ err: { name: err?.name, frames: stackFrames(err) }, route: req.getRoute()?.path }, 'request failed');
      sendError(res, 500, 'Internal', 'Sorry, something went wrong on our side.');
    }
    return callback();
  });

  registerHealthRoute(server, deps);
  if (deps.metrics) registerMetricsRoute(server, { metrics: deps.metrics, metricsToken: deps.config.metricsToken });
  registerWebChat(server, deps);
  registerDirectLine(server, deps);
  return server;
}

/** `GET /healthz`: liveness, and whether storage answers. */
function registerHealthRoute(server: Server, { storage, logger }: ServerDeps): void {
  server.get('/healthz', async (_req, res) => {
    try {
      await storage.read(['healthz']);
      res.send(200, { status: 'ok', storage: 'reachable' });
    } catch (error) {
      logger.warn({ err: { name: (error as Error).name } }, 'storage unreachable');
      res.send(503, { status: 'degraded', storage: 'unreachable' });
    }
  });
}

/** Starts listening; rejects (instead of throwing from an event) when the port is taken or not allowed. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // restify re-emits the http server's 'error' on itself, where an unheard error would be thrown.
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
}
