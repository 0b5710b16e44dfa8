import type { AddressInfo } from 'node:net';
import { ActivityHandler, MemoryStorage, MessageFactory } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { capturedLogger } from '../support/capturedLogger';
import { createAdapter } from '../../src/adapter';
import { createServer } from '../../src/http/server';

/**
 * A bot that shows what the transport carries: it welcomes on `webchat/join`, sends a typing
 * indicator, then echoes the text (or the card submit's value) with two suggested actions.
 */
export class EchoBot extends ActivityHandler {
  constructor(private readonly delayMs = 0) {
    super();
    this.onEvent(async (context, next) => {
      if (context.activity.name === 'webchat/join') await context.sendActivity('Welcome to the echo bot.');
      await next();
    });
    this.onMessage(async (context, next) => {
      await context.sendActivity({ type: 'typing' });
      if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      const said = context.activity.text ?? JSON.stringify(context.activity.value);
      await context.sendActivity(MessageFactory.suggestedActions(['Again', 'Stop'], `echo: ${said}`));
      await next();
    });
  }
}

export interface DirectLineHarnessOptions {
  env?: Record<string, string>;
  bot?: ActivityHandler;
  emergencyLine?: string;
}

/** A crampbot server (its real routes) around the echo bot, on 127.0.0.1 port 0, logs captured. */
export async function startDirectLineServer({ env = {}, bot = new EchoBot(), emergencyLine }: DirectLineHarnessOptions = {}) {
  const config = loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'debug', ...env });
  const { logger, logs } = capturedLogger(config);
  const adapter = createAdapter(config, logger);
  const triage = emergencyLine ? { services: { emergencyLine } } : undefined;
  const server = createServer({ config, logger, adapter, bot, storage: new MemoryStorage(), triage });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    logs,
    close: () =>
      new Promise<void>((resolve) => {
        server.server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type DirectLineHarness = Awaited<ReturnType<typeof startDirectLineServer>>;

/** A Direct Line client the way DirectLineJS talks when polling. */
export class DirectLineClient {
  conversationId = '';
  token = '';
  watermark = '';

  constructor(private readonly url: string) {}

  async start(): Promise<void> {
    const response = await fetch(`${this.url}/v3/directline/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: {} }),
    });
    if (response.status !== 201) throw new Error(`start: ${response.status}`);
    const body = (await response.json()) as { conversationId: string; token: string };
    this.conversationId = body.conversationId;
    this.token = body.token;
  }

  post(activity: Record<string, unknown>, token = this.token) {
    return fetch(`${this.url}/v3/directline/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(activity),
    });
  }

  async poll(token = this.token): Promise<{ status: number; activities: any[] }> {
    const response = await fetch(
      `${this.url}/v3/directline/conversations/${this.conversationId}/activities?watermark=${this.watermark}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    if (response.status !== 200) return { status: response.status, activities: [] };
    const body = (await response.json()) as { activities: any[]; watermark: string };
    this.watermark = body.watermark;
    return { status: 200, activities: body.activities };
  }

  /** Polls until `done` holds for everything received so far (bounded: ~5 s). */
  async pollUntil(done: (activities: any[]) => boolean): Promise<any[]> {
    const seen: any[] = [];
    for (let attempt = 0; attempt < 100; attempt += 1) {
      seen.push(...(await this.poll()).activities);
      if (done(seen)) return seen;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`gave up waiting; got ${JSON.stringify(seen.map((a) => a.text ?? a.type))}`);
  }
}

export function userMessage(text: string, clientActivityID: string): Record<string, unknown> {
  return {
    type: 'message',
    text,
    from: { id: 'r_webchat_user', name: '', role: 'user' },
    locale: 'en-GB',
    textFormat: 'plain',
    channelData: { clientActivityID, clientTimestamp: new Date().toISOString() },
  };
}
