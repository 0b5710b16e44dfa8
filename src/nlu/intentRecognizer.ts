import { INTENTS, type Intent, type IntentResult, type Recognizer } from './recognizer';
import type { ScoredLabel, TextClassifier } from './textClassifier';
import { wordsOf } from './textFeatures';

/** Messages longer than this are classified on their first characters only (SPEC §7: not processed in full). */
const MAX_CLASSIFIED_CHARS = 500;

/**
 * Generic decision rule on top of a TextClassifier: the best label, unless its confidence is below the
 * threshold, in which case the fallback label with the same confidence.
 */
export function decide(ranked: readonly ScoredLabel[], threshold: number, fallback: string): ScoredLabel {
  const best = ranked[0];
  if (!best) return { label: fallback, score: 0 };
  return best.score < threshold ? { label: fallback, score: best.score } : best;
}

/**
 * crampbot's Recognizer: a trained classifier plus the out-of-scope threshold.
 * @remarks A message with no words (only emoji, empty, an attachment) is `out_of_scope` with score 0,
 * except a lone "?" which the corpus teaches as a request for help. When the best guess falls below
 * the threshold, the answer is `out_of_scope` with that rejected guess's (low) confidence as its score.
 */
export class IntentRecognizer implements Recognizer {
  constructor(
    private readonly classifier: TextClassifier,
    private readonly outOfScopeThreshold: number,
  ) {}

  classify(text: string): IntentResult {
    const clipped = (text ?? '').slice(0, MAX_CLASSIFIED_CHARS);
    if (wordsOf(clipped).length === 0 && !clipped.includes('?')) return { intent: 'out_of_scope', score: 0 };
    const { label, score } = decide(this.classifier.rank(clipped), this.outOfScopeThreshold, 'out_of_scope');
    const intent: Intent = (INTENTS as readonly string[]).includes(label) ? (label as Intent) : 'out_of_scope';
    return { intent, score: Math.min(1, Math.max(0, score)) };
  }

  rank(text: string): IntentResult[] {
    const clipped = (text ?? '').slice(0, MAX_CLASSIFIED_CHARS);
    return this.classifier
      .rank(clipped)
      .filter(({ label }) => (INTENTS as readonly string[]).includes(label))
      .map(({ label, score }) => ({ intent: label as Intent, score }));
  }
}
