import pino, { type Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

/**
 * Structured JSON logs. Secrets are always redacted; message text and user names only
 * appear when LOG_TEXT=1 (callers pass text only through `logText`).
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      redact: {
        paths: ['*.password', '*.secret', '*.token', '*.authorization', 'req.headers.authorization', '*.connectionString'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
