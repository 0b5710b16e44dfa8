import { DEFAULT_FEATURE_OPTIONS, extractFeatures, type FeatureOptions } from './textFeatures';
import type { ClassifierTrainer, LabelledText, ScoredLabel, TextClassifier } from './textClassifier';

export interface LogisticRegressionOptions {
  features: FeatureOptions;
  epochs: number;
  /** Initial SGD step; it decays as 1 / (1 + t / decaySteps). */
  learningRate: number;
  /** L2 penalty per example. */
  l2: number;
  /** Seed of the shuffling, so training gives the same model every run. */
  seed: number;
}

export const DEFAULT_LOGISTIC_REGRESSION_OPTIONS: LogisticRegressionOptions = {
  features: DEFAULT_FEATURE_OPTIONS,
  epochs: 20,
  learningRate: 1,
  l2: 1e-4,
  seed: 42,
};

interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same shuffles on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Multinomial logistic regression on word uni/bigrams and character n-grams, trained by SGD with
 * L2 regularisation. Plain TypeScript, deterministic, a few tens of milliseconds for a thousand phrasings.
 */
export class NgramLogisticRegression implements TextClassifier {
  private constructor(
    private readonly labels: readonly string[],
    private readonly vocabulary: ReadonlyMap<string, number>,
    /** Feature-major weights: weights[feature * labels + label]. */
    private readonly weights: Float64Array,
    private readonly bias: Float64Array,
    private readonly features: FeatureOptions,
  ) {}

  static train(
    examples: readonly LabelledText[],
    options: LogisticRegressionOptions = DEFAULT_LOGISTIC_REGRESSION_OPTIONS,
  ): NgramLogisticRegression {
    if (examples.length === 0) throw new Error('cannot train a classifier without examples');
    const labels = [...new Set(examples.map((example) => example.intent))].sort();
    const labelIndex = new Map(labels.map((label, index) => [label, index]));
    const vocabulary = new Map<string, number>();
    const vectors: SparseVector[] = examples.map((example) => {
      const features = extractFeatures(example.text, options.features);
      const indices = new Int32Array(features.size);
      const values = new Float64Array(features.size);
      let i = 0;
      for (const [key, value] of features) {
        let index = vocabulary.get(key);
        if (index === undefined) {
          index = vocabulary.size;
          vocabulary.set(key, index);
        }
        indices[i] = index;
        values[i] = value;
        i++;
      }
      return { indices, values };
    });
    const targets = examples.map((example) => labelIndex.get(example.intent) as number);

    const k = labels.length;
    const weights = new Float64Array(vocabulary.size * k);
    const bias = new Float64Array(k);
    const probabilities = new Float64Array(k);
    const random = seededRandom(options.seed);
    const order = examples.map((_, index) => index);
    // Weight decay through a shared scale factor keeps L2 exact while each step touches only the
    // features present in the example (true weight = scale * stored weight).
    let scale = 1;
    let step = 0;
    const decaySteps = examples.length * 2;
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (const index of order) {
        const rate = options.learningRate / (1 + step / decaySteps);
        step++;
        const { indices, values } = vectors[index];
        scoreInto(probabilities, indices, values, weights, bias, k, scale);
        softmaxInPlace(probabilities);
        probabilities[targets[index]] -= 1;
        scale *= 1 - rate * options.l2;
        const stepOverScale = rate / scale;
        for (let f = 0; f < indices.length; f++) {
          const base = indices[f] * k;
          const value = values[f] * stepOverScale;
          for (let c = 0; c < k; c++) weights[base + c] -= value * probabilities[c];
        }
        for (let c = 0; c < k; c++) bias[c] -= rate * probabilities[c];
        if (scale < 1e-6) {
          for (let w = 0; w < weights.length; w++) weights[w] *= scale;
          scale = 1;
        }
      }
    }
    for (let w = 0; w < weights.length; w++) weights[w] *= scale;
    return new NgramLogisticRegression(labels, vocabulary, weights, bias, options.features);
  }

  rank(text: string): ScoredLabel[] {
    const k = this.labels.length;
    const scores = new Float64Array(k);
    scores.set(this.bias);
    for (const [key, value] of extractFeatures(text, this.features)) {
      const index = this.vocabulary.get(key);
      if (index === undefined) continue;
      const base = index * k;
      for (let c = 0; c < k; c++) scores[c] += value * this.weights[base + c];
    }
    softmaxInPlace(scores);
    return this.labels
      .map((label, index) => ({ label, score: scores[index] }))
      .sort((a, b) => b.score - a.score || (a.label < b.label ? -1 : 1));
  }

  /** Bytes held by the weights and the vocabulary (an estimate of the model's memory). */
  approximateBytes(): number {
    let keyBytes = 0;
    for (const key of this.vocabulary.keys()) keyBytes += 2 * key.length + 48;
    return this.weights.byteLength + this.bias.byteLength + keyBytes;
  }
}

function scoreInto(
  out: Float64Array,
  indices: Int32Array,
  values: Float64Array,
  weights: Float64Array,
  bias: Float64Array,
  k: number,
  scale: number,
): void {
  out.set(bias);
  for (let f = 0; f < indices.length; f++) {
    const base = indices[f] * k;
    const value = values[f] * scale;
    for (let c = 0; c < k; c++) out[c] += value * weights[base + c];
  }
}

function softmaxInPlace(scores: Float64Array): void {
  let max = -Infinity;
  for (const score of scores) if (score > max) max = score;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    scores[c] = Math.exp(scores[c] - max);
    sum += scores[c];
  }
  for (let c = 0; c < scores.length; c++) scores[c] /= sum;
}

export function logisticRegressionTrainer(
  options: LogisticRegressionOptions = DEFAULT_LOGISTIC_REGRESSION_OPTIONS,
): ClassifierTrainer {
  return { name: 'crampbot n-gram logistic regression', train: (examples) => NgramLogisticRegression.train(examples, options) };
}
