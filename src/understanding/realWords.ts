import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadUnderstanding } from './understanding';

/** The English word list (the `word-list` package, MIT), one word a line. */
export function englishWords(): string[] {
  return readFileSync(join(dirname(require.resolve('word-list')), 'words.txt'), 'utf8').split('\n');
}

export const REAL_WORDS_HEADER =
  '# English words one typing slip away from a word of lexicon.yml: never "corrected" to it.\n' +
  '# Made from the word-list package by `npx crampbot lexicon-words`; a test checks it is current.\n';

/** The contents corpus/understanding/real-words.txt should have for the lexicon as it is now. */
export function realWordsFile(corpusDir: string): string {
  const neighbours = loadUnderstanding(corpusDir).realWordNeighbours(englishWords());
  return REAL_WORDS_HEADER + neighbours.join('\n') + '\n';
}

export function writeRealWords(corpusDir: string): void {
  writeFileSync(join(corpusDir, 'understanding', 'real-words.txt'), realWordsFile(corpusDir));
}
