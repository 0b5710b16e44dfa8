import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { CORPUS_DIR } from '../paths';

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

/**
 * The `[--corpus DIR]` command line of a lines-in, JSON-lines-out command; undefined (after printing the usage
 * problem) when it does not parse.
 */
export function corpusOption(command: string, args: string[], io: CliIo): string | undefined {
  try {
    const { values } = parseCommandLine(() => parseArgs({ args, options: { corpus: { type: 'string' } }, strict: true }));
    const corpusDir = values.corpus ?? CORPUS_DIR;
    if (!corpusDir) throw new UsageError('--corpus needs a directory');
    return corpusDir;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`crampbot ${command}: ${error.message}\n`);
    return undefined;
  }
}

/** One JSON line on stdout for each line on stdin. */
export async function jsonLines(io: CliIo, lineFor: (text: string) => unknown): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const text of lines) io.stdout.write(`${JSON.stringify(lineFor(text))}\n`);
  return 0;
}
