import { createInterface } from 'node:readline';
import { loadRecognizer } from '../nlu/loadRecognizer';
import { CORPUS_DIR } from '../paths';
import type { CliIo } from './crampbot';

/** `crampbot classify [--corpus DIR]`: one message a line on stdin → `{"text","intent","score"}` lines. */
export async function classify(args: string[], io: CliIo): Promise<number> {
  const corpusAt = args.indexOf('--corpus');
  const corpusDir = corpusAt >= 0 ? args[corpusAt + 1] : CORPUS_DIR;
  if (!corpusDir) {
    io.stderr.write('crampbot classify: --corpus needs a directory\n');
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
