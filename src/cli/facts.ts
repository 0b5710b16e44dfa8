import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CORPUS_DIR } from '../paths';
import { factsLine, factsSaid } from '../understanding/facts';
import { loadUnderstanding } from '../understanding/understanding';
import { parseCommandLine, UsageError, type CliIo } from './cliIo';

/**
 * `crampbot facts [--corpus DIR]`: one message a line on stdin → `{"text","now","site","when","triggers"}` lines
 * (SPEC §6): what the guide would take from that message, null where it says nothing, `weeks` when it gives weeks of
 * pregnancy. Each line is read on its own.
 */
export async function facts(args: string[], io: CliIo): Promise<number> {
  let corpusDir: string;
  try {
    const { values } = parseCommandLine(() => parseArgs({ args, options: { corpus: { type: 'string' } }, strict: true }));
    corpusDir = values.corpus ?? CORPUS_DIR;
    if (!corpusDir) throw new UsageError('--corpus needs a directory');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`crampbot facts: ${error.message}\n`);
    return 2;
  }
  const layer = loadUnderstanding(corpusDir);
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const text of lines) io.stdout.write(`${JSON.stringify(factsLine(text, factsSaid(layer.understand(text))))}\n`);
  return 0;
}
