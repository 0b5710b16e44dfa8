import { factsLine, factsSaid } from '../understanding/facts';
import { loadUnderstanding } from '../understanding/understanding';
import { corpusOption, jsonLines, type CliIo } from './cliIo';

/**
 * `crampbot facts [--corpus DIR]`: one message a line on stdin → `{"text","now","site","when","triggers"}` lines
 * (SPEC §6): what the guide would take from that message, null where it says nothing, `weeks` when it gives weeks of
 * pregnancy. Each line is read on its own.
 */
export async function facts(args: string[], io: CliIo): Promise<number> {
  const corpusDir = corpusOption('facts', args, io);
  if (corpusDir === undefined) return 2;
  const layer = loadUnderstanding(corpusDir);
  return jsonLines(io, (text) => factsLine(text, factsSaid(layer.understand(text))));
}
