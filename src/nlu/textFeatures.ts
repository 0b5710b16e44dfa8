import { normaliseText } from '../understanding/normalise';

/**
 * Turns a chat message into the tokens and sparse features the intent models read.
 *
 * @remarks Stop words are kept on purpose: "what", "how", "when" and "can" carry the intent
 * ("how common" vs "how do I stop"). Typo tolerance comes from character n-grams inside words and
 * from the model's SpellingCorrector, which word features go through.
 */

/** Letters, digits and "&" (as in "A&E") make words; "?" and "!" are kept as tokens of their own. */
const TOKEN = /[\p{L}\p{N}&]+|[?!]/gu;

/** The project's one normaliser (src/understanding/normalise.ts): what the classifier reads is what triage reads. */
export const normaliseMessage = normaliseText;

/** Words, plus one "?" or "!" token per run of them (so "?" alone and "cramp!!!" still carry a signal). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of normaliseMessage(text).matchAll(TOKEN)) {
    const token = match[0];
    if ((token === '?' || token === '!') && tokens[tokens.length - 1] === token) continue;
    tokens.push(token);
  }
  return tokens;
}

/** The words of a message only, for comparing phrasings (duplicates) and for vocabulary. */
export function wordsOf(text: string): string[] {
  return tokenize(text).filter((token) => token !== '?' && token !== '!');
}

export interface FeatureOptions {
  /** Weight of word unigrams and bigrams relative to character n-grams. */
  wordWeight: number;
  charWeight: number;
  /** Character n-gram lengths inside each word padded with "<" and ">". */
  minGram: number;
  maxGram: number;
  /** Correct unknown words to the training vocabulary (one edit away) before making word features. */
  spellingCorrection: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { wordWeight: 1, charWeight: 2, minGram: 3, maxGram: 4, spellingCorrection: true };

/**
 * A feature is a 29-bit hash with its kind in the lowest bit (1: word or word bigram, 0: character
 * n-gram). Hashing instead of building a string per n-gram makes feature extraction several times
 * cheaper; with a few tens of thousands of features, a collision is unlikely and merely merges two
 * rare features.
 */
export type FeatureKey = number;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const UNIGRAM_SEED = 0x9e3779b9;
const BIGRAM_SEED = 0x85ebca6b;
const SENTENCE_START = 0x27d4eb2f;
const SENTENCE_END = 0x165667b1;

function hashText(text: string, from = 0, to = text.length, seed = FNV_OFFSET): number {
  let hash = seed;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

function mix(a: number, b: number): number {
  return Math.imul((a ^ Math.imul(b, 0x27d4eb2d)) >>> 0, FNV_PRIME) >>> 0;
}

const wordKey = (hash: number): FeatureKey => ((hash & 0x1ffffffe) | 1) >>> 0;
const charKey = (hash: number): FeatureKey => (hash & 0x1ffffffe) >>> 0;

/** Raw counts of a message's features: words, word bigrams (with sentence boundaries), character n-grams. */
export function countFeatures(
  text: string,
  options: FeatureOptions = DEFAULT_FEATURE_OPTIONS,
  correct: (word: string) => string = (word) => word,
): Map<FeatureKey, number> {
  return countTokenFeatures(tokenize(text), options, correct);
}

/** countFeatures of an already tokenized message (training tokenizes each phrasing once). */
export function countTokenFeatures(
  tokens: readonly string[],
  options: FeatureOptions,
  correct: (word: string) => string = (word) => word,
): Map<FeatureKey, number> {
  const counts = new Map<FeatureKey, number>();
  const add = (key: FeatureKey): void => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  let previous = SENTENCE_START;
  for (const token of tokens) {
    const word = hashText(correct(token));
    add(wordKey(mix(word, UNIGRAM_SEED)));
    add(wordKey(mix(mix(previous, BIGRAM_SEED), word)));
    previous = word;
    if (token === '?' || token === '!') continue;
    const padded = `<${token}>`;
    for (let n = options.minGram; n <= options.maxGram; n++) {
      for (let i = 0; i + n <= padded.length; i++) add(charKey(hashText(padded, i, i + n, FNV_OFFSET ^ n)));
    }
  }
  if (tokens.length > 0) add(wordKey(mix(mix(previous, BIGRAM_SEED), SENTENCE_END)));
  return counts;
}

/**
 * Feature values from counts: log-scaled counts times `weightOf` (the model's inverse document
 * frequency), the word group and the character group each L2-normalised and weighted.
 */
export function weighFeatures(
  counts: ReadonlyMap<FeatureKey, number>,
  options: FeatureOptions = DEFAULT_FEATURE_OPTIONS,
  weightOf: (key: FeatureKey) => number = () => 1,
): Map<FeatureKey, number> {
  const features = new Map<FeatureKey, number>();
  let wordSquares = 0;
  let charSquares = 0;
  for (const [key, count] of counts) {
    const value = (1 + Math.log(count)) * weightOf(key);
    features.set(key, value);
    if (isWordFeature(key)) wordSquares += value * value;
    else charSquares += value * value;
  }
  const wordScale = wordSquares > 0 ? options.wordWeight / Math.sqrt(wordSquares) : 0;
  const charScale = charSquares > 0 ? options.charWeight / Math.sqrt(charSquares) : 0;
  for (const [key, value] of features) features.set(key, value * (isWordFeature(key) ? wordScale : charScale));
  return features;
}

/** Words and word bigrams, as opposed to character n-grams. */
export function isWordFeature(key: FeatureKey): boolean {
  return (key & 1) === 1;
}

/**
 * Sparse features of a message: word unigrams, word bigrams (with sentence boundaries) and character
 * n-grams. Word features use the corrected spelling; character n-grams the spelling as typed.
 */
export function extractFeatures(
  text: string,
  options: FeatureOptions = DEFAULT_FEATURE_OPTIONS,
  correct: (word: string) => string = (word) => word,
  weightOf: (key: FeatureKey) => number = () => 1,
): Map<FeatureKey, number> {
  return weighFeatures(countFeatures(text, options, correct), options, weightOf);
}
