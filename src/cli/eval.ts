import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  applyThreshold,
  chooseThreshold,
  crossValidate,
  scorePredictions,
  trainAndTest,
  type EvaluationReport,
  type EvaluationRun,
} from '../nlu/evaluation';
import { logisticRegressionTrainer } from '../nlu/logisticRegression';
import { naturalBayesTrainer, naturalLogisticRegressionTrainer } from '../nlu/naturalBaselines';
import { loadNluCorpus, validateNluCorpus } from '../nlu/nluCorpus';
import { INTENTS } from '../nlu/recognizer';
import type { ClassifierTrainer, LabelledText } from '../nlu/textClassifier';
import { CORPUS_DIR } from '../paths';
import { numberOption, parseCommandLine, UsageError, type CliIo } from './cliIo';

const TRAINERS: Record<string, ClassifierTrainer> = {
  ngram: logisticRegressionTrainer(),
  'natural-bayes': naturalBayesTrainer(),
  'natural-lr': naturalLogisticRegressionTrainer(),
};

const USAGE = `Usage: crampbot eval [options]
  (default)              k-fold cross-validation of corpus/nlu.yml, after validating it
  --train a.jsonl --test b.jsonl   train on one labelled corpus ({"text","intent"} lines), test on another
  --folds N              folds for cross-validation (default 5)
  --seed N               shuffling seed (default 42; same seed, same numbers)
  --model NAME           ${Object.keys(TRAINERS).join(' | ')} (default ngram)
  --compare              the models side by side (natural-lr only with --train/--test: it is slow)
  --threshold X          below this confidence predict the fallback label (default: the corpus's
                         outOfScopeThreshold; 0 with --train/--test)
  --fallback LABEL       the out-of-scope label (default out_of_scope)
  --corpus DIR           corpus directory (default the project's corpus/)
  --json                 one JSON object (top-level accuracy and macroF1) instead of the report
`;

interface EvalOptions {
  train?: string;
  test?: string;
  folds: number;
  seed: number;
  model: string;
  compare: boolean;
  threshold?: number;
  fallback: string;
  corpusDir: string;
  json: boolean;
}

function evalOptions(args: string[]): EvalOptions {
  const text = { type: 'string' } as const;
  const flag = { type: 'boolean', default: false } as const;
  const { values } = parseCommandLine(() =>
    parseArgs({
      args,
      options: { train: text, test: text, folds: text, seed: text, model: text, threshold: text, fallback: text, corpus: text, compare: flag, json: flag },
      strict: true,
    }),
  );
  const options: EvalOptions = {
    train: values.train,
    test: values.test,
    folds: numberOption('folds', values.folds, 5),
    seed: numberOption('seed', values.seed, 42),
    model: values.model ?? 'ngram',
    compare: values.compare,
    threshold: values.threshold === undefined ? undefined : numberOption('threshold', values.threshold, 0),
    fallback: values.fallback ?? 'out_of_scope',
    corpusDir: values.corpus ?? CORPUS_DIR,
    json: values.json,
  };
  if (!TRAINERS[options.model]) throw new UsageError(`unknown model ${options.model}`);
  if ((options.train === undefined) !== (options.test === undefined)) throw new UsageError('--train and --test go together');
  if (!Number.isInteger(options.folds) || options.folds < 2) throw new UsageError('--folds needs a whole number of at least 2');
  return options;
}

/** Reads `{"text","intent"}` lines; blank lines are skipped, anything else malformed is an error. */
export function readLabelledJsonl(file: string): LabelledText[] {
  const examples: LabelledText[] = [];
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === '') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new UsageError(`${file}:${index + 1}: not JSON`);
      }
      const { text, intent } = (parsed ?? {}) as { text?: unknown; intent?: unknown };
      if (typeof text !== 'string' || typeof intent !== 'string') {
        throw new UsageError(`${file}:${index + 1}: needs string "text" and "intent"`);
      }
      examples.push({ text, intent });
    });
  return examples;
}

interface ModelResult {
  model: string;
  threshold: number;
  suggestedThreshold: number | null;
  report: EvaluationReport;
  run: EvaluationRun;
}

function evaluateModel(trainer: ClassifierTrainer, options: EvalOptions, data: Data): ModelResult {
  const run = data.test
    ? trainAndTest(trainer, data.train, data.test)
    : crossValidate(trainer, data.train, options.folds, options.seed);
  const hasFallback = run.predictions.some((p) => p.expected === options.fallback);
  const threshold = options.threshold ?? data.threshold;
  const report = scorePredictions(applyThreshold(run.predictions, threshold, options.fallback), options.fallback);
  const suggestedThreshold = hasFallback && !data.test ? chooseThreshold(run.predictions, options.fallback).threshold : null;
  return { model: trainer.name, threshold, suggestedThreshold, report, run };
}

interface Data {
  train: LabelledText[];
  test?: LabelledText[];
  threshold: number;
  description: string;
}

function loadData(options: EvalOptions, io: CliIo): Data | undefined {
  if (options.train && options.test) {
    const train = readLabelledJsonl(options.train);
    const test = readLabelledJsonl(options.test);
    return { train, test, threshold: 0, description: `trained on ${options.train} (${train.length}), tested on ${options.test} (${test.length})` };
  }
  const corpus = loadNluCorpus(options.corpusDir);
  const problems = validateNluCorpus(corpus.examples, INTENTS);
  if (problems.length > 0) {
    io.stderr.write(`crampbot eval: corpus/nlu.yml has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return undefined;
  }
  const intents = new Set(corpus.examples.map((example) => example.intent)).size;
  return {
    train: corpus.examples,
    threshold: corpus.outOfScopeThreshold,
    description: `${options.folds}-fold cross-validation of corpus/nlu.yml (seed ${options.seed}): ${corpus.examples.length} phrasings, ${intents} intents`,
  };
}

const f3 = (value: number): string => value.toFixed(3);
const ms = (value: number): string => (value < 10 ? value.toFixed(3) : value.toFixed(0));

function formatReport(result: ModelResult, data: Data): string {
  const { report, run } = result;
  const lines = [
    `crampbot eval: ${data.description}`,
    `model: ${result.model}; threshold ${result.threshold.toFixed(2)}` +
      (result.suggestedThreshold === null ? '' : ` (cross-validation suggests ${result.suggestedThreshold.toFixed(2)})`),
    '',
    `accuracy ${f3(report.accuracy)} (${report.correct}/${report.total})   macro-F1 ${f3(report.macroF1)}` +
      (report.outOfScopeRecall === null ? '' : `   out-of-scope recall ${f3(report.outOfScopeRecall)}`),
    `training ${ms(run.timings.trainMs)} ms per model; classify p50 ${ms(run.timings.classifyP50Ms)} ms, p99 ${ms(run.timings.classifyP99Ms)} ms`,
    '',
    `${'intent'.padEnd(26)}precision  recall     f1  support`,
    ...report.perLabel.map(
      (s) => `${s.label.padEnd(26)}${f3(s.precision).padStart(9)}${f3(s.recall).padStart(8)}${f3(s.f1).padStart(7)}${String(s.support).padStart(9)}`,
    ),
    '',
    'worst confusions (expected → predicted):',
    ...(report.confusions.length === 0
      ? ['  none']
      : report.confusions.slice(0, 10).map((c) => `  ${String(c.count).padStart(3)}  ${c.expected} → ${c.predicted}   e.g. ${c.examples.map((e) => JSON.stringify(e)).join(', ')}`)),
  ];
  return `${lines.join('\n')}\n`;
}

function formatComparison(results: ModelResult[]): string {
  const header = `${'model'.padEnd(38)}accuracy  macro-F1  oos recall  threshold  train ms  p99 ms`;
  const rows = results.map(
    (r) =>
      `${r.model.padEnd(38)}${f3(r.report.accuracy).padStart(8)}${f3(r.report.macroF1).padStart(10)}` +
      `${(r.report.outOfScopeRecall === null ? '-' : f3(r.report.outOfScopeRecall)).padStart(12)}` +
      `${r.threshold.toFixed(2).padStart(11)}${ms(r.run.timings.trainMs).padStart(10)}${ms(r.run.timings.classifyP99Ms).padStart(8)}`,
  );
  return `${[header, ...rows].join('\n')}\n`;
}

function toJson(result: ModelResult): Record<string, unknown> {
  return {
    model: result.model,
    accuracy: result.report.accuracy,
    macroF1: result.report.macroF1,
    outOfScopeRecall: result.report.outOfScopeRecall,
    threshold: result.threshold,
    suggestedThreshold: result.suggestedThreshold,
    total: result.report.total,
    correct: result.report.correct,
    perIntent: result.report.perLabel,
    confusions: result.report.confusions,
    timings: result.run.timings,
  };
}

/** `crampbot eval` (SPEC §6): validates the corpus, cross-validates or trains/tests, prints the report. */
export async function evaluate(args: string[], io: CliIo): Promise<number> {
  let options: EvalOptions;
  let data: Data | undefined;
  try {
    options = evalOptions(args);
    data = loadData(options, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`crampbot eval: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (!data) return 1;
  // natural's logistic regression needs minutes per fold on corpus/nlu.yml: compared on --train/--test only.
  const names = options.compare
    ? Object.keys(TRAINERS).filter((name) => name !== 'natural-lr' || data.test !== undefined)
    : [options.model];
  // With --compare each model gets its own cross-validated threshold, so the comparison is fair.
  const results = names.map((name) => {
    const first = evaluateModel(TRAINERS[name], options, data);
    if (!options.compare || options.threshold !== undefined || first.suggestedThreshold === null) return first;
    return evaluateModel(TRAINERS[name], { ...options, threshold: first.suggestedThreshold }, data);
  });
  const main = results.find((r) => r.model === TRAINERS[options.model].name) ?? results[0];
  if (options.json) {
    const extra = options.compare ? { models: results.map(toJson) } : {};
    io.stdout.write(`${JSON.stringify({ mode: data.test ? 'train-test' : 'cross-validation', folds: data.test ? undefined : options.folds, seed: options.seed, ...toJson(main), ...extra })}\n`);
  } else {
    io.stdout.write(formatReport(main, data));
    if (options.compare) {
      const note = data.test
        ? ''
        : ' (each with its own cross-validated threshold; natural-lr only with --train/--test, it needs minutes per fold here)';
      io.stdout.write(`\nside by side${note}:\n${formatComparison(results)}`);
    }
  }
  return 0;
}
