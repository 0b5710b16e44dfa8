import { SpellingCorrector } from './spellingCorrector';
import {
  countTokenFeatures,
  DEFAULT_FEATURE_OPTIONS,
  extractFeatures,
  isWordFeature,
  tokenize,
  type FeatureKey,
  type FeatureOptions,
} from './textFeatures';
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
  /** Examples whose largest probability error is below this are not used for an update (speed). */
  skipBelowError: number;
  /** Weigh each label's examples inversely to its share, so a large label (out_of_scope) does not swallow the rest. */
  balanceClasses: boolean;
  /** A feature must occur in at least this many training phrasings to get a weight. */
  minFeatureCount: number;
  /** Weigh features by inverse document frequency, so words every intent shares ("how", "can") count less. */
  idf: boolean;
}

export const DEFAULT_LOGISTIC_REGRESSION_OPTIONS: LogisticRegressionOptions = {
  features: DEFAULT_FEATURE_OPTIONS,
  epochs: 10,
  learningRate: 1.5,
  l2: 1e-4,
  seed: 42,
  skipBelowError: 0.05,
  balanceClasses: false,
  minFeatureCount: 2,
  idf: true,
};

/** Label errors below this are left out of an SGD update: they would change the weights by nothing visible. */
const NEGLIGIBLE_ERROR = 1e-3;
const RECHECK_EVERY = 4;

/**
 * The code a trained model depends on: a corpus artefact holding one lists these, so that a change to how text becomes
 * features retrains it.
 */
export const MODEL_CODE_FILES = [
  __filename,
  require.resolve('./textFeatures'),
  require.resolve('./spellingCorrector'),
  require.resolve('../understanding/normalise'),
  require.resolve('../understanding/natural'),
];

/**
 * A trained NgramLogisticRegression as JSON-safe data, for the build artefact (src/corpusArtefact.ts). Weights go
 * as base64 of their float64 bytes: exact, half the size of a JSON array of ~90,000 numbers and several times
 * quicker to read back (2 ms against 12 ms here).
 */
export interface SerializedLogisticRegression {
  labels: string[];
  features: FeatureOptions;
  /** Feature keys in weight-row order: little-endian uint32, base64. */
  vocabulary: string;
  /** Little-endian float64, base64, feature-major: weights[feature * labels + label]. */
  weights: string;
  bias: number[];
  /** Inverse document frequency of each vocabulary feature, in vocabulary order (little-endian float64, base64); null without idf. */
  idf: string | null;
  unseenIdf: number;
  /** The spelling corrector's vocabulary; null when the model does not correct spelling. */
  wordCounts: Array<[string, number]> | null;
}

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
 * L2 regularisation. Plain TypeScript, no native code, deterministic (seeded shuffles); trains on the
 * 2,300 phrasings of corpus/nlu.yml in about 150 ms.
 */
export class NgramLogisticRegression implements TextClassifier {
  private constructor(
    private readonly labels: readonly string[],
    private readonly vocabulary: ReadonlyMap<FeatureKey, number>,
    /** Feature-major weights: weights[feature * labels + label]. */
    private readonly weights: Float64Array,
    private readonly bias: Float64Array,
    private readonly features: FeatureOptions,
    private readonly corrector: SpellingCorrector | undefined,
    /** Inverse document frequency of each feature, when the options ask for it (else empty: weight 1). */
    private readonly idf: ReadonlyMap<FeatureKey, number>,
    private readonly unseenIdf: number,
  ) {}

  private featuresOf(text: string): Map<FeatureKey, number> {
    return extractFeatures(text, this.features, this.correct, this.weightOf);
  }

  private readonly correct = (word: string): string => (this.corrector ? this.corrector.correct(word) : word);

  private readonly weightOf = (key: FeatureKey): number => this.idf.get(key) ?? this.unseenIdf;

  static train(
    examples: readonly LabelledText[],
    options: LogisticRegressionOptions = DEFAULT_LOGISTIC_REGRESSION_OPTIONS,
  ): NgramLogisticRegression {
    if (examples.length === 0) throw new Error('cannot train a classifier without examples');
    const labels = [...new Set(examples.map((example) => example.intent))].sort();
    const labelIndex = new Map(labels.map((label, index) => [label, index]));
    const tokenized = examples.map((example) => tokenize(example.text));
    const wordCounts = new Map<string, number>();
    for (const tokens of tokenized) {
      for (const token of tokens) wordCounts.set(token, (wordCounts.get(token) ?? 0) + 1);
    }
    const corrector = options.features.spellingCorrection ? new SpellingCorrector(wordCounts) : undefined;
    const counted = tokenized.map((tokens) => countTokenFeatures(tokens, options.features));
    // Features seen in fewer than minFeatureCount phrasings are dropped: they cannot generalise, and a
    // smaller weight table trains faster.
    const documentFrequency = new Map<FeatureKey, number>();
    for (const counts of counted) {
      for (const key of counts.keys()) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
    }
    const idf = new Map<FeatureKey, number>();
    const unseenIdf = options.idf ? 1 + Math.log(examples.length + 1) : 1;
    const vocabulary = new Map<FeatureKey, number>();
    for (const [key, count] of documentFrequency) {
      if (count < options.minFeatureCount) continue;
      vocabulary.set(key, vocabulary.size);
      if (options.idf) idf.set(key, 1 + Math.log((examples.length + 1) / (count + 1)));
    }
    // A feature too rare to keep weighs as much as an unseen one, in training as in classifying.
    const weightOf = (key: FeatureKey): number => idf.get(key) ?? unseenIdf;
    const vectors = counted.map((counts) => toSparseVector(counts, vocabulary, weightOf, options.features));
    const targets = examples.map((example) => labelIndex.get(example.intent) as number);
    const labelCounts = new Float64Array(labels.length);
    for (const target of targets) labelCounts[target]++;
    const exampleWeight = (target: number): number =>
      options.balanceClasses ? examples.length / (labels.length * labelCounts[target]) : 1;

    const k = labels.length;
    const sgd = new SoftmaxSgd(vocabulary.size, k);
    // Phrasings the model already fits are looked at again only every few epochs (most of them, soon).
    const settled = new Uint8Array(examples.length);
    const random = seededRandom(options.seed);
    const order = examples.map((_, index) => index);
    let step = 0;
    const decaySteps = examples.length * 2;
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      const recheck = epoch % RECHECK_EVERY === 0;
      for (const index of order) {
        if (settled[index] && !recheck) continue;
        const decayed = options.learningRate / (1 + step / decaySteps);
        step++;
        const fits = sgd.step(vectors[index], targets[index], decayed * exampleWeight(targets[index]), decayed * options.l2, options.skipBelowError);
        settled[index] = fits ? 1 : 0;
      }
    }
    const { weights, bias } = sgd.finish();
    return new NgramLogisticRegression(labels, vocabulary, weights, bias, options.features, corrector, idf, unseenIdf);
  }

  /** The model as data; `deserialize` gives back a model that ranks every text exactly as this one does. */
  serialize(): SerializedLogisticRegression {
    const vocabulary = [...this.vocabulary.keys()];
    return {
      labels: [...this.labels],
      features: { ...this.features },
      vocabulary: toBase64(Uint32Array.from(vocabulary)),
      weights: toBase64(this.weights),
      bias: [...this.bias],
      idf: this.idf.size > 0 ? toBase64(Float64Array.from(vocabulary, (key) => this.idf.get(key) ?? this.unseenIdf)) : null,
      unseenIdf: this.unseenIdf,
      wordCounts: this.corrector ? this.corrector.wordCounts() : null,
    };
  }

  static deserialize(data: SerializedLogisticRegression): NgramLogisticRegression {
    const weights = fromBase64(data.weights, Float64Array);
    const keys = fromBase64(data.vocabulary, Uint32Array);
    const idfs = data.idf === null ? undefined : fromBase64(data.idf, Float64Array);
    if (weights.length !== keys.length * data.labels.length || (idfs && idfs.length !== keys.length)) {
      throw new Error('a saved model whose weights do not match its vocabulary');
    }
    const vocabulary = new Map<FeatureKey, number>();
    const idf = new Map<FeatureKey, number>();
    keys.forEach((key, index) => {
      vocabulary.set(key, index);
      if (idfs) idf.set(key, idfs[index]!);
    });
    const corrector = data.wordCounts ? new SpellingCorrector(new Map(data.wordCounts)) : undefined;
    return new NgramLogisticRegression(data.labels, vocabulary, weights, Float64Array.from(data.bias), data.features, corrector, idf, data.unseenIdf);
  }

  rank(text: string): ScoredLabel[] {
    const k = this.labels.length;
    const scores = new Float64Array(k);
    scores.set(this.bias);
    for (const [key, value] of this.featuresOf(text)) {
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
    // A Map entry of two small integers costs about 20 bytes in V8; the idf map is the same size.
    return this.weights.byteLength + this.bias.byteLength + 2 * 20 * this.vocabulary.size;
  }
}

/**
 * The SGD state of multinomial logistic regression. Weight decay goes through a shared scale factor
 * (true weight = scale * stored weight), so L2 stays exact while each step touches only the features
 * present in the example. A class of its own, so V8 optimises the hot loop early.
 */
class SoftmaxSgd {
  /** Feature-major: weights[feature * labels + label]. */
  private readonly weights: Float64Array;
  private readonly bias: Float64Array;
  private readonly probabilities: Float64Array;
  private readonly active: Int32Array;
  private scale = 1;

  constructor(
    features: number,
    private readonly labels: number,
  ) {
    this.weights = new Float64Array(features * labels);
    this.bias = new Float64Array(labels);
    this.probabilities = new Float64Array(labels);
    this.active = new Int32Array(labels);
  }

  /** One update on one example; true when the example already fits (largest error below `skipBelow`). */
  step(vector: SparseVector, target: number, rate: number, decay: number, skipBelow: number): boolean {
    const { indices, values } = vector;
    const { weights, bias, probabilities, active, labels: k } = this;
    scoreInto(probabilities, indices, values, weights, bias, k, this.scale);
    softmaxInPlace(probabilities);
    probabilities[target] -= 1;
    this.scale *= 1 - decay;
    // An example the model already fits would move the weights by almost nothing: skip it;
    // otherwise update only the labels whose error is not negligible.
    let largestError = 0;
    let activeCount = 0;
    for (let c = 0; c < k; c++) {
      const error = Math.abs(probabilities[c]);
      if (error > largestError) largestError = error;
      if (error >= NEGLIGIBLE_ERROR) active[activeCount++] = c;
    }
    if (largestError < skipBelow) return true;
    const stepOverScale = rate / this.scale;
    for (let f = 0; f < indices.length; f++) {
      const base = indices[f] * k;
      const value = values[f] * stepOverScale;
      for (let a = 0; a < activeCount; a++) {
        const c = active[a];
        weights[base + c] -= value * probabilities[c];
      }
    }
    for (let c = 0; c < k; c++) bias[c] -= rate * probabilities[c];
    if (this.scale < 1e-6) this.applyScale();
    return false;
  }

  finish(): { weights: Float64Array; bias: Float64Array } {
    this.applyScale();
    return { weights: this.weights, bias: this.bias };
  }

  private applyScale(): void {
    for (let w = 0; w < this.weights.length; w++) this.weights[w] *= this.scale;
    this.scale = 1;
  }
}

/** weighFeatures, written straight into arrays of known features (training makes thousands of these). */
function toSparseVector(
  counts: ReadonlyMap<FeatureKey, number>,
  vocabulary: ReadonlyMap<FeatureKey, number>,
  weightOf: (key: FeatureKey) => number,
  options: FeatureOptions,
): SparseVector {
  let wordSquares = 0;
  let charSquares = 0;
  for (const [key, count] of counts) {
    const value = (1 + Math.log(count)) * weightOf(key);
    if (isWordFeature(key)) wordSquares += value * value;
    else charSquares += value * value;
  }
  const wordScale = wordSquares > 0 ? options.wordWeight / Math.sqrt(wordSquares) : 0;
  const charScale = charSquares > 0 ? options.charWeight / Math.sqrt(charSquares) : 0;
  const indices = new Int32Array(counts.size);
  const values = new Float64Array(counts.size);
  let kept = 0;
  for (const [key, count] of counts) {
    const index = vocabulary.get(key);
    if (index === undefined) continue;
    indices[kept] = index;
    values[kept] = (1 + Math.log(count)) * weightOf(key) * (isWordFeature(key) ? wordScale : charScale);
    kept++;
  }
  return { indices: indices.subarray(0, kept), values: values.subarray(0, kept) };
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

/**
 * Numbers as little-endian bytes in base64, smaller and quicker to read than JSON arrays of numbers: the second opinion's
 * artefact is 2.5 MB rather than 3.2 MB, and loading it took about 290 ms rather than 385 in a fresh process (stop 53).
 */
function toBase64(array: Float64Array | Uint32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

function fromBase64<T extends Float64Array | Uint32Array>(text: string, Type: { new (length: number): T; BYTES_PER_ELEMENT: number }): T {
  const bytes = Buffer.from(text, 'base64');
  // A copy into its own buffer: Buffer.from may hand back a slice of a shared pool, not aligned for the type.
  const array = new Type(bytes.byteLength / Type.BYTES_PER_ELEMENT);
  new Uint8Array(array.buffer).set(bytes);
  return array;
}
