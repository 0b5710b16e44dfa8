import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusArtefact } from '../corpusArtefact';
import { readLexicon } from '../understanding/lexicon';
import { stem, wordPunctTokens } from '../understanding/natural';
import { normaliseText } from '../understanding/normalise';
import { loadNluCorpus } from './nluCorpus';

/* eslint-disable @typescript-eslint/no-require-imports */
// natural's list of English function words ("the", "would", "about"), loaded from its own file (see ../understanding/natural).
const STOPWORDS = new Set((require('natural/lib/natural/util/stopwords') as { words: string[] }).words);

/** The stems of the words the bot knows its topic by, and of the words only its out-of-scope phrasings use. */
export interface OwnWordStems {
  own: string[];
  outOfScope: string[];
}

/**
 * The words the bot itself knows its topic by, as Porter stems: the intents' phrasings (not out_of_scope), the
 * answers and the bot's messages, and the lexicon's phrases and sets, except the concepts that take a message out of
 * domain (`leaving`: the near-miss senses, other body parts, other conditions). "my ukulele strap slides down to my
 * leg" says "ukulele" and "slides", which none of those say; a question about leg cramps seldom says two such words
 * without naming the cramp or the pain. Words that only the out_of_scope phrasings use ("weather", "joke", "table") are kept
 * apart: a short reply in a conversation is read as carrying it on only without them.
 */
export class OwnWords {
  private readonly own: Set<string>;
  private readonly outOfScope: Set<string>;

  constructor(stems: OwnWordStems) {
    this.own = new Set(stems.own);
    this.outOfScope = new Set(stems.outOfScope);
  }

  /** The distinct words of the message (three letters or more, not a function word) whose stems the bot never uses. */
  foreign(text: string): string[] {
    return [...new Set(contentWords(text).filter((word) => !this.own.has(stem(word))))];
  }

  /**
   * Whether the message is a bare reply: at most `maxWords` words, none that the bot never uses and none that only the
   * out-of-scope phrasings of corpus/nlu.yml use ("none of those really", not "what's the weather like"), except
   * `replies`, the words replies are made of ("hmm", "yes").
   */
  isBareReply(text: string, maxWords: number, replies: ReadonlySet<string> = new Set()): boolean {
    const all = words(normaliseText(text));
    const known = (word: string) => replies.has(word) || (this.own.has(stem(word)) && !this.outOfScope.has(stem(word)));
    return all.length <= maxWords && all.filter(isContent).every(known);
  }
}

/** The stems, built by `npm run build` from the corpus files named here; `leaving` names the concepts left out. */
export function ownWordsArtefact(corpusDir: string, leaving: readonly string[]): CorpusArtefact<OwnWordStems> {
  const knowledge = join(corpusDir, 'knowledge');
  const answers = readdirSync(knowledge).filter((file) => file.endsWith('.md') && file !== 'README.md').sort();
  const understanding = join(corpusDir, 'understanding');
  return {
    name: 'own-words',
    corpusFiles: [
      join(corpusDir, 'nlu.yml'),
      join(corpusDir, 'messages.yml'),
      join(corpusDir, 'domain.yml'),
      join(understanding, 'lexicon.yml'),
      join(understanding, 'modifiers.yml'),
      ...answers.map((file) => join(knowledge, file)),
    ],
    codeFiles: [__filename, require.resolve('../understanding/lexicon'), require.resolve('../understanding/normalise')],
    build: () => {
      const examples = loadNluCorpus(corpusDir).examples;
      const phrasings = (outOfScope: boolean) =>
        examples.flatMap((example) => ((example.intent === 'out_of_scope') === outOfScope ? [example.text] : [])).join('\n');
      const inScope = new Set(stems([phrasings(false)]));
      const own = stems([
        phrasings(false),
        readFileSync(join(corpusDir, 'messages.yml'), 'utf8'),
        ...answers.map((file) => readFileSync(join(knowledge, file), 'utf8')),
        [...lexiconWords(corpusDir, new Set(leaving))].join(' '),
      ]);
      return { own, outOfScope: stems([phrasings(true)]).filter((stemmed) => !inScope.has(stemmed)) };
    },
  };
}

/** The words of the lexicon's concepts (with the sets their phrases and `needs` name) and of its modifiers. */
function lexiconWords(corpusDir: string, leaving: ReadonlySet<string>): Set<string> {
  const lexicon = readLexicon(corpusDir);
  const out = new Set<string>();
  const add = (words: readonly unknown[]) => words.forEach((word) => out.add(String(word)));
  for (const [name, concept] of Object.entries(lexicon.concepts)) {
    if (leaving.has(name)) continue;
    const sets = [concept.needs ?? []].flat();
    for (const word of (concept.phrases ?? []).flatMap((phrase) => lexicon.phraseWords[String(phrase)] ?? [])) {
      if (word.startsWith('{')) sets.push(word.slice(1, -1));
      else out.add(word.replace(/^=/, ''));
    }
    for (const set of sets) add(lexicon.sets[set] ?? []);
  }
  // The places and things a relation owns ("my grandad's shed") are read to tell whose a symptom is, not talked about.
  const { spelling, otherPerson, ...lists } = lexicon.modifiers;
  add(Object.values(spelling));
  add([...Object.values(lists), { ...otherPerson, belongings: [] }].flatMap((list) => (Array.isArray(list) ? list : Object.values(list).flat())));
  return out;
}

function words(normalised: string): string[] {
  return wordPunctTokens(normalised).filter((word) => /^[a-z]+$/.test(word));
}

/** Words of three letters or more that are not function words. */
function contentWords(text: string): string[] {
  return words(normaliseText(text)).filter(isContent);
}

function isContent(word: string): boolean {
  return word.length >= 3 && !STOPWORDS.has(word);
}

/** The distinct Porter stems of the texts' words, sorted. */
function stems(texts: string[]): string[] {
  const distinct = new Set(texts.flatMap((text) => words(normaliseText(text))));
  return [...new Set([...distinct].map(stem))].sort();
}
