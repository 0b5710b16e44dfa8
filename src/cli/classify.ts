import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadRecognizer } from '../nlu/loadRecognizer';
import { CORPUS_DIR } from '../paths';
import { parseCommandLine, UsageError, type CliIo } from './cliIo';

/** `crampbot classify [--corpus DIR]`: one message a line on stdin → `{"text","intent","score"}` lines. */
export async function classify(args: string[], io: CliIo): Promise<number> {
  let corpusDir: string;
  try {
    const { values } = parseCommandLine(() => parseArgs({ args, options: { corpus: { type: 'string' } }, strict: true }));
    corpusDir = values.corpus ?? CORPUS_DIR;
    if (!corpusDir) throw new UsageError('--corpus needs a directory');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`crampbot classify: ${error.message}\n`);
    return 2;
  }
  const recognizer = loadRecognizer(corpusDir);
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const text of lines) {
    const { intent, score } = recognizer.classify(text);
    io.stdout.write(`${JSON.stringify({ text, intent, score: Math.round(score * 1000) / 1000 })}\n`);
  }
  return 0;
}
