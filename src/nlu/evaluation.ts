import { seededRandom } from './logisticRegression';
import type { ClassifierTrainer, LabelledText, TextClassifier } from './textClassifier';

/** One test phrasing with the classifier's best label and confidence (before any threshold). */
export interface Prediction {
  text: string;
  expected: string;
  predicted: string;
  score: number;
}

export interface Timings {
  /** Mean training time of one model, in milliseconds. */
  trainMs: number;
  classifyP50Ms: number;
  classifyP99Ms: number;
}

export interface EvaluationRun {
  predictions: Prediction[];
  timings: Timings;
}

export interface LabelScores {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Confusion {
  expected: string;
  predicted: string;
  count: number;
  examples: string[];
}

export interface EvaluationReport {
  accuracy: number;
  macroF1: number;
  /** Recall of the fallback label (`out_of_scope`, `None`…) when the corpus has it, else null. */
  outOfScopeRecall: number | null;
  perLabel: LabelScores[];
  confusions: Confusion[];
  total: number;
  correct: number;
}

/**
 * Stratified k folds: each label's phrasings are shuffled with the seed and dealt round-robin,
 * so every fold holds every label and the same seed gives the same folds.
 */
export function stratifiedFolds(examples: readonly LabelledText[], k: number, seed: number): LabelledText[][] {
  if (!Number.isInteger(k) || k < 2) throw new Error('cross-validation needs at least 2 folds');
  const random = seededRandom(seed);
  const byLabel = new Map<string, LabelledText[]>();
  for (const example of examples) {
    const list = byLabel.get(example.intent) ?? [];
    list.push(example);
    byLabel.set(example.intent, list);
  }
  const folds: LabelledText[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const list = [...(byLabel.get(label) as LabelledText[])];
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    for (const example of list) {
      folds[next].push(example);
      next = (next + 1) % k;
    }
  }
  return folds;
}

function predictAll(classifier: TextClassifier, test: readonly LabelledText[], latencies: number[]): Prediction[] {
  // A few untimed calls first, so the latency figures are of compiled code, not of the JIT warming up.
  for (let i = 0; i < WARM_UP_CALLS && test.length > 0; i++) classifier.rank(test[i % test.length].text);
  return test.map(({ text, intent }) => {
    const started = performance.now();
    const [best] = classifier.rank(text);
    latencies.push(performance.now() - started);
    return { text, expected: intent, predicted: best?.label ?? '', score: best?.score ?? 0 };
  });
}

const WARM_UP_CALLS = 50;

function timings(trainMs: number[], latencies: number[]): Timings {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    trainMs: trainMs.reduce((sum, ms) => sum + ms, 0) / Math.max(1, trainMs.length),
    classifyP50Ms: at(0.5),
    classifyP99Ms: at(0.99),
  };
}

/** Trains on all but one fold and predicts that fold, k times; the predictions of every phrasing, pooled. */
export function crossValidate(
  trainer: ClassifierTrainer,
  examples: readonly LabelledText[],
  k = 5,
  seed = 42,
): EvaluationRun {
  const folds = stratifiedFolds(examples, k, seed);
  const trainMs: number[] = [];
  const latencies: number[] = [];
  const predictions: Prediction[] = [];
  folds.forEach((test, held) => {
    const train = folds.filter((_, index) => index !== held).flat();
    const started = performance.now();
    const classifier = trainer.train(train);
    trainMs.push(performance.now() - started);
    predictions.push(...predictAll(classifier, test, latencies));
  });
  return { predictions, timings: timings(trainMs, latencies) };
}

export function trainAndTest(
  trainer: ClassifierTrainer,
  train: readonly LabelledText[],
  test: readonly LabelledText[],
): EvaluationRun {
  const started = performance.now();
  const classifier = trainer.train(train);
  const trainMs = performance.now() - started;
  const latencies: number[] = [];
  const predictions = predictAll(classifier, test, latencies);
  return { predictions, timings: timings([trainMs], latencies) };
}

/** Predictions below the threshold become the fallback label, as the recognizer does. */
export function applyThreshold(predictions: readonly Prediction[], threshold: number, fallback: string): Prediction[] {
  return predictions.map((prediction) =>
    prediction.score < threshold ? { ...prediction, predicted: fallback } : prediction,
  );
}

export function scorePredictions(predictions: readonly Prediction[], fallback?: string): EvaluationReport {
  const labels = [...new Set(predictions.flatMap((p) => [p.expected, p.predicted]))].sort();
  const perLabel: LabelScores[] = labels
    .map((label) => {
      const truePositives = predictions.filter((p) => p.expected === label && p.predicted === label).length;
      const predicted = predictions.filter((p) => p.predicted === label).length;
      const support = predictions.filter((p) => p.expected === label).length;
      const precision = predicted === 0 ? 0 : truePositives / predicted;
      const recall = support === 0 ? 0 : truePositives / support;
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      return { label, precision, recall, f1, support };
    })
    .filter((scores) => scores.support > 0);
  const confusionMap = new Map<string, Confusion>();
  for (const p of predictions) {
    if (p.expected === p.predicted) continue;
    const key = `${p.expected}\u0000${p.predicted}`;
    const confusion = confusionMap.get(key) ?? { expected: p.expected, predicted: p.predicted, count: 0, examples: [] };
    confusion.count++;
    if (confusion.examples.length < 3) confusion.examples.push(p.text);
    confusionMap.set(key, confusion);
  }
  const confusions = [...confusionMap.values()].sort(
    (a, b) => b.count - a.count || a.expected.localeCompare(b.expected) || a.predicted.localeCompare(b.predicted),
  );
  const correct = predictions.filter((p) => p.expected === p.predicted).length;
  const fallbackScores = fallback ? perLabel.find((scores) => scores.label === fallback) : undefined;
  return {
    accuracy: predictions.length === 0 ? 0 : correct / predictions.length,
    macroF1: perLabel.reduce((sum, scores) => sum + scores.f1, 0) / Math.max(1, perLabel.length),
    outOfScopeRecall: fallbackScores ? fallbackScores.recall : null,
    perLabel,
    confusions,
    total: predictions.length,
    correct,
  };
}

/** Macro-F1 a higher (more cautious) threshold may cost and still be preferred. */
const THRESHOLD_TOLERANCE = 0.002;

/**
 * The out-of-scope threshold from out-of-fold predictions: among thresholds that keep out-of-scope
 * recall at `minOutOfScopeRecall` or more, the highest whose macro-F1 is within 0.002 of the best.
 * Sending a doubtful message to the help menu is safer than a guess, so caution wins a near tie.
 */
export function chooseThreshold(
  predictions: readonly Prediction[],
  fallback: string,
  minOutOfScopeRecall = 0.9,
): { threshold: number; report: EvaluationReport } {
  const candidates = Array.from({ length: 91 }, (_, step) => {
    const threshold = step / 100;
    return { threshold, report: scorePredictions(applyThreshold(predictions, threshold, fallback), fallback) };
  });
  const eligible = candidates.filter(({ report }) => (report.outOfScopeRecall ?? 1) >= minOutOfScopeRecall);
  const pool = eligible.length > 0 ? eligible : candidates;
  const best = Math.max(...pool.map(({ report }) => report.macroF1));
  const chosen = pool.filter(({ report }) => report.macroF1 >= best - THRESHOLD_TOLERANCE);
  return chosen[chosen.length - 1];
}
