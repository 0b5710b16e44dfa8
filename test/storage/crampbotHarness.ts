import type { AddressInfo } from 'node:net';
import type { Activity, Storage } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { capturedLogger } from '../support/capturedLogger';
import { createCrampbot } from '../../src/index';
import { createServer } from '../../src/http/server';

const NO_RATE_LIMITS = {
  perClient: { limit: 1_000_000, windowMs: 1000 },
  perConversation: { limit: 1_000_000, windowMs: 1000 },
  trustProxy: false,
};

/** The real crampbot over HTTP on 127.0.0.1:0 with the given storage; log lines land in `logs`. */
export async function startCrampbot(storage: Storage, env: Record<string, string> = {}) {
  const config = loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'info', ...env });
  const { logger, logs } = capturedLogger(config);
  const app = createCrampbot(config, logger, { storage });
  const server = createServer({ ...app, limits: NO_RATE_LIMITS });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    app,
    server,
    logs,
    close: () =>
      new Promise<void>((resolve) => {
        server.server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let sequence = 0;

/** A Web Chat-style message that asks for its replies in the HTTP response. */
export function message(conversationId: string, text: string, userId = 'user-1'): Partial<Activity> {
  sequence += 1;
  return {
    type: 'message',
    id: `activity-${sequence}`,
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: conversationId } as Activity['conversation'],
    from: { id: userId, name: 'user' },
    recipient: { id: 'crampbot', name: 'crampbot' },
    locale: 'en-GB',
    deliveryMode: 'expectReplies',
    text,
  };
}

/** POSTs an activity; resolves to the HTTP status and the text of the message replies. */
export async function send(url: string, activity: Partial<Activity>): Promise<{ status: number; replies: string[] }> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const body = (await response.json().catch(() => undefined)) as { activities?: Partial<Activity>[] } | undefined;
  const replies = (body?.activities ?? []).filter((reply) => reply.type === 'message').map((reply) => reply.text ?? '');
  return { status: response.status, replies };
}

/** The storage keys ConversationState and UserState use (botbuilder appends a slash). */
export const conversationKey = (conversationId: string) => `webchat/conversations/${conversationId}/`;
export const userKey = (userId: string) => `webchat/users/${userId}/`;
