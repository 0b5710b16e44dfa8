import pino, { type Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

const SECRET_FIELDS = ['password', 'secret', 'token', 'authorization', 'cookie', 'connectionString', 'microsoftAppPassword', 'directLineSecret', 'blobConnectionString'];

/**
 * Structured JSON logs. Secrets are always redacted (as fields at the top level or one or two levels down);
 * message text and user names only appear when LOG_TEXT=1, and only through `loggableText`.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      redact: {
        paths: [...SECRET_FIELDS, ...SECRET_FIELDS.map((field) => `*.${field}`), ...SECRET_FIELDS.map((field) => `*.*.${field}`)],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/**
 * What a log line may say about a message: its text and the sender's name with LOG_TEXT=1, else only the length.
 * @remarks Health conversations are sensitive; keep LOG_TEXT off in production.
 */
export function loggableText(config: Pick<Config, 'logText'>, activity: { text?: unknown; from?: { name?: unknown } }): Record<string, unknown> {
  const text = typeof activity.text === 'string' ? activity.text : undefined;
  if (!config.logText) return { textLength: text?.length ?? 0 };
  return { text, fromName: activity.from?.name };
}

/** What the logs keep of an error's stack: the "at …" lines, without the first line (which repeats the message). */
export function stackFrames(error: unknown): string | undefined {
  const stack = (error as Error | undefined)?.stack;
  if (typeof stack !== 'string') return undefined;
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 10)
    .join('\n');
}
