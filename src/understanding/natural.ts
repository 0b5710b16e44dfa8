/**
 * The parts of `natural` the understanding layer uses, loaded from their own files: `require('natural')`
 * loads database drivers and takes about 1.5 s (SPEC §9), these take about 90 ms.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const { WordPunctTokenizer } = require('natural/lib/natural/tokenizers/regexp_tokenizer') as {
  WordPunctTokenizer: new () => { tokenize(text: string): string[] };
};
const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer') as { stem(word: string): string };
const { DamerauLevenshteinDistance } = require('natural/lib/natural/distance/levenshtein_distance') as {
  DamerauLevenshteinDistance(source: string, target: string, options?: { restricted?: boolean }): number;
};

const tokenizer = new WordPunctTokenizer();

/** Words and punctuation runs, in order ("calf,swollen!!" → calf , swollen !!). */
export function wordPunctTokens(text: string): string[] {
  // natural keeps the full stop after a number ("10 out of 10." → "10."): it ends the sentence, as after a word.
  return tokenizer.tokenize(text).flatMap((token) => (/^\d+\.$/.test(token) ? [token.slice(0, -1), '.'] : [token]));
}

/** Porter stem of a lower-case word ("swelling" → "swell", "breathing" → "breath"). */
export function stem(word: string): string {
  return PorterStemmer.stem(word);
}

/** Edits between two words, a swap of neighbours counting as one ("sweling" / "swelling": 1). */
export function editDistance(a: string, b: string): number {
  return DamerauLevenshteinDistance(a, b, { restricted: true });
}

/** The word with each one letter left out: the keys of a symmetric-delete index, so that words one edit apart
 * share a key and a typo lookup costs a handful of map reads. */
export function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
