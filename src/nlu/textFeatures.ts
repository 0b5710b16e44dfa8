/**
 * Turns a chat message into the tokens and sparse features the intent models read.
 *
 * @remarks Stop words are kept on purpose: "what", "how", "when" and "can" carry the intent
 * ("how common" vs "how do I stop"). Typo tolerance comes from character n-grams inside words.
 */

const MENTION = /<at\b[^>]*>.*?<\/at>/gis;
const TAG = /<[^>]+>/g;
const APOSTROPHES = /['\u2018\u2019\u02bc`´]/g;
/** Letters, digits and "&" (as in "A&E") make words; "?" and "!" are kept as tokens of their own. */
const TOKEN = /[\p{L}\p{N}&]+|[?!]/gu;

/** Lower case, Unicode-normalised text without mentions, markup or apostrophes. */
export function normaliseMessage(text: string): string {
  return text.replace(MENTION, ' ').replace(TAG, ' ').normalize('NFKC').toLowerCase().replace(APOSTROPHES, '');
}

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

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { wordWeight: 1, charWeight: 2, minGram: 2, maxGram: 5, spellingCorrection: true };

/**
 * Raw counts of a message's features: `w:word`, `b:bigram` and character n-grams as they are
 * (tokens never contain ":", so the two kinds cannot collide; no prefix saves a string per n-gram).
 */
export function countFeatures(
  text: string,
  options: FeatureOptions = DEFAULT_FEATURE_OPTIONS,
  correct: (word: string) => string = (word) => word,
): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const add = (key: string): void => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  let previous = '<s>';
  for (const token of tokens) {
    const word = correct(token);
    add(`w:${word}`);
    add(`b:${previous} ${word}`);
    previous = word;
    if (token === '?' || token === '!') continue;
    const padded = `<${token}>`;
    for (let n = options.minGram; n <= options.maxGram; n++) {
      for (let i = 0; i + n <= padded.length; i++) add(padded.slice(i, i + n));
    }
  }
  if (tokens.length > 0) add(`b:${previous} </s>`);
  return counts;
}

/**
 * Feature values from counts: log-scaled counts times `weightOf` (the model's inverse document
 * frequency), the word group and the character group each L2-normalised and weighted.
 */
export function weighFeatures(
  counts: ReadonlyMap<string, number>,
  options: FeatureOptions = DEFAULT_FEATURE_OPTIONS,
  weightOf: (key: string) => number = () => 1,
): Map<string, number> {
  const features = new Map<string, number>();
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

/** `w:` and `b:` keys are word features; everything else is a character n-gram. */
export function isWordFeature(key: string): boolean {
  return key.charCodeAt(1) === 58 /* : */;
}

/**
 * Sparse features of a message: word unigrams, word bigrams (with sentence boundaries) and character
 * n-grams. Word features use the corrected spelling; character n-grams the spelling as typed.
 */
export function extractFeatures(
  text: string,
  options: FeatureOptions = DEFAULT_FEATURE_OPTIONS,
  correct: (word: string) => string = (word) => word,
  weightOf: (key: string) => number = () => 1,
): Map<string, number> {
  return weighFeatures(countFeatures(text, options, correct), options, weightOf);
}
