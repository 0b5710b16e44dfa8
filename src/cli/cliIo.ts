import type { Readable, Writable } from 'node:stream';

/** What a command reads and writes, so tests can drive it without a terminal. */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** A command line that does not parse; the command prints the message with its usage and exits 2. */
export class UsageError extends Error {}

/**
 * Runs a `util.parseArgs` call, turning its errors into a UsageError with Node's own first sentence
 * ("Unknown option '--bogus'", "Option '--corpus <value>' argument missing").
 */
export function parseCommandLine<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) throw error;
    throw new UsageError((error as Error).message.split('. ')[0]);
  }
}

/** A numeric option's value, or a UsageError naming the option. */
export function numberOption(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) throw new UsageError(`--${name} needs a number`);
  return parsed;
}
