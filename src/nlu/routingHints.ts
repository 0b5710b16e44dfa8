import { join } from 'node:path';
import { loadCorpusArtefact, yamlArtefact, type CorpusArtefact } from '../corpusArtefact';
import { INTENTS, type Intent } from './recognizer';

/** One line of corpus/understanding/routing.yml. */
interface RoutingHint {
  concepts: string[];
  to: Intent;
  from: Intent[];
}

/** A topic that a concept makes likely, offered first when the bot asks which topic is meant. */
interface OfferHint {
  concepts: string[];
  topic: Intent;
}

interface RoutingFile {
  hints?: RoutingHint[];
  more?: string[];
  offer?: OfferHint[];
}

/**
 * Concepts that route a message better than the classifier's intent (tonic water → quinine, a named medicine asked
 * about as a cause → medications), and those that ask for the rest of the answer just given ("didn't work"), from
 * corpus/understanding/routing.yml.
 */
export class RoutingHints {
  constructor(
    private readonly hints: readonly RoutingHint[],
    private readonly moreConcepts: readonly string[] = [],
    private readonly offers: readonly OfferHint[] = [],
  ) {}

  /** The intent to answer: the classifier's, unless a concept of the message says better. */
  route(intent: Intent, concepts: readonly string[]): Intent {
    const hint = this.hints.find((candidate) => candidate.from.includes(intent) && candidate.concepts.some((concept) => concepts.includes(concept)));
    return hint?.to ?? intent;
  }

  /** Topics the message's concepts make likely, for a clarifying question ("b complex" → supplements); never answered unasked. */
  offered(concepts: readonly string[]): Intent[] {
    return this.offers.filter((offer) => offer.concepts.some((concept) => concepts.includes(concept))).map((offer) => offer.topic);
  }

  /** Whether the message, asking the same as the answer before it, wants the rest of that answer ("didn't work"). */
  asksForMore(concepts: readonly string[]): boolean {
    return this.moreConcepts.some((concept) => concepts.includes(concept));
  }
}

export function routingArtefact(corpusDir: string): CorpusArtefact<RoutingFile | null> {
  return yamlArtefact('routing', join(corpusDir, 'understanding', 'routing.yml'));
}

export function loadRoutingHints(corpusDir: string): RoutingHints {
  const raw = loadCorpusArtefact(routingArtefact(corpusDir));
  const hints = raw?.hints ?? [];
  const offers = raw?.offer ?? [];
  for (const intent of [...hints.flatMap((hint) => [hint.to, ...hint.from]), ...offers.map((offer) => offer.topic)]) {
    if (!(INTENTS as readonly string[]).includes(intent)) throw new Error(`corpus/understanding/routing.yml: unknown intent "${intent}"`);
  }
  return new RoutingHints(hints, raw?.more ?? [], offers);
}
