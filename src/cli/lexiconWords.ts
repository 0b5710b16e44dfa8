import type { Writable } from 'node:stream';
import { join, relative } from 'node:path';
import { CORPUS_DIR, PROJECT_ROOT } from '../paths';
import { writeRealWords } from '../understanding/realWords';

/**
 * `crampbot lexicon-words`: rewrites corpus/understanding/real-words.txt, the English words one typing slip away
 * from a lexicon word (never "corrected"). Run it after editing corpus/understanding/lexicon.yml; a test says when.
 */
export async function lexiconWords(_args: string[], io: { stdout: Writable }): Promise<number> {
  writeRealWords(CORPUS_DIR);
  io.stdout.write(`wrote ${relative(PROJECT_ROOT, join(CORPUS_DIR, 'understanding', 'real-words.txt'))}\n`);
  return 0;
}
