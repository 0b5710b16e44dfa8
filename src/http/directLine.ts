import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Activity, ActivityHandlerBase, ChannelAccount, CloudAdapter, ResourceResponse, TurnContext } from 'botbuilder';
import {
  AuthenticationConstants,
  ClaimsIdentity,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ConnectorClient,
} from 'botframework-connector';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { sendError } from './httpError';
import { RateLimiter, clientAddress } from './rateLimit';

/** Where the built-in Direct Line answers; the page gives this to Web Chat as its `domain`. */
export const DIRECT_LINE_PATH = '/v3/directline';

export interface DirectLineDeps {
  adapter: CloudAdapter;
  /** Runs one turn of the bot, e.g. `(context) => bot.run(context)`. */
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
  /** The bot's app id, so the turn's identity matches the adapter's credentials; empty in local development. */
  botAppId?: string;
  limits?: Partial<DirectLineLimits>;
  /** Count new conversations per X-Forwarded-For client (behind a proxy such as App Service's front end). */
  trustProxy?: boolean;
  now?: () => number;
}

export interface DirectLineLimits {
  /** Token lifetime; Web Chat refreshes at half of it (DirectLineJS refreshes every 15 minutes). */
  tokenSeconds: number;
  /** A conversation nobody has touched for this long is forgotten. */
  idleMs: number;
  /** At most this many conversations are kept; the least recently used go first. */
  maxConversations: number;
  /** At most this many activities are kept per conversation; older ones are dropped from the stream. */
  maxActivities: number;
  /** All conversations together keep at most this many bytes of activities; the least recently used go first. */
  maxBytes: number;
  /** New conversations per client address per minute. */
  conversationsPerMinute: number;
  /** Activities per conversation per 10 seconds. */
  activitiesPer10s: number;
}

const DEFAULT_LIMITS: DirectLineLimits = {
  tokenSeconds: 1800,
  idleMs: 2 * 60 * 60 * 1000,
  maxConversations: 10_000,
  maxActivities: 200,
  maxBytes: 64 * 1024 * 1024,
  conversationsPerMinute: 30,
  activitiesPer10s: 20,
};

const BOT_ACCOUNT = { id: 'crampbot', name: 'crampbot', role: 'bot' };
const ACCEPTED_TYPES = new Set(['message', 'event', 'typing']);
const USER_ID = /^[A-Za-z0-9_:.@-]{1,64}$/;

/**
 * Adds the built-in Direct Line routes, unless DIRECT_LINE_SECRET is set (then the page talks to Azure's
 * Direct Line, which also works behind several instances).
 */
export function registerDirectLine(
  server: Server,
  deps: { config: Config; logger: Logger; adapter: CloudAdapter; bot: ActivityHandlerBase; limits?: { trustProxy?: boolean } },
): BuiltInDirectLine | undefined {
  if (deps.config.directLineSecret) return undefined;
  const directLine = new BuiltInDirectLine({
    adapter: deps.adapter,
    logic: (context) => deps.bot.run(context),
    logger: deps.logger,
    botAppId: deps.config.microsoftAppId,
    trustProxy: deps.limits?.trustProxy,
  });
  directLine.register(server);
  return directLine;
}

interface LocalConversation {
  id: string;
  userId?: string;
  /** Activities in the order they happened; `watermark` counts from `dropped`. */
  activities: Activity[];
  /** The JSON size of each kept activity, for the memory budget. */
  sizes: number[];
  bytes: number;
  dropped: number;
  sequence: number;
  lastUsed: number;
  /** Turns of one conversation run one after another, so replies keep their order. */
  queue: Promise<void>;
}

/**
 * The subset of the Direct Line 3.0 REST API that Web Chat uses with `webSocket: false`, served by this
 * process so the page works offline on `npm start` (SPEC §6).
 * @remarks The user's activity is echoed into the stream with its `channelData.clientActivityID` (Web Chat
 * shows "Send failed" otherwise). Each turn runs in-process through `adapter.processActivityDirect` with a
 * connector that appends the bot's replies straight to the conversation: no socket, no JWT and no AAD
 * token, so it works the same with or without MICROSOFT_APP_ID. State lives in this process only: behind
 * several instances, use the Azure Direct Line channel (DIRECT_LINE_SECRET) instead.
 */
export class BuiltInDirectLine {
  private readonly conversations = new Map<string, LocalConversation>();
  private readonly tokens = new Map<string, { conversationId: string; expires: number }>();
  private readonly limits: DirectLineLimits;
  private readonly now: () => number;
  private readonly starts: RateLimiter;
  private readonly posts: RateLimiter;
  private readonly bot: ChannelAccount;
  private bytes = 0;

  constructor(private readonly deps: DirectLineDeps) {
    this.limits = { ...DEFAULT_LIMITS, ...deps.limits };
    this.now = deps.now ?? Date.now;
    this.starts = new RateLimiter({ limit: this.limits.conversationsPerMinute, windowMs: 60_000 }, this.now);
    this.posts = new RateLimiter({ limit: this.limits.activitiesPer10s, windowMs: 10_000 }, this.now);
    this.bot = { ...BOT_ACCOUNT, id: deps.botAppId || BOT_ACCOUNT.id };
  }

  /** Conversations kept, and the bytes of activities they hold (for tests and benchmarks). */
  get size(): { conversations: number; bytes: number } {
    return { conversations: this.conversations.size, bytes: this.bytes };
  }

  register(server: Server): void {
    server.post(`${DIRECT_LINE_PATH}/conversations`, async (req: Request, res: Response) => this.startConversation(req, res));
    server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, async (req: Request, res: Response) => this.reconnect(req, res));
    server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => this.postActivity(req, res));
    server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => this.getActivities(req, res));
    server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, async (req: Request, res: Response) => this.refreshToken(req, res));
  }

  private startConversation(req: Request, res: Response): void {
    const decision = this.starts.take(clientAddress(req, this.deps.trustProxy ?? false));
    if (!decision.allowed) {
      sendError(res, 429, 'TooManyRequests', 'Too many new conversations; try again shortly.', {
        'Retry-After': String(decision.retryAfterSeconds),
      });
      return;
    }
    this.sweep();
    const body = isObject(req.body) ? req.body : {};
    const requestedUser = isObject(body.user) && typeof body.user.id === 'string' ? body.user.id : undefined;
    const conversation: LocalConversation = {
      id: randomId(16),
      userId: requestedUser && USER_ID.test(requestedUser) ? requestedUser : undefined,
      activities: [],
      sizes: [],
      bytes: 0,
      dropped: 0,
      sequence: 0,
      lastUsed: this.now(),
      queue: Promise.resolve(),
    };
    this.conversations.set(conversation.id, conversation);
    res.send(201, this.conversationResponse(conversation));
  }

  private reconnect(req: Request, res: Response): void {
    const conversation = this.authorize(req, res);
    if (conversation) res.send(200, this.conversationResponse(conversation));
  }

  private refreshToken(req: Request, res: Response): void {
    const token = bearer(req);
    const grant = token ? this.tokens.get(token) : undefined;
    const conversation = grant ? this.conversations.get(grant.conversationId) : undefined;
    if (!grant || grant.expires <= this.now() || !conversation) {
      sendError(res, 403, 'TokenExpired', 'The token is unknown or has expired; start a new conversation.');
      return;
    }
    res.send(200, this.conversationResponse(conversation));
  }

  private getActivities(req: Request, res: Response): void {
    const conversation = this.authorize(req, res);
    if (!conversation) return;
    const query = new URL(req.url ?? '', 'http://localhost').searchParams;
    const watermark = Number.parseInt(query.get('watermark') ?? '', 10);
    const from = Number.isFinite(watermark) && watermark > conversation.dropped ? watermark - conversation.dropped : 0;
    const end = conversation.dropped + conversation.activities.length;
    res.send(200, { activities: conversation.activities.slice(from), watermark: String(end) });
  }

  private async postActivity(req: Request, res: Response): Promise<void> {
    const conversation = this.authorize(req, res);
    if (!conversation) return;
    const body: unknown = req.body;
    if (!isObject(body) || typeof body.type !== 'string' || !ACCEPTED_TYPES.has(body.type)) {
      sendError(res, 400, 'BadArgument', 'The activity needs a type: message, event or typing.');
      return;
    }
    const decision = this.posts.take(conversation.id);
    if (!decision.allowed) {
      sendError(res, 429, 'TooManyRequests', 'You are sending messages too fast; wait a moment.', {
        'Retry-After': String(decision.retryAfterSeconds),
      });
      return;
    }
    const activity = this.userActivity(conversation, body, req);
    // Keystrokes are not worth a bot turn or a storage write.
    if (activity.type === 'typing') {
      res.send(200, { id: activity.id });
      return;
    }
    this.append(conversation, activity);
    const turn = conversation.queue.then(() => this.runTurn(conversation, activity));
    conversation.queue = turn.catch(() => undefined);
    try {
      await turn;
      res.send(200, { id: activity.id });
    } catch (error) {
      this.deps.logger.error({ err: { name: (error as Error).name } }, 'built-in Direct Line: the bot turn failed');
      sendError(res, 502, 'BotError', 'The bot could not handle this message; please try again.');
    }
  }

  private async runTurn(conversation: LocalConversation, activity: Activity): Promise<void> {
    const connector = new InProcessConnectorFactory((sent) => this.append(conversation, this.botActivity(conversation, sent)));
    const appId = this.deps.botAppId ?? '';
    const auth: AuthenticateRequestResult = {
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      claimsIdentity: new ClaimsIdentity(
        [
          { type: AuthenticationConstants.AudienceClaim, value: appId },
          { type: AuthenticationConstants.AppIdClaim, value: appId },
        ],
        true,
      ),
      connectorFactory: connector,
    };
    // The adapter mutates the activity it is given (callerId); the stream keeps its own copy.
    await this.deps.adapter.processActivityDirect(auth, structuredClone(activity), this.deps.logic);
  }

  /** The user's activity as Direct Line would deliver it, with the fields a page could fake replaced. */
  private userActivity(conversation: LocalConversation, body: Record<string, unknown>, req: Request): Activity {
    const from = isObject(body.from) ? body.from : {};
    if (!conversation.userId) {
      conversation.userId = typeof from.id === 'string' && USER_ID.test(from.id) ? from.id : `dl_${randomId(12)}`;
    }
    const activity: Partial<Activity> = {
      type: body.type as string,
      id: this.nextId(conversation),
      timestamp: new Date(this.now()),
      channelId: 'webchat',
      serviceUrl: `http://127.0.0.1:${req.socket?.localPort ?? 0}${DIRECT_LINE_PATH}`,
      conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: conversation.userId, name: typeof from.name === 'string' ? from.name.slice(0, 64) : '', role: 'user' },
      recipient: this.bot,
    };
    for (const key of ['text', 'textFormat', 'locale', 'name', 'value', 'channelData', 'entities'] as const) {
      if (body[key] !== undefined) (activity as Record<string, unknown>)[key] = body[key];
    }
    return activity as Activity;
  }

  /** A reply from the bot, stamped the way the Direct Line service stamps it. */
  private botActivity(conversation: LocalConversation, sent: Partial<Activity>): Activity {
    return {
      ...sent,
      id: this.nextId(conversation),
      timestamp: new Date(this.now()),
      channelId: 'webchat',
      conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
      from: { ...this.bot, ...sent.from, role: 'bot' },
      recipient: { id: conversation.userId ?? '', name: '', role: 'user' },
    } as Activity;
  }

  private append(conversation: LocalConversation, activity: Activity): string {
    // A turn may still answer in a conversation that was forgotten meanwhile: nobody can read it.
    if (this.conversations.get(conversation.id) !== conversation) return activity.id ?? '';
    // The page never needs to see where replies would be posted.
    const { serviceUrl: _hidden, ...visible } = activity;
    const json = JSON.stringify(visible);
    conversation.activities.push(JSON.parse(json) as Activity);
    conversation.sizes.push(json.length);
    conversation.bytes += json.length;
    this.bytes += json.length;
    const excess = conversation.activities.length - this.limits.maxActivities;
    if (excess > 0) {
      conversation.activities.splice(0, excess);
      const freed = conversation.sizes.splice(0, excess).reduce((sum, size) => sum + size, 0);
      conversation.bytes -= freed;
      this.bytes -= freed;
      conversation.dropped += excess;
    }
    conversation.lastUsed = this.now();
    this.keepWithinBudget(conversation);
    return activity.id ?? '';
  }

  /** Forgets the least recently used conversations (never `current`) while over the memory budget. */
  private keepWithinBudget(current: LocalConversation): void {
    for (const [id, conversation] of this.conversations) {
      if (this.bytes <= this.limits.maxBytes) return;
      if (conversation === current) continue;
      this.forget(id);
    }
  }

  private forget(id: string): void {
    const conversation = this.conversations.get(id);
    if (!conversation) return;
    this.bytes -= conversation.bytes;
    this.conversations.delete(id);
  }

  private nextId(conversation: LocalConversation): string {
    conversation.sequence += 1;
    return `${conversation.id}|${String(conversation.sequence).padStart(7, '0')}`;
  }

  private conversationResponse(conversation: LocalConversation) {
    const token = randomId(32);
    this.tokens.set(token, { conversationId: conversation.id, expires: this.now() + this.limits.tokenSeconds * 1000 });
    conversation.lastUsed = this.now();
    return { conversationId: conversation.id, token, expires_in: this.limits.tokenSeconds };
  }

  /** The conversation in the URL, if the bearer token was issued for it and is still valid. */
  private authorize(req: Request, res: Response): LocalConversation | undefined {
    const token = bearer(req);
    const grant = token ? this.tokens.get(token) : undefined;
    const conversation = this.conversations.get(String(req.params?.conversationId ?? ''));
    if (!grant || grant.expires <= this.now()) {
      sendError(res, 403, 'TokenExpired', 'The token is missing, unknown or expired.');
      return undefined;
    }
    if (!conversation || grant.conversationId !== conversation.id) {
      sendError(res, 404, 'NotFound', 'No such conversation for this token.');
      return undefined;
    }
    // Keep it at the end of the map: the map's order is least recently used first.
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
    conversation.lastUsed = this.now();
    return conversation;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, conversation] of this.conversations) {
      const full = this.conversations.size >= this.limits.maxConversations;
      if (!full && now - conversation.lastUsed < this.limits.idleMs) break;
      this.forget(id);
    }
    for (const [token, grant] of this.tokens) {
      // A token outlives a forgotten conversation until it expires, so the page learns it ended (404).
      if (grant.expires <= now) this.tokens.delete(token);
    }
  }
}

/**
 * Hands the adapter a connector whose "send" appends to the built-in Direct Line's stream.
 * @remarks The adapter only calls these four operations of `ConnectorClient.conversations` for a turn
 * (CloudAdapterBase.sendActivities/updateActivity/deleteActivity), so that is all this connector has.
 */
class InProcessConnectorFactory extends ConnectorFactory {
  constructor(private readonly deliver: (activity: Partial<Activity>) => string) {
    super();
  }

  async create(): Promise<ConnectorClient> {
    const send = async (_conversationId: string, activity: Partial<Activity>): Promise<ResourceResponse> => ({ id: this.deliver(activity) });
    const conversations = {
      sendToConversation: send,
      replyToActivity: async (conversationId: string, _replyToId: string, activity: Partial<Activity>) => send(conversationId, activity),
      updateActivity: async (): Promise<ResourceResponse> => {
        throw new Error('The built-in Direct Line does not update activities.');
      },
      deleteActivity: async (): Promise<void> => {
        throw new Error('The built-in Direct Line does not delete activities.');
      },
    };
    // A structural stand-in: the full ConnectorClient would need HTTP credentials this transport does not use.
    return { conversations } as unknown as ConnectorClient;
  }
}

function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function randomId(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}
