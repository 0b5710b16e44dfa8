import type { ActivityHandlerBase } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { Config } from '../config';
import { loggableText, stackFrames, type Logger } from '../logger';
import type { Authenticated, CrampbotAdapter } from '../adapter';
import { checkActivity } from './activityCheck';
import { sendError } from './httpError';
import { isLoopbackUrl } from './loopbackOnly';
import { clientAddress, rateLimiterFor, type RateLimits } from './rateLimit';

export const MESSAGES_PATH = '/api/messages';

export interface MessagesRouteDeps {
  config: Config;
  logger: Logger;
  adapter: CrampbotAdapter;
  bot: ActivityHandlerBase;
  limits: RateLimits;
}

/**
 * `POST /api/messages`, the Bot Framework endpoint. Before the bot sees an activity, the edge checks, in order:
 * the client's rate (429), the body (413/415/400, in `jsonBody`), the activity's shape (400), where replies
 * would go (400/403), the token (401), then the conversation's rate (429).
 * @remarks Register it before `server.use(jsonBody())`: the client limit is a `use` handler that must run first.
 */
export function registerMessagesRoute(server: Server, { config, logger, adapter, bot, limits }: MessagesRouteDeps): void {
  const perClient = rateLimiterFor(limits.perClient);
  const perConversation = rateLimiterFor(limits.perConversation);
  const authRequired = Boolean(config.microsoftAppId);

  // Runs once the router has matched the route (so encoded paths cannot slip past) and, because createServer
  // registers this route before the body reader, before the body is read: a flood costs as little as possible.
  if (perClient) {
    server.use((req, res, next) => {
      if (req.getRoute()?.path !== MESSAGES_PATH || req.method !== 'POST') return next();
      const client = clientAddress(req, limits.trustProxy);
      const decision = authRequired ? perClient.check(client) : perClient.take(client);
      if (!decision.allowed) {
        logger.debug({ status: 429, limit: 'client' }, 'request refused');
        req.resume();
        sendError(res, 429, 'TooManyRequests', 'Too many requests from this client; try again shortly.', {
          'Retry-After': String(decision.retryAfterSeconds),
        });
        return next(false);
      }
      if (authRequired) {
        res.once('finish', () => {
          if (res.statusCode >= 400) perClient.take(client);
        });
      }
      return next();
    });
  }

  server.post(MESSAGES_PATH, async (req: Request, res: Response) => {
    const refuse = (status: number, code: string, message: string, headers?: Record<string, string>) => {
      logger.debug({ status, code }, 'request refused');
      sendError(res, status, code, message, headers);
    };
    const check = checkActivity(req.body);
    if (!check.ok) return refuse(400, 'BadRequest', `Not a valid activity: ${check.problem}.`);
    const activity = check.activity;
    const expectReplies = activity.deliveryMode === 'expectReplies';
    if (activity.serviceUrl !== undefined && activity.serviceUrl !== null && !isHttpUrl(activity.serviceUrl)) {
      return refuse(400, 'BadRequest', 'Not a valid activity: "serviceUrl" must be an http(s) URL.');
    }
    if (!activity.serviceUrl && !expectReplies) {
      return refuse(400, 'BadRequest', 'Not a valid activity: "serviceUrl" is required unless deliveryMode is "expectReplies".');
    }
    if (!authRequired && activity.serviceUrl && !isLoopbackUrl(activity.serviceUrl)) {
      return refuse(
        403,
        'ServiceUrlNotAllowed',
        'Without MICROSOFT_APP_ID, replies are only sent to a loopback serviceUrl. Use deliveryMode "expectReplies" or a local serviceUrl.',
      );
    }
    const authHeader = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
    let authenticated: Authenticated;
    try {
      authenticated = await adapter.authenticate(authHeader, activity);
    } catch (error) {
      const reason = String((error as Error)?.message ?? '').slice(0, 200);
      logger.info({ status: 401, channelId: activity.channelId, reason }, 'request not authenticated');
      return sendError(res, 401, 'Unauthorized', 'A valid Bot Framework token is required.');
    }
    // Counted after authentication, so forged requests cannot use up a real conversation's allowance.
    const decision = perConversation?.take(`${activity.channelId}\u0000${activity.conversation.id}`);
    if (decision && !decision.allowed) {
      return refuse(429, 'TooManyRequests', 'Too many messages in this conversation; try again shortly.', {
        'Retry-After': String(decision.retryAfterSeconds),
      });
    }

    const started = performance.now();
    try {
      const invokeResponse = await adapter.runActivity(authenticated, activity, (context) => bot.run(context));
      const status = invokeResponse?.status ?? 200;
      if (invokeResponse?.body !== undefined) res.send(status, invokeResponse.body);
      else res.send(status);
      logger.debug(
        { status, activityType: activity.type, channelId: activity.channelId, ms: Math.round(performance.now() - started), ...loggableText(config, activity) },
        'activity handled',
      );
    } catch (error) {
      logger.error({ err: { name: (error as Error)?.name, frames: stackFrames(error) }, activityType: activity.type }, 'activity failed');
      sendError(res, 500, 'Internal', 'Sorry, something went wrong on our side.');
    }
  });
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
