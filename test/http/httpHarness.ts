import type { AddressInfo } from 'node:net';
import { MemoryStorage, type Storage } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { capturedLogger } from '../support/capturedLogger';
import { createCrampbot } from '../../src/index';
import { createServer } from '../../src/http/server';
import type { RateLimits } from '../../src/http/rateLimit';

/** Generous limits, so tests that are not about rate limiting never hit them. */
export const NO_LIMITS: RateLimits = {
  perClient: { limit: 1_000_000, windowMs: 1000 },
  perConversation: { limit: 1_000_000, windowMs: 1000 },
  trustProxy: false,
};

export interface HarnessOptions {
  env?: Record<string, string>;
  limits?: Partial<RateLimits>;
  storage?: Storage;
}

/** A crampbot server on 127.0.0.1, port 0, with its log lines captured in `logs`. */
export async function startServer({ env = {}, limits = NO_LIMITS, storage = new MemoryStorage() }: HarnessOptions = {}) {
  const config = loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'debug', ...env });
  const { logger, logs } = capturedLogger(config);
  const app = createCrampbot(config, logger, { storage });
  const server = createServer({ ...app, limits });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    app,
    server,
    logs,
    close: () => new Promise<void>((resolve) => {
      server.server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
export type Harness = Awaited<ReturnType<typeof startServer>>;

let counter = 0;

/** A message activity from a Web Chat-like channel that asks for its replies in the response. */
export function message(text: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    type: 'message',
    id: `activity-${counter}`,
    channelId: 'test',
    conversation: { id: 'conversation-1' },
    from: { id: 'user-1' },
    recipient: { id: 'crampbot', role: 'bot' },
    locale: 'en-GB',
    deliveryMode: 'expectReplies',
    text,
    ...overrides,
  };
}

/** The invoke Teams sends when someone presses its own feedback buttons and types a comment. */
export function teamsFeedback(reaction: 'like' | 'dislike', comment: string, overrides: Record<string, unknown> = {}) {
  return message('', {
    type: 'invoke',
    name: 'message/submitAction',
    channelId: 'msteams',
    deliveryMode: undefined,
    serviceUrl: 'http://127.0.0.1:9/',
    value: { actionName: 'feedback', actionValue: { reaction, feedback: JSON.stringify({ feedbackText: comment }) } },
    ...overrides,
  });
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const raw = await response.text();
  let json: any;
  try {
    json = raw ? JSON.parse(raw) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, raw, json };
}

/** The text of the replies in an expectReplies response. */
export function replyTexts(json: { activities?: Array<{ type: string; text?: string }> } | undefined): string[] {
  return (json?.activities ?? []).filter((a) => a.type === 'message').map((a) => a.text ?? '');
}
