import { loadRecognizer } from '../nlu/loadRecognizer';
import { corpusOption, jsonLines, type CliIo } from './cliIo';

/** `crampbot classify [--corpus DIR]`: one message a line on stdin → `{"text","intent","score"}` lines. */
export async function classify(args: string[], io: CliIo): Promise<number> {
  const corpusDir = corpusOption('classify', args, io);
  if (corpusDir === undefined) return 2;
  const recognizer = loadRecognizer(corpusDir);
  return jsonLines(io, (text) => {
    const { intent, score } = recognizer.classify(text);
    return { text, intent, score: Math.round(score * 1000) / 1000 };
  });
}
