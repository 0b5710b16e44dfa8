import { IntentRecognizer } from './intentRecognizer';
import { NgramLogisticRegression } from './logisticRegression';
import { loadNluCorpus } from './nluCorpus';
import type { Recognizer } from './recognizer';

/**
 * Trains the intent classifier from corpus/nlu.yml (a few tens of milliseconds) and applies the
 * corpus's out-of-scope threshold. `crampbot eval` shows why this model and this threshold.
 */
export function loadRecognizer(corpusDir: string): Recognizer {
  const corpus = loadNluCorpus(corpusDir);
  return new IntentRecognizer(NgramLogisticRegression.train(corpus.examples), corpus.outOfScopeThreshold);
}
