import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { sendError } from './httpError';
import { RateLimiter, clientAddress } from './rateLimit';

export const DIRECT_LINE_TOKEN_PATH = '/api/directline/token';
export const DIRECT_LINE_GENERATE_URL = 'https://directline.botframework.com/v3/directline/tokens/generate';

export interface DirectLineTokenDeps {
  config: Pick<Config, 'directLineSecret'>;
  logger: Logger;
  /** For tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  generateUrl?: string;
  timeoutMs?: number;
  /** Count requests per X-Forwarded-For client (behind a proxy such as App Service's front end). */
  limits?: { trustProxy?: boolean };
}

/** Each token costs a call to Direct Line; a page needs one per visit. */
const TOKENS_PER_MINUTE = 10;

/** What the page gets: a token for one conversation, bound to one unguessable user id. */
export interface DirectLineTokenResponse {
  token: string;
  conversationId: string;
  expiresIn: number;
  userId: string;
}

/**
 * `POST /api/directline/token`: exchanges DIRECT_LINE_SECRET, server-side, for a conversation token.
 * @remarks The secret only ever travels in the Authorization header to Direct Line; it is not in any
 * response or log line. The user id is `dl_` plus 128 random bits, so with enhanced authentication
 * nobody can pose as another user. Without the secret the route answers 404: the page then uses the
 * built-in Direct Line.
 */
export function registerDirectLineToken(server: Server, deps: DirectLineTokenDeps): void {
  const perClient = new RateLimiter({ limit: TOKENS_PER_MINUTE, windowMs: 60_000 });
  server.post(DIRECT_LINE_TOKEN_PATH, async (req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    const secret = deps.config.directLineSecret;
    if (!secret) {
      sendError(res, 404, 'NotConfigured', 'DIRECT_LINE_SECRET is not set; this server runs its own Direct Line for the page.');
      return;
    }
    const decision = perClient.take(clientAddress(req, deps.limits?.trustProxy ?? false));
    if (!decision.allowed) {
      sendError(res, 429, 'TooManyRequests', 'Too many new chats from here; try again in a minute.', {
        'Retry-After': String(decision.retryAfterSeconds),
      });
      return;
    }
    try {
      res.send(200, await generateToken(secret, deps));
    } catch (error) {
      const problem = error instanceof DirectLineTokenError ? error.message : 'Direct Line could not be reached';
      deps.logger.warn({ err: { name: (error as Error).name }, status: (error as DirectLineTokenError).status }, 'Direct Line token exchange failed');
      sendError(res, 502, 'DirectLineUnavailable', `Could not start a chat: ${problem}. Please try again in a minute.`);
    }
  });
}

/** A Direct Line answer that gave no token. */
export class DirectLineTokenError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'DirectLineTokenError';
  }
}

export async function generateToken(secret: string, deps: DirectLineTokenDeps): Promise<DirectLineTokenResponse> {
  const userId = `dl_${randomBytes(16).toString('hex')}`;
  const response = await (deps.fetch ?? fetch)(deps.generateUrl ?? DIRECT_LINE_GENERATE_URL, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: { id: userId } }),
    signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new DirectLineTokenError(`Direct Line answered ${response.status}`, response.status);
  }
  const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (typeof body?.token !== 'string' || typeof body.conversationId !== 'string') {
    throw new DirectLineTokenError('Direct Line answered without a token', response.status);
  }
  return {
    token: body.token,
    conversationId: body.conversationId,
    expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 1800,
    userId,
  };
}
