import { join } from 'node:path';
import { loadCorpusArtefact, type CorpusArtefact } from '../corpusArtefact';
import { IntentRecognizer } from './intentRecognizer';
import { MODEL_CODE_FILES, NgramLogisticRegression, type SerializedLogisticRegression } from './logisticRegression';
import { loadNluCorpus } from './nluCorpus';
import type { Recognizer } from './recognizer';

/** The trained intent model and its out-of-scope threshold, as `npm run build` stores them. */
export interface IntentModel {
  model: SerializedLogisticRegression;
  outOfScopeThreshold: number;
}

/** The intent classifier trained on corpus/nlu.yml: built by `npm run build`, retrained when the corpus or this code changes. */
export function intentModelArtefact(corpusDir: string): CorpusArtefact<IntentModel> {
  return {
    name: 'intent-model',
    corpusFiles: [join(corpusDir, 'nlu.yml')],
    codeFiles: [__filename, ...MODEL_CODE_FILES, require.resolve('./nluCorpus')],
    build: () => {
      const corpus = loadNluCorpus(corpusDir);
      return { model: NgramLogisticRegression.train(corpus.examples).serialize(), outOfScopeThreshold: corpus.outOfScopeThreshold };
    },
  };
}

/**
 * The intent recognizer with the corpus's out-of-scope threshold. The model comes from the build artefact, or is
 * trained from corpus/nlu.yml (~150 ms) when that is missing or stale. `crampbot eval` shows why this model and
 * this threshold.
 */
export function loadRecognizer(corpusDir: string): Recognizer {
  const { model, outOfScopeThreshold } = loadCorpusArtefact(intentModelArtefact(corpusDir));
  return new IntentRecognizer(NgramLogisticRegression.deserialize(model), outOfScopeThreshold);
}
