import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpusArtefact, type CorpusArtefact } from '../corpusArtefact';
import { normaliseText } from './normalise';
import { stem, wordPunctTokens } from './natural';

/** One concept of corpus/understanding/lexicon.yml. */
export interface ConceptSpec {
  category: string;
  /** The finding this entry reports, when several entries (with different `needs`) make one concept. */
  as?: string;
  /** Concepts that read the same words: denying one later withdraws the others said earlier. */
  family?: string;
  /** The guide's trigger this concept stands for (see src/understanding/facts.ts). */
  trigger?: string;
  /** Saying this takes back those concepts said earlier ("chest is fine" → no chest pain). */
  denies?: string[];
  /** Where `unless` looks: next to the match (default), anywhere in its clause ("slurred a bit when I'm tired") or its sentence ("slept on it"). */
  unlessScope?: 'clause' | 'sentence';
  /** A medicine's class, a site's or a trigger's name (what the concept stands for). */
  class?: string;
  /** Something around everyone named, not one person's: it counts for each ("my husband broke a barometer with mercury, I cleaned it up"). */
  shared?: boolean;
  /**
   * Lay and clinical variants; `{set}` stands for any word of a set, `=word` for the word as written; a phrase in double
   * quotes has its words side by side.
   */
  phrases?: string[];
  /** Words allowed between two words of a phrase (default 2). */
  gap?: number;
  /** A word of one of these sets must be in the same sentence (or clause), in any order. */
  needs?: string | string[];
  needsScope?: 'clause' | 'sentence';
  /** A phrase of these in the same clause cancels the match ("red flag", "hot water bottle"). */
  unless?: string[];
  /** Regular expressions on the normalised text, only for what a phrase cannot say: numbers, durations, times. */
  patterns?: string[];
}

/** corpus/understanding/modifiers.yml: spelling and the ConText triggers. */
export interface ModifierSpec {
  spelling: Record<string, string>;
  notTypos: string[];
  /** Words whose Porter stem is another word's ("several" → "sever", as "severe"): they are matched as written. */
  ownStem: string[];
  negation: { before: string[]; pseudo: string[]; after: string[]; window: number; cancelWithout?: string[]; exceptions?: string[]; retractions?: string[] };
  otherPerson: { relations: string[]; afterPossessive?: string[]; personalPossessives?: string[]; pronouns: string[]; possessives: string[]; reporting?: string[]; addressed?: string[]; beside?: string[]; namedLater?: string[]; caring?: string[]; giving?: string[]; belongings?: string[]; visiting?: string[]; onTheirBody?: string[]; advising?: string[] };
  self: string[];
  hypothetical: string[];
  /** Said after a hypothetical ("that's me right now"): the question was about the writer after all. */
  owned: string[];
  historical: string[];
  ended: string[];
  questionWords: string[];
  greetings: string[];
  clauseBreaks: string[];
  subjects: string[];
  /** Words before which "dead" means very ("dead weak", "dead poorly"). */
  deadMeansVery: string[];
}

export interface Lexicon {
  version: string;
  sets: Record<string, string[]>;
  concepts: Record<string, ConceptSpec>;
  modifiers: ModifierSpec;
  /** English words one slip away from a lexicon word: corpus/understanding/real-words.txt, never "corrected". */
  realWords: string[];
  /** Each phrase of the lexicon and the modifiers as phraseWords() splits it, so start-up does not (about 60 ms). */
  phraseWords: Record<string, string[]>;
  /** The Porter stem of every word of those phrases and of the sets (about 20 ms at start-up). */
  stems: Record<string, string>;
  /** The words of the sets and the concepts' phrases, lower case, letters only, once each (15 to 20 ms at start-up). */
  vocabulary: string[];
}

/**
 * A phrase as the words it matches: normalised and split as a message is ("10k" → "10" "k"), `{set}` and `=word`
 * kept whole.
 */
export function phraseWords(phrase: string): string[] {
  return normaliseText(phrase.replace(/^\s*"(.+)"\s*$/, '$1'))
    .split(/\s+/)
    .flatMap((word) => (/^[{=]/.test(word) ? [word] : wordPunctTokens(word)))
    .filter((word) => /[\p{L}\p{N}{=]/u.test(word));
}

/** "{name}" in a phrase takes a name the writer gives someone ("our Kai is 3"), which no lexicon can list. */
export const NAME_SET = 'name';

/** corpus/understanding/ is missing something or says something the matcher cannot use; the message says what. */
export class LexiconError extends Error {
  constructor(message: string) {
    super(`corpus/understanding: ${message}`);
    this.name = 'LexiconError';
  }
}

/** corpus/understanding/ parsed and checked: built by `npm run build`, read from the corpus when it changed. */
export function lexiconArtefact(corpusDir: string): CorpusArtefact<Lexicon> {
  const dir = join(corpusDir, 'understanding');
  return {
    name: 'lexicon',
    corpusFiles: ['lexicon.yml', 'modifiers.yml', 'real-words.txt'].map((file) => join(dir, file)).filter((file) => existsSync(file)),
    codeFiles: [__filename, require.resolve('./normalise'), require.resolve('./natural')],
    build: () => parseLexicon(corpusDir),
  };
}

export function readLexicon(corpusDir: string): Lexicon {
  return loadCorpusArtefact(lexiconArtefact(corpusDir));
}

function parseLexicon(corpusDir: string): Lexicon {
  // The parser is required only to build: start-up reads the artefact.
  const { parse } = require('yaml') as typeof import('yaml');
  const dir = join(corpusDir, 'understanding');
  const lexicon = parse(readFileSync(join(dir, 'lexicon.yml'), 'utf8')) as Partial<Lexicon> | null;
  const modifiers = parse(readFileSync(join(dir, 'modifiers.yml'), 'utf8')) as Partial<ModifierSpec> | null;
  if (!lexicon?.concepts || !lexicon.version) throw new LexiconError('lexicon.yml needs a version and concepts');
  if (!modifiers?.negation) throw new LexiconError('modifiers.yml needs negation triggers');
  const realWordsFile = join(dir, 'real-words.txt');
  const realWords = existsSync(realWordsFile)
    ? readFileSync(realWordsFile, 'utf8').split('\n').filter((line) => line && !line.startsWith('#'))
    : [];
  const result: Lexicon = {
    phraseWords: {},
    stems: {},
    vocabulary: [],
    version: String(lexicon.version),
    realWords,
    sets: lexicon.sets ?? {},
    concepts: lexicon.concepts,
    modifiers: {
      spelling: modifiers.spelling ?? {},
      notTypos: modifiers.notTypos ?? [],
      ownStem: modifiers.ownStem ?? [],
      negation: modifiers.negation,
      otherPerson: modifiers.otherPerson ?? { relations: [], pronouns: [], possessives: [] },
      self: modifiers.self ?? [],
      hypothetical: modifiers.hypothetical ?? [],
      owned: modifiers.owned ?? [],
      historical: modifiers.historical ?? [],
      ended: modifiers.ended ?? [],
      questionWords: modifiers.questionWords ?? [],
      greetings: modifiers.greetings ?? [],
      clauseBreaks: modifiers.clauseBreaks ?? [],
      subjects: modifiers.subjects ?? [],
      deadMeansVery: modifiers.deadMeansVery ?? [],
    },
  };
  checkLexicon(result);
  const { hypothetical, owned, historical, ended } = result.modifiers;
  const phrases = [
    ...Object.values(result.concepts).flatMap((spec) => [...(spec.phrases ?? []), ...(spec.unless ?? [])]),
    ...hypothetical,
    ...owned,
    ...historical,
    ...ended,
  ];
  for (const phrase of phrases) result.phraseWords[String(phrase)] = phraseWords(String(phrase));
  const words = [...Object.values(result.phraseWords).flat(), ...Object.values(result.sets).flat().map((word) => String(word).toLowerCase())];
  for (const word of words) if (/^[a-z]+$/.test(word)) result.stems[word] = stem(word);
  result.vocabulary = vocabularyOf(result);
  return result;
}

/** The words a typing slip may be corrected to: the sets' and the phrases' words, in the order they first occur. */
function vocabularyOf(lexicon: Lexicon): string[] {
  const setWords = Object.values(lexicon.sets).flat();
  const phraseWords = Object.values(lexicon.concepts).flatMap((spec) => (spec.phrases ?? []).flatMap((phrase) => String(phrase).split(/\s+/)));
  const words = [...setWords, ...phraseWords.filter((word) => !word.startsWith('{'))].map((word) => String(word).toLowerCase());
  return [...new Set(words.filter((word) => /^[a-z]+$/.test(word)))];
}

function checkLexicon(lexicon: Lexicon): void {
  for (const [name, spec] of Object.entries(lexicon.concepts)) {
    if (!spec || typeof spec !== 'object') throw new LexiconError(`concept ${name} is empty`);
    if (!spec.category) throw new LexiconError(`concept ${name} has no category`);
    if (!spec.phrases?.length && !spec.patterns?.length) throw new LexiconError(`concept ${name} has no phrases`);
    for (const set of [spec.needs ?? []].flat()) if (!lexicon.sets[set]) throw new LexiconError(`concept ${name} needs unknown set ${set}`);
    // An unless is compiled when its concept first matches, so its sets are checked here, not at start-up.
    for (const phrase of [...(spec.phrases ?? []), ...(spec.unless ?? [])]) {
      for (const slot of String(phrase).matchAll(/\{(\w+)\}/g)) {
        if (slot[1] !== NAME_SET && !lexicon.sets[slot[1]!]) throw new LexiconError(`concept ${name}: phrase "${phrase}" uses unknown set {${slot[1]}}`);
      }
    }
    for (const pattern of spec.patterns ?? []) {
      try {
        new RegExp(pattern);
      } catch (error) {
        throw new LexiconError(`concept ${name} has a bad pattern: ${(error as Error).message}`);
      }
    }
  }
}
