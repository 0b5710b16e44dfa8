import { join } from 'node:path';
import { loadCorpusArtefact, yamlArtefact, type CorpusArtefact } from '../corpusArtefact';
import { INTENTS, type Intent } from './recognizer';

/** One line of corpus/understanding/routing.yml. */
interface RoutingHint {
  concepts: string[];
  to: Intent;
  from: Intent[];
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
  ) {}

  /** The intent to answer: the classifier's, unless a concept of the message says better. */
  route(intent: Intent, concepts: readonly string[]): Intent {
    const hint = this.hints.find((candidate) => candidate.from.includes(intent) && candidate.concepts.some((concept) => concepts.includes(concept)));
    return hint?.to ?? intent;
  }

  /** Whether the message, asking the same as the answer before it, wants the rest of that answer ("didn't work"). */
  asksForMore(concepts: readonly string[]): boolean {
    return this.moreConcepts.some((concept) => concepts.includes(concept));
  }
}

export function routingArtefact(corpusDir: string): CorpusArtefact<{ hints?: RoutingHint[]; more?: string[] } | null> {
  return yamlArtefact('routing', join(corpusDir, 'understanding', 'routing.yml'));
}

export function loadRoutingHints(corpusDir: string): RoutingHints {
  const raw = loadCorpusArtefact(routingArtefact(corpusDir));
  const hints = raw?.hints ?? [];
  for (const hint of hints) {
    for (const intent of [hint.to, ...hint.from]) {
      if (!(INTENTS as readonly string[]).includes(intent)) throw new Error(`corpus/understanding/routing.yml: unknown intent "${intent}"`);
    }
  }
  return new RoutingHints(hints, raw?.more ?? []);
}
