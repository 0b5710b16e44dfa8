import { join } from 'node:path';
import { loadCorpusArtefact, yamlArtefact, type CorpusArtefact } from '../corpusArtefact';
import type { Finding, MessageUnderstanding } from '../understanding/findings';
import { OwnWords, ownWordsArtefact, type OwnWordStems } from './ownWords';

/** Whether a message is about leg cramps, decided from what the understanding layer finds, apart from its intent. */
export interface DomainVerdict {
  inDomain: boolean;
  /** Not in domain, and it names a cramp or a leg that is not a leg cramp ("period cramps", "leg day"). */
  nearMiss: boolean;
  /**
   * Nothing the understanding layer knows and `offTopic.words` or more words the bot never uses ("best way to learn
   * Spanish quickly"): not about leg cramps, however sure the intent looks.
   */
  unrelated: boolean;
  /**
   * Not in domain, and it names only something the bot knows beside cramps (`aside`: a medicine): "do statins interact
   * with grapefruit juice" is refused however sure its intent looks, unless triage has just given it a level.
   */
  aside: boolean;
}

/** The seam the router uses (dialogs see this, not the understanding layer). */
export interface DomainCheck {
  /** `carriesOn`: the message follows an earlier one of the same conversation. */
  decide(text: string, carriesOn?: boolean): DomainVerdict;
}

interface EvidenceSpec {
  categories: string[];
  concepts: string[];
}

/** corpus/domain.yml. */
interface DomainSpec {
  alone: EvidenceSpec;
  together: EvidenceSpec;
  /** A finding of these with nothing that puts the message in domain: a question aside ("do statins interact with grapefruit"). */
  aside: EvidenceSpec;
  not: string[];
  /** `not` concepts that a negation denies ("chest pain, no") rather than belongs to ("won't stand still for the farrier"). */
  denied: string[];
  elsewhere: string[];
  instead: string[];
  cramp: string[];
  offTopic: OffTopicSpec;
  carryOn: CarryOnSpec;
}

/** corpus/domain.yml `carryOn`: how short a reply carries a conversation on, and the words replies are made of. */
interface CarryOnSpec {
  words: number;
  replies: string[];
}

/** corpus/domain.yml `offTopic`: how many words the bot never uses make a message off its topic, and what keeps it on. */
interface OffTopicSpec {
  words: number;
  unless: string[];
  /** Findings that say nothing about a body or a cramp ("how", "morning"): a message with only these has none. */
  silent: string[];
}

/** corpus/domain.yml is missing something or names a concept the lexicon lacks. */
export class DomainError extends Error {
  constructor(problem: string) {
    super(`corpus/domain.yml: ${problem}`);
    this.name = 'DomainError';
  }
}

/** What the decision needs of the understanding layer. */
export interface FindingsReader {
  understand(text: string): MessageUnderstanding;
  conceptNames(): string[];
}

/**
 * The in-domain decision (issue 16): a finding of an `alone` concept, two of `together` concepts, or in a message that
 * follows an earlier one of the conversation one of `aside`, put a message in domain, however low its intent score (two
 * findings of the same words count once); findings inside a `not` phrase ("my writing hand cramps") count for nothing.
 * Three things put a message out of domain whatever else it says: a body part that is not the leg with no part of the
 * leg named (`elsewhere`: "my eyelid keeps twitching"), a `not` phrase with no leg and no cramp outside it ("my cat's
 * legs twitch"), and another condition named without a cramp (`instead`: "gout in my big toe"). A `not` phrase of a
 * `denied` concept that the writer denies puts nothing out ("breathless or chest pain, no"). Negated, hypothetical or
 * someone else's findings count: "my husband gets cramps" is still about cramps. A message in domain that names no
 * cramp and no pain but two or more words the bot never uses (`offTopic`: "my ukulele strap slides down to my leg") is
 * not in domain either; it is not a near miss, so a clear intent is still answered and only an unclear message is
 * refused rather than clarified. A message in which the layer finds nothing at all and that says as many words the bot
 * never uses is unrelated: refused whatever its intent ("best way to learn Spanish quickly" reads like the relief
 * question). A short reply that follows an earlier message of the conversation (`carryOn`), is no near miss, and says
 * no word the bot never uses and none that only its out-of-scope phrasings use (the words replies are made of,
 * `replies`, are allowed: "hmm", "yes") is in domain: "none of those really" is clarified, not refused, and "can you
 * book me a table" is still refused.
 */
export class DomainDecision implements DomainCheck {
  private readonly replies: ReadonlySet<string>;

  constructor(
    private readonly spec: DomainSpec,
    private readonly reader: FindingsReader,
    private readonly ownWords: OwnWords,
  ) {
    this.replies = new Set(spec.carryOn.replies);
  }

  decide(text: string, carriesOn = false): DomainVerdict {
    const { findings } = this.reader.understand(text);
    const misses = findings.filter((finding) => this.spec.not.includes(finding.concept));
    const evidence = findings.filter((finding) => !misses.some((miss) => overlaps(miss, finding)));
    // A part of the leg the writer denies is not one: "lower back spasm, not my legs just my back".
    const site = evidence.some((finding) => finding.category === 'site' && !finding.negated);
    const cramp = names(evidence, this.spec.cramp);
    // A part of the body or a condition the writer denies is not where the trouble is: "the odd night cramp, no jaw
    // stiffness", "no bruising, no swelling, I can go up on tiptoe".
    const stated = findings.filter((finding) => !finding.negated);
    const elsewhere = !site && names(stated, this.spec.elsewhere);
    const explained = !site && !cramp && misses.some((miss) => !(miss.negated && this.spec.denied.includes(miss.concept)));
    const instead = !cramp && names(stated, this.spec.instead);
    if (elsewhere || explained || instead) return { inDomain: false, nearMiss: true, unrelated: false, aside: false };
    const alone = evidence.some((finding) => matches(this.spec.alone, finding));
    const aside = evidence.some((finding) => matches(this.spec.aside, finding));
    // In a conversation a question aside carries it on: "I'm on a statin for my cholesterol, could that be why".
    const together = distinctConcepts(evidence.filter((finding) => matches(this.spec.together, finding)));
    const inDomain = alone || together >= 2 || (carriesOn && aside);
    const { words, unless } = this.spec.offTopic;
    // Counting the words the bot never uses reads every word, so it is done only for a message it can change.
    const foreign = () => !names(findings, unless) && this.ownWords.foreign(text).length >= words;
    const offTopic = inDomain && foreign();
    // In a conversation, a short reply with nothing against the topic carries it on: "none of those really", "ok".
    const carried = carriesOn && !inDomain && misses.length === 0 && this.ownWords.isBareReply(text, this.spec.carryOn.words, this.replies);
    return {
      inDomain: (inDomain && !offTopic) || carried,
      nearMiss: !inDomain && misses.length > 0,
      aside: !inDomain && aside,
      unrelated: !carried && findings.every((finding) => this.spec.offTopic.silent.includes(finding.concept)) && foreign(),
    };
  }
}

export function domainArtefact(corpusDir: string): CorpusArtefact<Partial<DomainSpec> | null> {
  return yamlArtefact('domain', join(corpusDir, 'domain.yml'));
}

/** The bot's own words (src/nlu/ownWords.ts), for `npm run build`. */
export function ownWordsArtefactOf(corpusDir: string): CorpusArtefact<OwnWordStems> {
  return ownWordsArtefact(corpusDir, leavingConcepts(loadCorpusArtefact(domainArtefact(corpusDir))));
}

/** The concepts whose words are not the bot's own: those that take a message out of domain and cannot put it in. */
function leavingConcepts(raw: Partial<DomainSpec> | null): string[] {
  const alone = raw?.alone?.concepts ?? [];
  return [...(raw?.not ?? []), ...(raw?.elsewhere ?? []), ...(raw?.instead ?? [])].filter((name) => !alone.includes(name));
}

export function loadDomainDecision(corpusDir: string, reader: FindingsReader): DomainDecision {
  const raw = loadCorpusArtefact(domainArtefact(corpusDir));
  const spec: DomainSpec = {
    alone: evidenceSpec(raw?.alone, 'alone'),
    together: evidenceSpec(raw?.together, 'together'),
    aside: { categories: raw?.aside?.categories ?? [], concepts: raw?.aside?.concepts ?? [] },
    not: raw?.not ?? [],
    denied: raw?.denied ?? [],
    elsewhere: raw?.elsewhere ?? [],
    instead: raw?.instead ?? [],
    cramp: raw?.cramp ?? [],
    offTopic: offTopicSpec(raw?.offTopic),
    carryOn: { words: wholeNumber(raw?.carryOn?.words, 'carryOn'), replies: raw?.carryOn?.replies ?? [] },
  };
  const known = new Set(reader.conceptNames());
  const { alone, together, aside, not, denied, elsewhere, instead, cramp, offTopic } = spec;
  for (const name of [...alone.concepts, ...together.concepts, ...aside.concepts, ...not, ...denied, ...elsewhere, ...instead, ...cramp, ...offTopic.unless, ...offTopic.silent]) {
    if (!known.has(name)) throw new DomainError(`"${name}" is not a concept of corpus/understanding/lexicon.yml`);
  }
  return new DomainDecision(spec, reader, new OwnWords(loadCorpusArtefact(ownWordsArtefact(corpusDir, leavingConcepts(raw)))));
}

function evidenceSpec(value: Partial<EvidenceSpec> | undefined, name: string): EvidenceSpec {
  if (!value || (!value.categories?.length && !value.concepts?.length)) throw new DomainError(`${name} needs categories or concepts`);
  return { categories: value.categories ?? [], concepts: value.concepts ?? [] };
}

function offTopicSpec(value: Partial<OffTopicSpec> | undefined): OffTopicSpec {
  return { words: wholeNumber(value?.words, 'offTopic'), unless: value?.unless ?? [], silent: value?.silent ?? [] };
}

function wholeNumber(value: unknown, name: string): number {
  if (!Number.isInteger(value) || (value as number) < 1) throw new DomainError(`${name} needs words, a whole number of 1 or more`);
  return value as number;
}

function matches(spec: EvidenceSpec, finding: Finding): boolean {
  return spec.categories.includes(finding.category) || spec.concepts.includes(finding.concept);
}

/** How many concepts the findings name, where findings of the same words count once ("last night" is not two). */
function distinctConcepts(findings: Finding[]): number {
  const kept: Finding[] = [];
  for (const finding of findings) if (!kept.some((other) => overlaps(other, finding))) kept.push(finding);
  return new Set(kept.map((finding) => finding.concept)).size;
}

function names(findings: Finding[], concepts: string[]): boolean {
  return findings.some((finding) => concepts.includes(finding.concept));
}

function overlaps(a: Finding, b: Finding): boolean {
  return a.start < b.end && b.start < a.end;
}
