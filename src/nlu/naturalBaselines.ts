import { BayesClassifier, LogisticRegressionClassifier } from 'natural/lib/natural/classifiers';
import type { ClassifierTrainer, LabelledText, ScoredLabel, TextClassifier } from './textClassifier';

/**
 * natural's classifiers behind the TextClassifier interface, as the baseline `crampbot eval --compare`
 * measures crampbot's own model against. Stop words are kept unless asked (natural drops "what",
 * "how", "can" by default), and the raw scores (not probabilities) are normalised to sum to 1.
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

function trainNatural(classifier: NaturalClassifier, examples: readonly LabelledText[], keepStops: boolean): TextClassifier {
  classifier.setOptions({ keepStops });
  for (const { text, intent } of examples) classifier.addDocument(text, intent);
  classifier.train();
  return wrap(classifier);
}

/** natural's Bayes classifier (Porter stemmer); `keepStops: false` is the library's default. */
export function naturalBayesTrainer(keepStops = true): ClassifierTrainer {
  return {
    name: `natural Bayes${keepStops ? '' : ' (drops stop words)'}`,
    train: (examples) => trainNatural(new BayesClassifier(), examples, keepStops),
  };
}

/** natural's logistic regression (dense features, slow: about a minute for a thousand phrasings). */
export function naturalLogisticRegressionTrainer(keepStops = true): ClassifierTrainer {
  return {
    name: `natural logistic regression${keepStops ? '' : ' (drops stop words)'}`,
    train: (examples) => trainNatural(new LogisticRegressionClassifier(), examples, keepStops),
  };
}
