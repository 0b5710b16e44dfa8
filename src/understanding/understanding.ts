import { normaliseText } from './normalise';
import { deletions, editDistance, stem, wordPunctTokens } from './natural';
import type { Experiencer, Finding, MessageUnderstanding } from './findings';
import { NAME_SET, phraseWords, readLexicon, type ConceptSpec, type Lexicon } from './lexicon';

/** One word or punctuation mark of a normalised message. */
interface Token {
  word: string;
  stem: string;
  /** "=word": how a phrase's `=word` (this word as written) is stored, made once here rather than at every comparison. */
  asWritten: string;
  start: number;
  end: number;
  sentence: number;
  clause: number;
  isWord: boolean;
  /** The punctuation right after a word ("swelling?"), if any. */
  punctuationAfter?: string;
  /** A name ("our Kai", "Osian's 9"): someone else, like a relation word, and what a lexicon's `{name}` takes. */
  isName?: boolean;
}

/**
 * A phrase as the stems each of its words may take (a `{set}` slot takes any word of the set). A phrase written in
 * double quotes ('"our calf"') is `adjacent`: its words side by side, whatever the concept's gap.
 */
type CompiledPhrase = Array<Set<string>> & { adjacent?: boolean; key?: string };

interface CompiledConcept {
  name: string;
  spec: ConceptSpec;
  phrases: CompiledPhrase[];
  gap: number;
  needs: Set<string> | undefined;
  /** Compiled when the concept first matches: most concepts never match in a conversation, and start-up waits for none. */
  unless?: CompiledPhrase[];
  patterns: RegExp[];
}

const DEFAULT_GAP = 2;
const MIN_FUZZY_LENGTH = 5;
const HISTORY_WINDOW = 5;
/** A sentence this short that ends ", no" answers every finding in it ("red or hot, no."). */
const SHORT_ANSWERED = 6;
/** How many words after a finding a list answered "no" may go on ("numbness or cold foot - no"). */
const LIST_ANSWERED = 4;

/** Words that join two statements: a negation before one does not reach into the other. */
const JOINING = new Set(['and', 'but', 'or']);
const CACHED_MESSAGES = 512;
const CACHED_CHARS = 2_000;

/**
 * The understanding layer (UNDERSTANDING.md): a message becomes findings once, and triage, the guide and the
 * router all read them.
 *
 * @remarks normalise (src/understanding/normalise.ts) → words with `natural`'s tokenizer and Porter stems, one
 * typing slip forgiven in words of five letters or more (Damerau–Levenshtein, same first letter) → concepts of
 * corpus/understanding/lexicon.yml, each phrase matched on stems within one clause, in order with a few words
 * between, and a concept that `needs` a set matched only with a word of that set in the same sentence, in any
 * order → ConText modifiers from corpus/understanding/modifiers.yml: negated (a trigger a few words before it in
 * its clause, or "swelling? no" after), whose it is (the last person named before it: "my dad", "she", "I"),
 * hypothetical ("what if …" to the end of the sentence or a "but"), historical ("… years ago" in its clause) → attributes
 * from the same sentence (site, one leg or both, sudden, getting worse) and the numbers (duration, weeks of
 * pregnancy, age).
 */
export class UnderstandingLayer {
  private readonly concepts: CompiledConcept[];
  private readonly byFirstStem = new Map<string, Array<{ concept: CompiledConcept; phrase: CompiledPhrase }>>();
  private readonly patternConcepts: CompiledConcept[];
  private readonly longDuration: CompiledConcept | undefined;
  private readonly worsening: CompiledConcept | undefined;
  private readonly spelling: Map<string, string>;
  private readonly vocabulary: Set<string>;
  /** Lexicon words that a typing slip may be corrected to, by first letter (a correction keeps the first letter). */
  private readonly byInitial = new Map<string, string[]>();
  /** For each first letter, once a word starting with it needs correcting, a symmetric-delete index of those words. */
  private readonly deletionIndexes = new Map<string, Map<string, string[]>>();
  private readonly keepAsTyped: Set<string>;
  private readonly familyMembers = new Map<string, string[]>();
  private readonly corrections = new Map<string, string>();
  private readonly stems: Map<string, string>;
  private readonly slots = new Map<string, Set<string>>();
  private readonly cache = new Map<string, MessageUnderstanding>();
  private readonly mod: {
    negation: Set<string>;
    pseudo: Set<string>;
    cancelWithout: Set<string>;
    exceptions: Set<string>;
    after: Set<string>;
    retractions: Set<string>;
    window: number;
    relations: Set<string>;
    afterPossessive: Set<string>;
    personalPossessives: Set<string>;
    pronouns: Set<string>;
    reporting: Set<string>;
    addressed: Set<string>;
    beside: Set<string>;
    namedLater: Set<string>;
    caring: string[][];
    giving: Set<string>;
    belongings: Set<string>;
    visiting: Set<string>;
    onTheirBody: Set<string>;
    legWords: Set<string>;
    advising: Set<string>;
    possessives: Set<string>;
    self: Set<string>;
    hypothetical: CompiledPhrase[];
    owned: CompiledPhrase[];
    historical: CompiledPhrase[];
    ended: CompiledPhrase[];
    clauseBreaks: Set<string>;
    subjects: Set<string>;
    deadMeansVery: Set<string>;
  };

  constructor(private readonly lexicon: Lexicon) {
    const m = lexicon.modifiers;
    this.stems = new Map([...Object.entries(lexicon.stems), ...m.ownStem.map((word): [string, string] => [word, word])]);
    this.spelling = new Map(Object.entries(m.spelling).map(([from, to]) => [from.toLowerCase(), String(to).toLowerCase()]));
    this.vocabulary = new Set(lexicon.vocabulary);
    for (const word of lexicon.vocabulary) {
      if (word.length < MIN_FUZZY_LENGTH - 1) continue;
      const list = this.byInitial.get(word[0]!) ?? [];
      list.push(word);
      this.byInitial.set(word[0]!, list);
    }
    // The people the writer may name ("granda", "meemaw") are words as typed, not slips for a lexicon word ("grand").
    this.keepAsTyped = new Set([...m.notTypos, ...m.otherPerson.relations, ...lexicon.realWords, ...this.spelling.keys()].map((word) => word.toLowerCase()));
    this.mod = {
      negation: new Set(m.negation.before),
      pseudo: new Set(m.negation.pseudo),
      cancelWithout: new Set(m.negation.cancelWithout ?? []),
      exceptions: new Set(m.negation.exceptions ?? []),
      after: new Set(m.negation.after),
      retractions: new Set(m.negation.retractions ?? []),
      window: m.negation.window,
      relations: new Set([...m.otherPerson.relations, ...(m.otherPerson.afterPossessive ?? [])].flatMap((word) => [word, stem(word)])),
      afterPossessive: new Set(m.otherPerson.afterPossessive ?? []),
      personalPossessives: new Set(m.otherPerson.personalPossessives ?? []),
      pronouns: new Set(m.otherPerson.pronouns),
      reporting: new Set(m.otherPerson.reporting ?? []),
      addressed: new Set(m.otherPerson.addressed ?? []),
      beside: new Set(m.otherPerson.beside ?? []),
      namedLater: new Set(m.otherPerson.namedLater ?? []),
      caring: (m.otherPerson.caring ?? []).map((phrase) => phrase.split(' ')),
      giving: new Set(m.otherPerson.giving ?? []),
      belongings: new Set(m.otherPerson.belongings ?? []),
      visiting: new Set(m.otherPerson.visiting ?? []),
      onTheirBody: new Set(m.otherPerson.onTheirBody ?? []),
      legWords: new Set(lexicon.sets.leg ?? []),
      advising: new Set(m.otherPerson.advising ?? []),
      possessives: new Set(m.otherPerson.possessives),
      self: new Set(m.self),
      hypothetical: m.hypothetical.map((phrase) => this.compilePhrase(phrase)),
      owned: m.owned.map((phrase) => this.compilePhrase(phrase)),
      historical: m.historical.map((phrase) => this.compilePhrase(phrase)),
      ended: m.ended.map((phrase) => this.compilePhrase(phrase)),
      clauseBreaks: new Set(m.clauseBreaks),
      subjects: new Set(m.subjects),
      deadMeansVery: new Set(m.deadMeansVery),
    };
    this.concepts = Object.entries(lexicon.concepts).map(([name, spec]) => ({
      name,
      spec,
      phrases: uniquePhrases((spec.phrases ?? []).map((phrase) => this.compilePhrase(String(phrase)))),
      gap: spec.gap ?? DEFAULT_GAP,
      needs: spec.needs ? new Set([spec.needs].flat().flatMap((set) => lexicon.sets[set]!.map((word) => this.stemOf(String(word).toLowerCase())))) : undefined,
      patterns: (spec.patterns ?? []).map((pattern) => new RegExp(pattern, 'g')),
    }));
    for (const concept of this.concepts) {
      for (const phrase of concept.phrases) {
        for (const entry of phrase[0] ?? []) {
          const first = entry.startsWith('=') ? this.stemOf(entry.slice(1)) : entry;
          const list = this.byFirstStem.get(first) ?? [];
          list.push({ concept, phrase });
          this.byFirstStem.set(first, list);
        }
      }
    }
    this.patternConcepts = this.concepts.filter((concept) => concept.patterns.length > 0);
    this.longDuration = this.concepts.find((concept) => concept.name === 'long_duration');
    this.worsening = this.concepts.find((concept) => concept.name === 'worsening');
    for (const [name, spec] of Object.entries(lexicon.concepts)) {
      if (spec.family) this.familyMembers.set(spec.family, [...(this.familyMembers.get(spec.family) ?? []), spec.as ?? name]);
    }
  }

  /** The concepts of the same family as these ("swelling_any" → also "leg_swelling_near"), these included. */
  withFamilies(concepts: Iterable<string>): Set<string> {
    const out = new Set<string>();
    for (const name of concepts) {
      out.add(name);
      const family = this.lexicon.concepts[name]?.family;
      for (const member of (family && this.familyMembers.get(family)) || []) out.add(member);
    }
    return out;
  }

  /** What saying a concept takes back (its `denies`), for triage across messages. */
  deniesOf(concept: string): readonly string[] {
    return this.lexicon.concepts[concept]?.denies ?? [];
  }

  /** The concept names of the lexicon, for checks that rules name only concepts that exist. */
  conceptNames(): string[] {
    return Object.entries(this.lexicon.concepts).map(([name, spec]) => spec.as ?? name);
  }

  /** What one message says (cached: the recent messages come back every turn). */
  understand(text: string): MessageUnderstanding {
    const cached = this.cache.get(text);
    if (cached) return cached;
    const result = this.read(text);
    if (text.length <= CACHED_CHARS) {
      if (this.cache.size >= CACHED_MESSAGES) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(text, result);
    }
    return result;
  }

  /**
   * English words one slip away from a lexicon word ("wanted" / "wasted"): these are never corrected. Slow (the
   * whole dictionary); its result is kept in corpus/understanding/real-words.txt and a test checks it is current.
   */
  realWordNeighbours(dictionary: Iterable<string>): string[] {
    const found = new Set<string>();
    for (const word of dictionary) {
      if (word.length < MIN_FUZZY_LENGTH || this.vocabulary.has(word) || !/^[a-z]+$/.test(word)) continue;
      if (this.slipNeighbours(word).length > 0) found.add(word);
    }
    return [...found].sort();
  }

  /**
   * The words of a message that a negation covers ("not pregnant, but I run a lot" → "pregnant"), by the same
   * scope as findings: for readers of raw answers such as the guide's multiple-choice prompts.
   */
  negatedWords(text: string): Set<string> {
    const words = this.tokenize(text).tokens.filter((token) => token.isWord);
    const out = new Set<string>();
    words.forEach((word, index) => {
      if (this.negated(words, index, index, new Set([index]))) out.add(word.word);
    });
    return out;
  }

  /** The message as the layer reads it: normalised, slang and typos fixed ("cant breath" → "cannot breath"). */
  normalise(text: string): string {
    return this.tokenize(text).text;
  }

  private read(raw: string): MessageUnderstanding {
    const { text, tokens } = this.tokenize(raw);
    const findings: Finding[] = [];
    const words = tokens.filter((token) => token.isWord);
    const experiencers = this.experiencers(words);
    const found = occurrencesIn(words);
    const seen = new Set<string>();
    const add = (concept: CompiledConcept, matched: Set<number>) => {
      const first = Math.min(...matched);
      const last = Math.max(...matched);
      const key = `${concept.name}:${first}:${last}`;
      if (seen.has(key) || !this.holds(concept, words, first, last, found)) return;
      seen.add(key);
      findings.push(this.finding(concept, text, words, matched, experiencers, found));
    };
    const named = this.byFirstStem.get(NAME_SLOT) ?? [];
    for (let i = 0; i < words.length; i++) {
      // A name starts only the phrases about a name: "our Rosie" is no rosy skin.
      for (const { concept, phrase } of words[i]!.isName ? named : (this.byFirstStem.get(words[i]!.stem) ?? [])) {
        const matched = matchFrom(words, i, phrase, concept.gap);
        if (matched) add(concept, matched);
      }
    }
    for (const concept of this.patternConcepts) {
      for (const pattern of concept.patterns) {
        pattern.lastIndex = 0;
        for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
          if (match[0].length === 0) {
            pattern.lastIndex++;
            continue;
          }
          const covered = wordsCovering(words, match.index, match[0].length);
          if (covered) add(concept, covered);
        }
      }
    }
    const saidWith = (concept: string) => (offset: number) => {
      const sentence = sentenceOf(words, offset);
      return findings.some((finding) => finding.concept === concept && finding.sentence === sentence);
    };
    const span = clockSpan(text, saidWith('cramp_word'), saidWith('not_easing'));
    const covered = span && wordsCovering(words, span.index, span.length);
    if (covered && this.longDuration) add(this.longDuration, covered);
    const rising = risingTemperature(text);
    const risingWords = rising && wordsCovering(words, rising.index, rising.length);
    if (risingWords && this.worsening) add(this.worsening, risingWords);
    addAttributes(findings);
    const questions = [...new Set(tokens.filter((token) => !token.isWord && token.word.includes('?')).map((token) => token.sentence - 1))];
    // In a message with no word about the writer, a question that starts like one is general ("hey, do bananas help?").
    const { questionWords, greetings } = this.lexicon.modifiers;
    const aboutWriter = words.some((word) => this.mod.self.has(word.word));
    const startsAsQuestion = (sentence: number) =>
      questionWords.includes(words.find((word) => word.sentence === sentence && !greetings.includes(word.word))?.word ?? '');
    const asked = aboutWriter ? [] : questions.filter(startsAsQuestion);
    // "Is ringing in the ears normal? It started this week": a symptom stated outside the question is the writer's.
    const statesFinding = () => findings.some((finding) => finding.category === 'finding' && !questions.includes(sentenceOf(words, finding.start)));
    const generalQuestions = asked.length > 0 && statesFinding() ? [] : asked;
    return { text, findings, questions, generalQuestions, ...numbers(text) };
  }

  private finding(
    concept: CompiledConcept,
    text: string,
    words: Token[],
    matched: ReadonlySet<number>,
    experiencers: Experiencer[],
    found: Occurrences,
  ): Finding {
    const first = Math.min(...matched);
    const last = Math.max(...matched);
    // "we're on quinine for his cramps": a medicine taken for someone else's complaint is theirs; so is "a sore on her
    // heel" that the writer noticed.
    const after = (ahead: number) => words[last + ahead]?.word ?? '';
    const forTheOther =
      (concept.spec.category === 'medicine' && after(1) === 'for' && this.mod.pronouns.has(after(2))) ||
      (this.mod.onTheirBody.has(after(1)) && ['his', 'her', 'their'].includes(after(2)) && this.mod.legWords.has(after(3)));
    return {
      concept: concept.spec.as ?? concept.name,
      category: concept.spec.category,
      ...(concept.spec.class ? { class: concept.spec.class } : {}),
      ...(concept.spec.trigger ? { trigger: concept.spec.trigger } : {}),
      text: text.slice(words[first]!.start, words[last]!.end),
      start: words[first]!.start,
      end: words[last]!.end,
      sentence: words[first]!.sentence,
      negated: this.negated(words, first, last, matched),
      // Whose: as of the match's last word ("my wife's calf" is the wife's).
      experiencer: forTheOther ? 'other' : experiencers[last]!,
      ...(concept.spec.shared ? { shared: true } : {}),
      hypothetical: this.hypothetical(words, first, found),
      historical: this.historical(words, first, last, found),
      ...(concept.spec.category === 'medicine' && this.endedMedicine(words, first, found) ? { ended: true } : {}),
    };
  }

  /** `needs` and `unless` of a concept around a match. */
  private holds(concept: CompiledConcept, words: Token[], first: number, last: number, found: Occurrences): boolean {
    const clause = words[first]!.clause;
    const sentence = words[first]!.sentence;
    if (concept.needs) {
      const scope = concept.spec.needsScope === 'clause' ? (word: Token) => word.clause === clause : (word: Token) => word.sentence === sentence || word.sentence === sentence - 1;
      // A word denied at once is not there: "hurts to walk on, breathing is fine, no chest pain" names no chest for "hurts".
      if (!words.some((word, i) => scope(word) && concept.needs!.has(word.stem) && words[i - 1]?.word !== 'no')) return false;
    }
    const scope = concept.spec.unlessScope;
    // A match can run over a clause break ("shaking and not responding"): an unless in any clause it spans reaches it.
    const inMatchClauses = (i: number) => words[i]!.clause >= clause && words[i]!.clause <= words[last]!.clause;
    const reaches = (start: number, end: number) =>
      scope === 'sentence' ? words[start]!.sentence === sentence : inMatchClauses(start) && (scope === 'clause' || (end >= first - 1 && start <= last + 1));
    concept.unless ??= (concept.spec.unless ?? []).map((phrase) => this.compilePhrase(String(phrase)));
    for (const phrase of concept.unless) {
      if (found(phrase, 1).some(([start, end]) => reaches(start, end))) return false;
    }
    return true;
  }

  /**
   * "can't get through a shift without my calves cramping": a negation before "without" in its clause cancels it,
   * unless "and", "but" or "or" comes between ("not swollen and I can walk without pain").
   */
  private cancelsWithout(words: Token[], at: number): boolean {
    const clause = words[at]!.clause;
    for (let i = at - 1; i >= 0 && words[i]!.clause === clause && !JOINING.has(words[i]!.word); i--) {
      if (this.mod.cancelWithout.has(words[i]!.word)) return true;
    }
    return false;
  }

  /**
   * A negation trigger a few words before the match in its clause or inside it, or "? no" after it. A phrase that says
   * no itself ("no better", "will not go away") is not undone by another negation: "it ain't getting no better" is a
   * double negative that means not getting better, and only an answer after it can deny it.
   */
  private negated(words: Token[], first: number, last: number, matched: ReadonlySet<number>): boolean {
    const { negation, pseudo, after } = this.mod;
    const saysNo = [...matched].some((i) => negation.has(words[i]!.word));
    if (!saysNo && this.negationReaches(words, first, last, matched)) return true;
    // "swelling? no", "chest pain: none", and a list said "swell no, pain no" (the "no" ends its clause).
    const next = words[last + 1];
    if (next !== undefined && after.has(next.word)) {
      // "my leg is swollen, no?" asks for a yes, and "swollen? no idea" does not know: neither answers.
      if (asks(next) || (!next.punctuationAfter && pseudo.has(words[last + 2]?.word ?? ''))) return false;
      return /^[?:-]/.test(words[last]!.punctuationAfter ?? '') || next === words[words.length - 1] || /[,.;!]/.test(next.punctuationAfter ?? '');
    }
    return this.answeredNo(words, last) || this.listAnsweredNo(words, last) || this.retracted(words, last);
  }

  /** "re: any numbness or cold foot - no, it's warm": a short list of findings answered "no" after a "?", ":" or dash. */
  private listAnsweredNo(words: Token[], last: number): boolean {
    for (let end = last + 1; end <= last + LIST_ANSWERED && end + 1 < words.length; end++) {
      const word = words[end]!;
      const answer = words[end + 1]!;
      if (words[end - 1]!.punctuationAfter || word.sentence !== words[last]!.sentence) return false;
      if (!/^[?:-]/.test(word.punctuationAfter ?? '')) continue;
      return this.mod.after.has(answer.word) && (answer === words[words.length - 1] || /[,.;!]/.test(answer.punctuationAfter ?? ''));
    }
    return false;
  }

  /**
   * Taken back by the next part of its sentence, when that part says only so: "my leg's proper swollen ha, not really,
   * …", "felt like I'd pass out, didn't though, …" (corpus/understanding/modifiers.yml `retractions`).
   */
  private retracted(words: Token[], last: number): boolean {
    const { sentence } = words[last]!;
    let end = last;
    while (!words[end]!.punctuationAfter?.includes(',') && words[end + 1]?.sentence === sentence) end++;
    if (!words[end]!.punctuationAfter?.includes(',')) return false;
    const part: string[] = [];
    for (let k = end + 1; words[k]?.sentence === sentence; k++) {
      part.push(words[k]!.word);
      if (words[k]!.punctuationAfter) break;
    }
    return this.mod.retractions.has(part.join(' '));
  }

  /** A negation trigger a few words before the match in its clause (not one that starts a pseudo-trigger), or inside it. */
  private negationReaches(words: Token[], first: number, last: number, matched: ReadonlySet<number>): boolean {
    const { negation, pseudo, window } = this.mod;
    const clause = words[first]!.clause;
    let crossedComma = false;
    for (let i = first - 1, seen = 0; i >= 0 && seen < window; i--, seen++) {
      const word = words[i]!;
      // "no medicines other than lipitor": what is excepted from a negation is stated.
      if (word.clause !== clause || this.mod.exceptions.has(word.word)) break;
      if (word.punctuationAfter?.includes(',')) crossedComma = true;
      // "not going away": a pseudo-trigger stops a "not" reaching past it, not the match it starts ("without stopping
      // to get my breath" is still breathless).
      if (negation.has(word.word) && (!pseudo.has(words[i + 1]?.word ?? '') || (i + 1 === first && word.word === 'not'))) {
        if (word.word === 'without' && this.cancelsWithout(words, i)) break;
        // Across a comma only in a list that a negation covers: "no swelling, redness or warmth".
        if (!crossedComma || this.listGoesOn(words, i, last, clause)) return true;
        // "no redness, calf is not swollen": the "no" is another item's; a "not" inside the match still counts.
        break;
      }
    }
    // "my leg is not swollen": a negation between the words of a phrase that allows gaps, also when the word after it is
    // one that starts a pseudo-trigger but belongs to the phrase ("stretch walk no help" is not "walking helped").
    for (let i = first + 1; i < last; i++) {
      if (negation.has(words[i]!.word) && (!pseudo.has(words[i + 1]?.word ?? '') || matched.has(i + 1)) && !matched.has(i)) return true;
    }
    return false;
  }

  /**
   * Questions someone was asked, answered "no" at the end of their sentence: "red or hot, no." (a short sentence,
   * every finding in it), "was it swollen, I said no" and "asked was I breathless and I said no"; or by the next
   * sentence, when it is only "no": "red or hot? no.".
   */
  private answeredNo(words: Token[], last: number): boolean {
    const { sentence } = words[last]!;
    let start = last;
    while (words[start - 1]?.sentence === sentence) start--;
    let end = last;
    while (words[end + 1]?.sentence === sentence) end++;
    const answer = words[end]!;
    const reply = words[end + 1];
    if (asks(answer) && reply !== undefined && this.mod.after.has(reply.word)) {
      // "no." alone, or "no, none of that, just a cramp": the "no" is a clause of its own ("no idea" is not).
      const replyAlone = (words[end + 2]?.sentence !== reply.sentence || /[,;:-]/.test(reply.punctuationAfter ?? '')) && !asks(reply);
      return replyAlone && end - start + 1 <= SHORT_ANSWERED;
    }
    if (end === last || !this.mod.after.has(answer.word) || asks(answer)) return false;
    if (end - start + 1 <= SHORT_ANSWERED && /[?:,-]/.test(words[end - 1]!.punctuationAfter ?? '')) return true;
    // "was it swollen, I said no" after a comma or a question mark; "asked was I breathless and I said no" after "and".
    const told = /^(and )?(?:i )?(?:said|told (?:him|her|them))$/.exec(words.slice(last + 1, end).map((word) => word.word).join(' '));
    return told !== null && (told[1] !== undefined || /[?,]/.test(words[last]!.punctuationAfter ?? ''));
  }

  /**
   * "no swelling, redness or warmth": the negation at `from` covers a list, which an "or" later in the clause shows,
   * unless another negation after the match starts a list of its own ("hardly get up, legs weak, had no fall or …").
   */
  private listGoesOn(words: Token[], from: number, last: number, clause: number): boolean {
    for (let k = from + 1; k < words.length && words[k]!.clause === clause; k++) {
      if (words[k]!.word === 'or' || words[k]!.word === 'nor') return true;
      if (k > last && this.mod.negation.has(words[k]!.word)) return false;
    }
    return false;
  }

  private hypothetical(words: Token[], first: number, found: Occurrences): boolean {
    const sentence = words[first]!.sentence;
    // "What does it mean if your calf … ? That's me right now": a question put as if about anyone, then said to be the writer's.
    if (this.mod.owned.some((phrase) => found(phrase, 0).length > 0)) return false;
    // "Suppose I'm just after advice … but since yesterday my saddle area feels numb": "but" ends the supposing.
    const supposes = (start: number) => start < first && words[start]!.sentence === sentence && !words.slice(start, first).some((word) => word.word === 'but');
    return this.mod.hypothetical.some((phrase) => found(phrase, 0).some(([start]) => supposes(start)));
  }

  /** "I was on simvastatin": a medicine after an ended-trigger in its clause. */
  private endedMedicine(words: Token[], first: number, found: Occurrences): boolean {
    const clause = words[first]!.clause;
    return this.mod.ended.some((phrase) => found(phrase, 0).some(([start]) => start < first && words[start]!.clause === clause));
  }

  /** A past-time trigger ("years ago", "used to") within a few words of the match, in its clause. */
  private historical(words: Token[], first: number, last: number, found: Occurrences): boolean {
    const clause = words[first]!.clause;
    // "smaller than a few months ago", "hollowed out compared to last year" compare now with then, and "since last
    // year" and "over the last year" run up to now: none is in the past.
    const comparing = (start: number) =>
      [1, 2, 3].some((back) => words[start - back]?.word === 'than') ||
      words[start - 2]?.word === 'compared' ||
      words[start - 1]?.word === 'since' ||
      (words[start - 1]?.word === 'the' && words[start]!.word === 'last');
    const near = (start: number) =>
      words[start]!.clause === clause && (start < first || start > last) && start >= first - HISTORY_WINDOW && start <= last + HISTORY_WINDOW;
    // "a heart attack in 2021": a past year named in the clause.
    const pastYear = (index: number) =>
      /^(?:19|20)\d\d$/.test(words[index]!.word) && parseInt(words[index]!.word, 10) < new Date().getFullYear() && ['in', 'during'].includes(words[index - 1]?.word ?? '');
    for (let index = Math.max(0, first - HISTORY_WINDOW); index <= Math.min(words.length - 1, last + HISTORY_WINDOW); index++) {
      if (pastYear(index) && near(index)) return true;
    }
    // "used to" says what comes after it ("my circulation's bad, used to manage the shop, now I can barely …").
    const reachesBack = (start: number) => start < first || words[start]!.word !== 'used';
    // "had a DVT 2 year ago, right calf aching, swollen and hot again", "clot last year, now …": back again now.
    const again = (start: number) =>
      start < first &&
      words.some((word, index) => word.clause === clause && ((index > start && index < first && word.word === 'now') || (index > last && word.word === 'again')));
    // "he stopped years ago, losing weight": a trigger before a comma does not reach past it.
    const pastComma = (start: number) => start < first && words.slice(start, first).some((word) => word.punctuationAfter?.includes(','));
    return this.mod.historical.some((phrase) => found(phrase, 0).some(([start]) => near(start) && reachesBack(start) && !comparing(start) && !again(start) && !pastComma(start)));
  }

  /** Whose each word is: the writer's until someone else is named ("my dad", "she"), then theirs until "I" or "my" again. */
  private experiencers(words: Token[]): Experiencer[] {
    const { relations, afterPossessive, personalPossessives, pronouns, possessives, self, reporting, addressed, beside, caring, giving, belongings, visiting, advising } = this.mod;
    // "my partner's" is typed "my partners": relations are compared on stems.
    const isRelation = (token: Token) => token.isName === true || relations.has(token.word) || relations.has(token.stem);
    // "my ex", "his twin"; not "the twin" (a calf muscle, said as in French) or "a twin".
    const namedWith = (i: number, before: string) => (afterPossessive.has(words[i]!.word) ? personalPossessives.has(before) : possessives.has(before));
    const namedFirst = (i: number) =>
      (i === 0 || words[i - 1]!.sentence !== words[i]!.sentence) && !addressed.has(words[i]!.word) && !afterPossessive.has(words[i]!.word);
    // "toe is killing me man, gout again": a word of address after "me", last in its clause, is the person spoken to
    // ("me lad", "me mate" were read as "my lad", "my mate" before this: someone spoken about).
    const spokenTo = (i: number) => {
      const endsClause = Boolean(words[i]!.punctuationAfter) || words[i + 1]?.sentence !== words[i]!.sentence;
      return addressed.has(words[i]!.word) && words[i - 1]?.word === 'me' && words[i - 2]?.sentence === words[i]!.sentence && endsClause;
    };
    // "woken up next to me": "me" says where the other person is. "my dad": "my" is about to name someone else.
    const placesTheOther = (i: number, current: Experiencer) => words[i]!.word === 'me' && current === 'other' && beside.has(words[i - 1]?.word ?? '');
    // "the lady I care for": "I" in a clause that says who the other person is to the writer.
    const saysWhoTheyAre = (i: number, current: Experiencer) =>
      words[i]!.word === 'i' && current === 'other' && caring.some((phrase) => phrase.every((word, k) => words[i + 1 + k]?.word === word));
    const namesARelation = (i: number) => words[i]!.word === 'my' && [1, 2, 3].some((ahead) => words[i + ahead] !== undefined && isRelation(words[i + ahead]!));
    // "bitten on the calf by the neighbour's dog": someone named after "by" did it; what follows is still the writer's.
    const namedAsAgent = (i: number) => [1, 2, 3].some((back) => words[i - back]?.word === 'by' && words[i - back]!.clause === words[i]!.clause);
    // "clearing out my late grandad's shed": the relation owns the place; what follows is still the writer's.
    // "back from me daughter's in Spain": a relation's home (`visiting`).
    const ownsAPlace = (i: number) => belongings.has(words[i + 1]?.word ?? '') || (visiting.has(words[i - 2]?.word ?? '') && /'?s$/.test(words[i]!.word));
    // "the doctor gave quinine tablets for leg cramps to my mother": what is given to someone named after it is theirs,
    // from the giving word on, when the writer is not in the clause. Returns where the giving word is.
    const givenTo = (i: number) => {
      const to = [2, 3].map((back) => i - back).find((at) => at >= 0 && ['to', 'for'].includes(words[at]!.word));
      if (to === undefined) return undefined;
      for (let k = to - 1; k >= 0 && words[k]!.clause === words[i]!.clause; k--) {
        if (self.has(words[k]!.word)) return undefined;
        if (giving.has(words[k]!.word)) return k;
      }
      return undefined;
    };
    const advises = (at: number) => advising.has(words[at]?.word ?? '') || (words[at]?.word === 'to' && advising.has(words[at + 1]?.word ?? ''));
    const parent = (at: number) => ['my', 'our', 'his', 'her'].includes(words[at]?.word ?? '');
    // Or a child's age opening the sentence ("15 yr old did the bleep test … now both thighs are massively swollen").
    const opensWithChildAge = (at: number) =>
      /^\d+$/.test(words[at]?.word ?? '') && Number(words[at]!.word) < 18 && (at === 0 || words[at - 1]!.sentence !== words[at]!.sentence);
    const namedByAge = (i: number) =>
      (/^olds?$/.test(words[i]!.word) && /^years?$/.test(words[i - 1]?.word ?? '') && (parent(i - 3) || opensWithChildAge(i - 2))) ||
      (/^-?years?-olds?$/.test(words[i]!.word) && parent(i - 2));
    const out: Experiencer[] = [];
    let current: Experiencer = 'self';
    let named = false;
    // "stretched him out and twas gone" (West Country): "him" after a verb, with no one else named yet, is the muscle.
    const isTheMuscle = (i: number) => !named && ['him', 'her'].includes(words[i]!.word) && /ed$/.test(words[i - 1]?.word ?? '');
    // "my daughter asked where all the bruises up my arms came from": what someone reports is about whoever the next
    // pronoun names ("my arms": the writer's), so the words after the reporting verb wait for it.
    let reportedFrom: number | undefined;
    // "my wife (I'm a woman too) is on quinine": an aside in brackets does not change whose the words after it are.
    let beforeAside: Experiencer | undefined;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!.word;
      if (words[i - 1]?.punctuationAfter?.includes('(')) beforeAside = current;
      out.push(current);
      if (reportedFrom !== undefined && words[i]!.sentence !== words[reportedFrom]?.sentence) reportedFrom = undefined;
      // "my mum says", "my mother in Brazil says": a person named up to three words before, in the clause.
      const reports = current === 'other' && reporting.has(word) && [1, 2, 3].some((back) => words[i - back]?.clause === words[i]!.clause && isRelation(words[i - back]!));
      // "my friend say take magnesium", "my mum said to try pickle juice": the advice is to the writer.
      if (reports && advises(i + 1)) current = 'self';
      else if (reports) reportedFrom = i + 1;
      else if (reportedFrom !== undefined && self.has(word)) {
        out.fill('self', reportedFrom, i);
        reportedFrom = undefined;
      } else if (reportedFrom !== undefined && pronouns.has(word)) reportedFrom = undefined;
      if (pronouns.has(word) && !isTheMuscle(i)) current = 'other';
      // "my dad", or "dad fell" at the start of a sentence (typed in a hurry, no "my").
      else if (isRelation(words[i]!) && !spokenTo(i) && (namedFirst(i) || [1, 2, 3].some((back) => namedWith(i, words[i - back]?.word ?? ''))) && !describesWriter(words, i) && !namedAsAgent(i) && !ownsAPlace(i)) {
        current = 'other';
        const given = givenTo(i);
        if (given !== undefined) out.fill('other', given, i);
      }
      // "my 12 year old", "my 8 year old's calf", "one of my 13-year-olds": a child named by age.
      else if (namedByAge(i)) current = 'other';
      else if (self.has(word) && !placesTheOther(i, current) && !saysWhoTheyAre(i, current) && !namesARelation(i)) current = 'self';
      // "a neighbour's dog bit me": the writer's own word is theirs (a finding is whose its last word is).
      if (current === 'self' && self.has(word)) out[i] = 'self';
      if (current === 'other') named = true;
      // "My mor (mother) takes quinine": one relation word alone in brackets glosses the word before it, and names the person.
      const glosses = words[i - 1]?.punctuationAfter?.includes('(') === true && isRelation(words[i]!);
      if (beforeAside !== undefined && words[i]!.punctuationAfter?.includes(')')) [current, beforeAside] = [glosses ? current : beforeAside, undefined];
    }
    return this.namedAfterTheSymptom(words, out, isRelation);
  }

  /**
   * "Leg pain at night my son get a lot", "cramp for over quarter hour in my girl's calf", "Statins are my husband's, not
   * mine": a message that opens with a symptom or a medicine and names "my" someone later in that clause, with no word of
   * the writer's own in it, is about them from its first word. Not "cramps since my son was born" or "calf cramps, my
   * wife says I kick" (`namedLater`, another clause).
   */
  private namedAfterTheSymptom(words: Token[], out: Experiencer[], isRelation: (token: Token) => boolean): Experiencer[] {
    const { self, namedLater } = this.mod;
    const clause = words[0]?.clause;
    const switched = out.findIndex((whose) => whose === 'other');
    const relation = switched - 1;
    if (switched < 2 || words[relation]!.clause !== clause || !isRelation(words[relation]!) || words[relation - 1]!.word !== 'my') return out;
    const writerOrLink = (word: Token, i: number) => word.clause === clause && i !== relation - 1 && (self.has(word.word) || namedLater.has(word.word));
    if (words.some(writerOrLink)) return out;
    return out.map((whose, i) => (i < switched ? 'other' : whose));
  }

  /**
   * Words and punctuation of the normalised message, slang and typos fixed, with sentence and clause numbers.
   * `text` is the corrected words joined by single spaces (the offsets and the lexicon's patterns refer to it).
   */
  private tokenize(raw: string): { text: string; tokens: Token[] } {
    const normalised = normaliseText(raw);
    const names = this.namesIn(raw);
    const tokens: Token[] = [];
    let text = '';
    let at = 0;
    let sentence = 0;
    let clause = 0;
    let afterComma = false;
    const push = (word: string, isWord: boolean) => {
      if (text) text += ' ';
      const start = text.length;
      text += word;
      tokens.push({ word, stem: isWord ? this.stemOf(word) : word, asWritten: `=${word}`, start, end: text.length, sentence, clause, isWord });
    };
    for (const source of wordPunctTokens(normalised)) {
      const found = normalised.indexOf(source, at);
      if (found > at && normalised.slice(at, found).includes('\n') && tokens.length > 0) {
        sentence++;
        clause++;
      }
      if (found >= 0) at = found + source.length;
      if (!/[\p{L}\p{N}]/u.test(source)) {
        if (/[.!?;]/.test(source)) {
          sentence++;
          clause++;
        } else if (
          (/[:()]/.test(source) && !this.endsLabel(source, tokens, sentence) && !bracketsANumber(normalised, found)) ||
          // Note form, "calf / swollen / 2 days": a slash between words ends a clause ("10/10" is a score).
          (source === '/' && !/\d$/.test(tokens.at(-1)?.word ?? '')) ||
          (/^-+$/.test(source) && /\s/.test(normalised[found - 1] ?? ' '))
        )
          clause++;
        else if (source.includes(',')) afterComma = true;
        const previous = tokens.at(-1);
        if (previous?.isWord) previous.punctuationAfter = source;
        push(source, false);
        continue;
      }
      // "numb-ish", "blood-streaked": the parts of a hyphenated word are words of the same clause.
      const parts = /^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(source) ? source.split('-') : [source];
      // "me da", "my da": a relation after "my" or "me" is kept as typed ("da" alone is Shetland "the").
      const previous = tokens.at(-1);
      const relation = (part: string) => previous?.isWord === true && this.mod.personalPossessives.has(previous.word) && this.mod.relations.has(part);
      const name = names.has(source);
      const corrected = parts.map((part) => (/^[a-z]+$/.test(part) && !relation(part) && !name ? this.correct(part) : part)).join(' ');
      for (const word of corrected.split(' ')) {
        const before = tokens.at(-1);
        // "dead weak", "dead poorly": before these words "dead" means very, not a limb that feels or looks dead.
        if (before?.word === 'dead' && this.mod.deadMeansVery.has(word)) Object.assign(before, { word: 'very', stem: this.stemOf('very'), asWritten: '=very' });
        const previous = before?.word;
        // "slurred now and then": the idiom's "then" does not start a clause.
        const nowAndThen = word === 'then' && previous === 'and' && tokens.at(-2)?.word === 'now';
        if ((this.mod.clauseBreaks.has(word) && !nowAndThen) || ((afterComma || previous === 'and') && this.mod.subjects.has(word))) clause++;
        afterComma = false;
        push(word, true);
        if (name) tokens.at(-1)!.isName = true;
      }
    }
    return { text, tokens: this.closeTrailingBreaks(tokens) };
  }

  /**
   * "our Kai has had leg ache", "me Reggie", "Wee Callum's been limping", "Osian's 9", "Osian (9)", "Antek 6 says": a
   * capitalised word that no lexicon knows, after "our", "my", "me", "little" or Scots "wee" or before an age, is a name;
   * "kais" of "our Kai's 3" is one as the normaliser writes it.
   */
  private namesIn(raw: string): Set<string> {
    const names = new Set<string>();
    for (const [, name, possessive] of [NAME_AFTER_POSSESSIVE, NAME_BEFORE_AGE, NAME_OPENING_WITH_AGE].flatMap((pattern) => [...raw.matchAll(pattern)])) {
      const word = name!.toLowerCase();
      if (!this.vocabulary.has(word) && !this.keepAsTyped.has(word)) names.add(possessive ? `${word}s` : word);
    }
    return names;
  }

  /** "fine since", "not had one since then", "it hurts though": a break word that ends its clause belongs to it. */
  private closeTrailingBreaks(tokens: Token[]): Token[] {
    const ends = (at: number) => tokens[at] === undefined || !tokens[at]!.isWord || tokens[at]!.sentence !== tokens[at - 1]!.sentence;
    tokens.forEach((token, i) => {
      const before = tokens[i - 1];
      if (!token.isWord || !this.mod.clauseBreaks.has(token.word) || !before?.isWord || before.sentence !== token.sentence) return;
      const last = tokens[i + 1]?.word === 'then' && ends(i + 2) ? i + 1 : i;
      if (ends(last + 1)) for (let k = i; k <= last; k++) tokens[k]!.clause = before.clause;
    });
    return tokens;
  }

  /**
   * A colon after the first one or two words of a sentence ends a label, not a clause: the value that follows says
   * what the label is ("jaw: stiff", "swallowing: hard", as a list of answers is typed). After a negation ("no: my
   * calf is swollen") or a number ("08:00") it still ends the clause, so the "no" does not reach the calf.
   */
  private endsLabel(source: string, tokens: readonly Token[], sentence: number): boolean {
    if (source !== ':') return false;
    const label = tokens.filter((token) => token.sentence === sentence && token.isWord);
    return label.length > 0 && label.length <= 2 && label.every((token) => !/^\d+$/.test(token.word) && !this.mod.negation.has(token.word));
  }

  /** Slang and known typos from the spelling list, else one typing slip away from a lexicon word. */
  private correct(word: string): string {
    const fixed = this.spelling.get(word);
    if (fixed !== undefined) return fixed;
    if (word.length < MIN_FUZZY_LENGTH || this.vocabulary.has(word) || this.keepAsTyped.has(word)) return word;
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached;
    // A dropped g first: "growin pains" are growing pains, not groin pains.
    const neighbours = this.slipNeighbours(word);
    const best = neighbours.find((candidate) => candidate === `${word}g`) ?? neighbours[0] ?? word;
    if (this.corrections.size < 50_000) this.corrections.set(word, best);
    return best;
  }

  /** Lexicon words one typing slip from this word and with its first letter, in alphabetical order. */
  private slipNeighbours(word: string): string[] {
    const index = this.deletionIndex(word[0]!);
    const candidates = new Set([word, ...deletions(word)].flatMap((variant) => index.get(variant) ?? []));
    return [...candidates].filter((candidate) => editDistance(word, candidate) === 1).sort();
  }

  /**
   * The symmetric-delete index of the lexicon words with this first letter, built the first time a word needs it:
   * the whole index cost about 17 ms of a cold start (issue 14); one letter takes about 0.3 ms, the first a few.
   */
  private deletionIndex(initial: string): Map<string, string[]> {
    let index = this.deletionIndexes.get(initial);
    if (!index) {
      index = new Map();
      for (const word of this.byInitial.get(initial) ?? []) {
        for (const variant of [word, ...deletions(word)]) {
          const list = index.get(variant) ?? [];
          list.push(word);
          index.set(variant, list);
        }
      }
      this.deletionIndexes.set(initial, index);
    }
    return index;
  }

  private compilePhrase(phrase: string): CompiledPhrase {
    const keys: string[] = [];
    const compiled: CompiledPhrase = (this.lexicon.phraseWords[phrase] ?? phraseWords(phrase)).map((word) => {
      // "{leg}" a set, "=legs" this word as written, not its stem ("my legs" is both legs, "my leg" one), else the stem.
      const key = word.startsWith('{') || word.startsWith('=') ? word : this.stemOf(word);
      keys.push(key);
      return this.slot(key);
    });
    if (/^".+"$/.test(phrase.trim())) compiled.adjacent = true;
    compiled.key = `${compiled.adjacent ? '"' : ''}${keys.join(' ')}`;
    return compiled;
  }

  /** What one word of a phrase takes, built once and shared: "{leg}" is in hundreds of phrases, "cramp" in thousands. */
  private slot(key: string): Set<string> {
    let slot = this.slots.get(key);
    if (!slot) {
      const set = /^\{(\w+)\}$/.exec(key)?.[1];
      slot = set && set !== NAME_SET ? new Set(this.lexicon.sets[set]!.map((member) => this.stemOf(String(member).toLowerCase()))) : new Set([key]);
      this.slots.set(key, slot);
    }
    return slot;
  }

  private stemOf(word: string): string {
    let stemmed = this.stems.get(word);
    if (stemmed === undefined) {
      stemmed = /^[a-z]+$/.test(word) ? stem(word) : word;
      if (this.stems.size < 100_000) this.stems.set(word, stemmed);
    }
    return stemmed;
  }
}

/** Loads corpus/understanding/ into a layer. */
export function loadUnderstanding(corpusDir: string): UnderstandingLayer {
  return new UnderstandingLayer(readLexicon(corpusDir));
}

/** Where a phrase occurs in a message, as [first word, last word]: each phrase is looked for once per message. */
type Occurrences = (phrase: CompiledPhrase, gap: number) => ReadonlyArray<[number, number]>;

const NOWHERE: ReadonlyArray<[number, number]> = [];

function occurrencesIn(words: Token[]): Occurrences {
  const memo = new Map<CompiledPhrase, ReadonlyArray<[number, number]>>();
  return (phrase, gap) => {
    let list = memo.get(phrase);
    if (!list) {
      const occurrences: Array<[number, number]> = [];
      for (let i = 0; i < words.length; i++) {
        const last = matchEnd(words, i, phrase, gap);
        if (last >= 0) occurrences.push([i, last]);
      }
      list = occurrences.length > 0 ? occurrences : NOWHERE;
      memo.set(phrase, list);
    }
    return list;
  };
}

/** The words of a phrase matched from `start`, each next word at most `gap` words later in the same clause. */
function matchFrom(words: Token[], start: number, phrase: CompiledPhrase, gap: number): Set<number> | undefined {
  // Most phrases that start at a word do not match: find out before allocating anything.
  if (matchEnd(words, start, phrase, gap) < 0) return undefined;
  const matched = new Set([start]);
  const reach = phrase.adjacent ? 0 : gap;
  for (let k = 1, at = start; k < phrase.length; k++) matched.add((at = nextWordOf(words, start, at, phrase[k], reach)));
  return matched;
}

/** The last word of a phrase matched from `start`, or -1. */
function matchEnd(words: Token[], start: number, phrase: CompiledPhrase, gap: number): number {
  if (!takes(phrase[0], words[start]!)) return -1;
  const reach = phrase.adjacent ? 0 : gap;
  let at = start;
  for (let k = 1; k < phrase.length && at >= 0; k++) at = nextWordOf(words, start, at, phrase[k], reach);
  return at;
}

/**
 * The word after `at` that a phrase's next slot takes, within the gap and the clause of the phrase's words, or -1.
 * A phrase that says the joining word itself goes on into the next clause with the word right after it: "sit and it
 * eases" ("and it" starts a clause), but not "on a bench and it eases off" for "on and off".
 */
function nextWordOf(words: Token[], start: number, at: number, slot: Set<string> | undefined, gap: number): number {
  // A comma between two words of a phrase costs three words of the gap: lists ("pain 6/10, warm, breathing ok")
  // are read as separate items.
  let cost = words[at]!.punctuationAfter?.includes(',') ? 1 : 0;
  const joins = at > start && JOINING.has(words[at]!.word);
  for (let j = at + 1; j < words.length && cost <= gap; j++) {
    if (words[j]!.clause !== words[at]!.clause && !(joins && j === at + 1)) break;
    if (takes(slot, words[j]!)) return j;
    cost += words[j]!.punctuationAfter?.includes(',') ? 3 : 1;
  }
  return -1;
}

/** The slot of `{name}` in a compiled phrase. */
const NAME_SLOT = `{${NAME_SET}}`;
/**
 * "our Kai", "me Reggie", "Wee Callum", "Little Priya", "our Kai's 3", "our Lily-Mae's limping": a capitalised word, or
 * capitalised words joined by hyphens, after "our", "my", "me", "little" or "wee"; not after "a wee" or "the wee", which
 * name a thing ("a wee Irn Bru").
 */
const NAME_AFTER_POSSESSIVE = /\b(?:[Oo]ur|[Mm]y|[Mm]e|[Ll]ittle|(?<!\b(?:[Aa]n?|[Tt]he) )[Ww]ee) ([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)*)\b(['’]s\b)?/g;
/** "Osian's 9", "Osian is 9", "Osian aged 9", "Osian (9)": a capitalised word before an age under 16, not a count. */
const NAME_BEFORE_AGE =
  /\b([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)*)(?:(['’]s) | is | aged | \((?= ?\d{1,2} ?\)))(?= ?(?:[1-9]|1[0-5])\b(?! ?(?:[.:/]?\d|%|weeks?|days?|months?|hours?|mins?|minutes?|am|pm|times|stone|kg|miles?|km)))/g;
/** "Antek 6 says pain only in his right leg": a sentence opening with a capitalised word, an age and what the child does. */
const NAME_OPENING_WITH_AGE = /(?:^|(?<=[.!?]\s+))([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)*) (?=(?:[1-9]|1[0-5]) (?:says|said|has|had|keeps|gets|got|complains|woke|wakes|cries|cried)\b)/g;

/** "Osian (9) gets growing pains": the bracket at `at` opens or closes a number of one or two digits, no clause of its own. */
function bracketsANumber(text: string, at: number): boolean {
  return /^\( ?\d{1,2} ?\)/.test(text.slice(at)) || /\( ?\d{1,2} ?\)$/.test(text.slice(0, at + 1));
}

/** Variants that stem alike ("cramp", "cramps", "cramping") are one phrase. */
function uniquePhrases(phrases: CompiledPhrase[]): CompiledPhrase[] {
  const byKey = new Map(phrases.map((phrase) => [phrase.key, phrase]));
  return [...byKey.values()];
}

function takes(slot: Set<string> | undefined, word: Token): boolean {
  return slot !== undefined && (slot.has(word.stem) || slot.has(word.asWritten) || (word.isName === true && slot.has(NAME_SLOT)));
}

/** Site, side, onset and course of each finding, from the other findings of its sentence. */
function addAttributes(findings: Finding[]): void {
  const bySentence = new Map<number, Finding[]>();
  for (const finding of findings) {
    const list = bySentence.get(finding.sentence) ?? [];
    list.push(finding);
    bySentence.set(finding.sentence, list);
  }
  for (const list of bySentence.values()) {
    const stated = list.filter((finding) => !finding.negated);
    const site = stated.find((finding) => finding.category === 'site')?.class;
    const side = stated.some((finding) => finding.concept === 'one_side') ? 'one' : stated.some((finding) => finding.concept === 'bilateral') ? 'both' : undefined;
    const sudden = stated.some((finding) => finding.concept === 'sudden');
    const worsening = stated.some((finding) => finding.concept === 'worsening');
    for (const finding of list) {
      if (finding.category !== 'finding') continue;
      if (site) finding.site = site;
      if (side) finding.side = side;
      if (sudden) finding.onset = 'sudden';
      if (worsening) finding.course = 'worsening';
    }
  }
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  few: 3, couple: 2, several: 3,
};
const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ELEVEN_TO_99 = new RegExp(String.raw`\b(?:(${TEENS.join('|')})|(${TENS.join('|')})(?:[ -](${UNITS.join('|')}))?)\b`, 'g');

/** "my girl's nineteen", "twenty four weeks", "sixty eight": the numbers from 11 to 99 said in words, as digits. */
function inDigits(text: string): string {
  return text.replace(ELEVEN_TO_99, (_said: string, teen?: string, tens?: string, unit?: string) =>
    String(teen ? 11 + TEENS.indexOf(teen) : 20 + 10 * TENS.indexOf(tens!) + (unit ? 1 + UNITS.indexOf(unit) : 0)),
  );
}

/** "half an hour", "quarter of an hour" (not "an hour"), "three quarters of an hour". */
const SAID_FRACTIONS: Record<string, number> = { 'half an': 0.5, 'quarter of an': 0.25, 'three quarters of an': 0.75 };
const UNIT_MINUTES: Record<string, number> = { sec: 1 / 60, second: 1 / 60, min: 1, minute: 1, hour: 60, hr: 60, day: 1440, week: 10080 };
const DURATION = /\b(half an|quarter of an|three quarters of an|\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|couple of|several)\s?(secs?|seconds?|mins?|minutes?|hours?|hrs?|days?|weeks?)\b/g;
const WEEKS = /\b(\d{1,2})\s?(?:weeks?|wks?)\b(?! ago| since| after)/;
const AGE = /\b(?:i am|im|aged|age|^at)\s(\d{2,3})\b(?!\s?(?:weeks?|wks?|days?|mins?|minutes?|hours?|kg|stone|lbs?|pounds|times))|\b(\d{2,3})\s?(?:years? old|yrs? old|yo|y\/o)\b/;
const ANY_AGE = /\b(?:i am|im|aged|age|turning|turns|turned|(?:he|she|who) is|(?:he|she)s|(?:son|daughter|stepson|stepdaughter|grandson|granddaughter|nephew|niece|lad|lass|boy|girl)s?(?: is| of| ,)?)\s(?:\(\s)?(?:only\s)?(\d{1,3})\b(?!\s?(?:weeks?|wks?|days?|mins?|minutes?|hours?|kg|stone|lbs?|pounds|times|cm|months?))|\b(\d{1,3})\s?-?(?:years?[\s-]?olds?|yrs?[\s-]?olds?|yo|y\/o)\b/g;
const DECADE: Record<string, number> = { sixties: 65, seventies: 75, eighties: 85, nineties: 95 };

/** Numbers a phrase list cannot say: the longest duration, weeks of pregnancy, the writer's age. */
function numbers(said: string): Pick<MessageUnderstanding, 'durationMinutes' | 'pregnancyWeeks' | 'age' | 'ages'> {
  const text = inDigits(said);
  let durationMinutes: number | undefined;
  for (const match of text.matchAll(DURATION)) {
    const amount = SAID_FRACTIONS[match[1]!] ?? NUMBER_WORDS[match[1]!.replace(' of', '')] ?? Number(match[1]);
    const unit = UNIT_MINUTES[match[2]!.replace(/s$/, '').replace(/^secs?$/, 'sec')] ?? UNIT_MINUTES[match[2]!.replace(/s$/, '')];
    if (unit === undefined || !Number.isFinite(amount)) continue;
    durationMinutes = Math.max(durationMinutes ?? 0, amount * unit);
  }
  const weeks = WEEKS.exec(text);
  const pregnancyWeeks = weeks && /pregnan|expecting|along|gone|bump|trimester|baby|midwife/.test(text) ? Number(weeks[1]) : undefined;
  const ageMatch = AGE.exec(text);
  const decade = /\bin (?:my|her|his) (sixties|seventies|eighties|nineties)\b/.exec(text);
  const age = ageMatch ? Number(ageMatch[1] ?? ageMatch[2]) : decade ? DECADE[decade[1]!] : undefined;
  const ages = [...text.matchAll(ANY_AGE)].map((match) => Number(match[1] ?? match[2])).filter((value) => value >= 1 && value <= 110);
  return {
    ages,
    ...(durationMinutes !== undefined ? { durationMinutes } : {}),
    ...(pregnancyWeeks !== undefined && pregnancyWeeks <= 42 ? { pregnancyWeeks } : {}),
    ...(age !== undefined && age >= 16 && age <= 110 ? { age } : {}),
  };
}

/** The words a stretch of the text covers, by their indices. */
function wordsCovering(words: Token[], index: number, length: number): Set<number> | undefined {
  const first = words.findIndex((word) => word.end > index);
  const last = findLastIndex(words, (word) => word.start < index + length);
  if (first < 0 || last < first) return undefined;
  return new Set(Array.from({ length: last - first + 1 }, (_, k) => first + k));
}

function sentenceOf(words: Token[], offset: number): number {
  return words.find((word) => word.end > offset)?.sentence ?? -1;
}

const CLOCK = /\b(\d{1,2})(?: ?[.:] ?([0-5]\d)(?: ?(?:am|pm))?| ?(?:am|pm))\b|\b(quarter|half|twenty five|twenty|ten|five) (past|to)\b(?: (\d{1,2})\b)?/g;
const SAID_MINUTES: Record<string, number> = { quarter: 15, half: 30, 'twenty five': 25, twenty: 20, ten: 10, five: 5 };
const CLOCK_SPAN_MINUTES = { over: 10, atMost: 6 * 60 };

/**
 * "cramp started 3:10am … 3:25 walked round … 3:35 still locked solid", "since quarter past, it's quarter to now …
 * nothing's shifting it": a list of clock times, the first said with the cramp and the last with it not easing, says
 * how long it has gone on (25 minutes), at the last time. On a 12-hour clock, so "11:50pm … 12:20" is half an hour;
 * only spans over ten minutes and up to six hours count. Not "1am woke with a cramp … 1.05 gone. Now it's 1.20 and it's
 * a bit achy": nothing is still locked at 1.20.
 */
function clockSpan(
  text: string,
  withCramp: (offset: number) => boolean,
  notEasing: (offset: number) => boolean,
): { index: number; length: number } | undefined {
  const times = [...text.matchAll(CLOCK)].filter((match) => match[1] === undefined || Number(match[1]) <= 23);
  const first = times.find((match) => withCramp(match.index));
  const last = times.at(-1);
  if (!first || !last || last === first || !notEasing(last.index)) return undefined;
  const minutes = (match: RegExpMatchArray) => (match[1] !== undefined ? (Number(match[1]) % 12) * 60 + Number(match[2] ?? 0) : spokenMinutes(match));
  const span = (((minutes(last) - minutes(first)) % 720) + 720) % 720;
  if (span <= CLOCK_SPAN_MINUTES.over || span > CLOCK_SPAN_MINUTES.atMost) return undefined;
  return { index: last.index!, length: last[0].length };
}

/**
 * A temperature in degrees: with a decimal ("38.6"), after a word for it ("temp was 38") or before a unit ("39c").
 * Group 1: the word for it, 2: the reading, 3: the unit.
 */
const READING = /\b(?:(temps?|temperatures?|fever|thermometer)(?: \w+){0,2}? )?((?:3[5-9]|4[0-2])(?:\.\d)?)( ?(?:c|degrees|°c)\b)?(?![.\d])/g;

/**
 * The last of two or more temperature readings when they rise: "temp was 38 on Sunday, 38.6 Monday, today it's 39.1",
 * "temp's 38.9 and it was 38.2 yesterday". A reading said with "was" is an earlier one, whatever its place.
 */
function risingTemperature(text: string): { index: number; length: number } | undefined {
  const readings = [...text.matchAll(READING)]
    .filter((match) => match[1] !== undefined || match[3] !== undefined || match[2]!.includes('.'))
    .map((match, order) => {
      const said = text.slice(Math.max(0, match.index! - 12), match.index! + match[0].indexOf(match[2]!));
      return { degrees: Number(match[2]), index: match.index!, length: match[0].length, order, earlier: /\bwas\s*$/.test(said) };
    })
    .sort((a, b) => Number(b.earlier) - Number(a.earlier) || a.order - b.order);
  const last = readings.at(-1);
  if (readings.length < 2 || last!.degrees <= readings[0]!.degrees) return undefined;
  return { index: last!.index, length: last!.length };
}

/** "quarter past" (15), "quarter to" (45, of the same hour as a "past" before it), "ten to 4" (3:50). */
function spokenMinutes(match: RegExpMatchArray): number {
  const past = match[4] === 'past';
  const offset = SAID_MINUTES[match[3]!]!;
  if (match[5] === undefined) return past ? offset : 60 - offset;
  return (Number(match[5]) % 12) * 60 + (past ? offset : -offset);
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

/** A word followed by a question mark: "my calf is swollen, no?" asks rather than answers. */
function asks(token: Token): boolean {
  return token.punctuationAfter?.includes('?') === true;
}

/** "since I was a kid", "I am a carer": a relation word that says what the writer is or was, not someone else. */
function describesWriter(words: Token[], at: number): boolean {
  return words[at - 1]?.word === 'a' && ['was', 'am', 'were', 'be', 'being'].includes(words[at - 2]?.word ?? '');
}
