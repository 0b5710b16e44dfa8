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
 * about as a cause → medications), from corpus/understanding/routing.yml.
 */
export class RoutingHints {
  constructor(private readonly hints: readonly RoutingHint[]) {}

  /** The intent to answer: the classifier's, unless a concept of the message says better. */
  route(intent: Intent, concepts: readonly string[]): Intent {
    const hint = this.hints.find((candidate) => candidate.from.includes(intent) && candidate.concepts.some((concept) => concepts.includes(concept)));
    return hint?.to ?? intent;
  }
}

export function routingArtefact(corpusDir: string): CorpusArtefact<{ hints?: RoutingHint[] } | null> {
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
  return new RoutingHints(hints);
}
