/** A labelled phrasing: one line of a training or test corpus. */
export interface LabelledText {
  text: string;
  intent: string;
}

/** One label with its confidence in [0, 1]; the scores of all labels sum to 1. */
export interface ScoredLabel {
  label: string;
  score: number;
}

/**
 * A trained text classifier that knows nothing about crampbot's intents: it returns the labels it was
 * trained on, best first. The out-of-scope threshold lives in IntentRecognizer, not here.
 */
export interface TextClassifier {
  rank(text: string): ScoredLabel[];
}

/** A way of training a TextClassifier, named for the evaluation tables. */
export interface ClassifierTrainer {
  name: string;
  train(examples: readonly LabelledText[]): TextClassifier;
}
