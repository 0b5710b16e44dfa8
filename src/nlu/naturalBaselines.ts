import { BayesClassifier, LogisticRegressionClassifier } from 'natural/lib/natural/classifiers';
import type { ClassifierTrainer, LabelledText, ScoredLabel, TextClassifier } from './textClassifier';

/**
 * natural's classifiers behind the TextClassifier interface, as the baseline `crampbot eval --compare`
 * measures crampbot's own model against. Stop words are kept (natural drops "what", "how", "can"),
 * and the raw scores (not probabilities) are normalised to sum to 1.
 */
type NaturalClassifier = BayesClassifier | LogisticRegressionClassifier;

function wrap(classifier: NaturalClassifier): TextClassifier {
  return {
    rank(text: string): ScoredLabel[] {
      const raw = classifier.getClassifications(text);
      const total = raw.reduce((sum, entry) => sum + Math.max(0, entry.value), 0);
      return raw
        .map((entry) => ({
          label: String(entry.label),
          score: total > 0 ? Math.max(0, entry.value) / total : 1 / raw.length,
        }))
        .sort((a, b) => b.score - a.score || (a.label < b.label ? -1 : 1));
    },
  };
}

function trainNatural(classifier: NaturalClassifier, examples: readonly LabelledText[]): TextClassifier {
  classifier.setOptions({ keepStops: true });
  for (const { text, intent } of examples) classifier.addDocument(text, intent);
  classifier.train();
  return wrap(classifier);
}

export const naturalBayesTrainer: ClassifierTrainer = {
  name: 'natural Bayes',
  train: (examples) => trainNatural(new BayesClassifier(), examples),
};

export const naturalLogisticRegressionTrainer: ClassifierTrainer = {
  name: 'natural logistic regression',
  train: (examples) => trainNatural(new LogisticRegressionClassifier(), examples),
};
