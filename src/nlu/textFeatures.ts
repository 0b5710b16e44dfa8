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
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { wordWeight: 1, charWeight: 1, minGram: 2, maxGram: 5 };

/**
 * Sparse features of a message: word unigrams, word bigrams (with sentence boundaries) and character
 * n-grams, each group L2-normalised and weighted, with log-scaled counts.
 */
export function extractFeatures(text: string, options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): Map<string, number> {
  const tokens = tokenize(text);
  const words = new Map<string, number>();
  const chars = new Map<string, number>();
  const add = (map: Map<string, number>, key: string): void => {
    map.set(key, (map.get(key) ?? 0) + 1);
  };
  let previous = '<s>';
  for (const token of tokens) {
    add(words, `w:${token}`);
    add(words, `b:${previous} ${token}`);
    previous = token;
    if (token === '?' || token === '!') continue;
    const padded = `<${token}>`;
    for (let n = options.minGram; n <= options.maxGram; n++) {
      for (let i = 0; i + n <= padded.length; i++) add(chars, `c:${padded.slice(i, i + n)}`);
    }
  }
  if (tokens.length > 0) add(words, `b:${previous} </s>`);
  const features = new Map<string, number>();
  mergeNormalised(features, words, options.wordWeight);
  mergeNormalised(features, chars, options.charWeight);
  return features;
}

function mergeNormalised(into: Map<string, number>, counts: Map<string, number>, weight: number): void {
  if (weight === 0 || counts.size === 0) return;
  let sumSquares = 0;
  for (const [key, count] of counts) {
    const value = 1 + Math.log(count);
    counts.set(key, value);
    sumSquares += value * value;
  }
  const scale = weight / Math.sqrt(sumSquares);
  for (const [key, value] of counts) into.set(key, value * scale);
}
