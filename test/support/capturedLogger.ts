import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import type { Config } from '../../src/config';

/** A real logger whose JSON lines land in `logs`, so tests can read what would have been logged. */
export function capturedLogger(config: Pick<Config, 'logLevel'>) {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(config, sink), logs };
}
