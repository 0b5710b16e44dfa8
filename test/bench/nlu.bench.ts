import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readLabelledJsonl } from '../../src/cli/eval';
import { applyThreshold, chooseThreshold, crossValidate, scorePredictions, trainAndTest } from '../../src/nlu/evaluation';
import { loadRecognizer } from '../../src/nlu/loadRecognizer';
import { logisticRegressionTrainer, NgramLogisticRegression } from '../../src/nlu/logisticRegression';
import { naturalBayesTrainer, naturalLogisticRegressionTrainer } from '../../src/nlu/naturalBaselines';
import { loadNluCorpus } from '../../src/nlu/nluCorpus';
import type { ClassifierTrainer } from '../../src/nlu/textClassifier';
import { CORPUS_DIR, PROJECT_ROOT } from '../../src/paths';

/** The Braun et al. corpora (CC BY-SA 3.0; see test/fixtures/nlu-benchmarks/README.md). */
export const BRAUN_DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'nlu-benchmarks');
export const BRAUN_CORPORA = ['askubuntu', 'chatbot', 'webapps'] as const;

const f3 = (value: number): string => value.toFixed(3);

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function forceGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function braun(trainer: ClassifierTrainer): { perCorpus: Record<string, number>; overall: number } {
  const perCorpus: Record<string, number> = {};
  let correct = 0;
  let total = 0;
  for (const name of BRAUN_CORPORA) {
    const train = readLabelledJsonl(join(BRAUN_DIR, `braun-${name}.train.jsonl`));
    const test = readLabelledJsonl(join(BRAUN_DIR, `braun-${name}.test.jsonl`));
    const report = scorePredictions(trainAndTest(trainer, train, test).predictions);
    perCorpus[name] = report.accuracy;
    correct += report.correct;
    total += report.total;
  }
  return { perCorpus, overall: correct / total };
}

/** `npm run bench -- nlu`: classifier quality (cross-validation, Braun et al.), latency, training time, memory. */
export async function run(): Promise<void> {
  const corpus = loadNluCorpus(CORPUS_DIR);
  console.log(`load average ${loadavg().map((load) => load.toFixed(1)).join(' ')} on ${cpus().length} CPUs (timings below are wall clock)`);
  const ours = logisticRegressionTrainer();
  const fallback = 'out_of_scope';

  console.log(`cross-validation of corpus/nlu.yml, 5 folds, seed 42 (${corpus.examples.length} phrasings):`);
  console.log('  model                                               macro-F1  accuracy  oos recall  threshold');
  const cv = (name: string, trainer: ClassifierTrainer, threshold: number): void => {
    const run = crossValidate(trainer, corpus.examples, 5, 42);
    const report = scorePredictions(applyThreshold(run.predictions, threshold, fallback), fallback);
    console.log(
      `  ${name.padEnd(51)} ${f3(report.macroF1).padStart(8)}  ${f3(report.accuracy).padStart(8)}  ${f3(report.outOfScopeRecall ?? 0).padStart(10)}  ${threshold.toFixed(2).padStart(9)}`,
    );
  };
  cv(ours.name, ours, corpus.outOfScopeThreshold);
  for (const trainer of [naturalBayesTrainer(), naturalBayesTrainer(false)]) {
    const own = chooseThreshold(crossValidate(trainer, corpus.examples, 5, 42).predictions, fallback).threshold;
    cv(`${trainer.name}`, trainer, own);
  }
  console.log('  (natural logistic regression: not cross-validated here, it needs many minutes per fold on this corpus)');

  if (!existsSync(BRAUN_DIR)) throw new Error(`Braun et al. corpora not found at ${BRAUN_DIR}`);
  console.log('\nBraun et al. corpora (accuracy; overall = share of the 274 test sentences):');
  console.log('  model                                               askubuntu  chatbot  webapps  overall');
  const baselines = [naturalBayesTrainer(), naturalBayesTrainer(false), naturalLogisticRegressionTrainer(), naturalLogisticRegressionTrainer(false)];
  for (const trainer of [ours, ...baselines]) {
    const { perCorpus, overall } = braun(trainer);
    console.log(
      `  ${trainer.name.padEnd(51)} ${f3(perCorpus.askubuntu).padStart(9)}  ${f3(perCorpus.chatbot).padStart(7)}  ${f3(perCorpus.webapps).padStart(7)}  ${f3(overall).padStart(7)}`,
    );
  }

  const trainTimes: number[] = [];
  const startTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    let started = performance.now();
    NgramLogisticRegression.train(corpus.examples);
    trainTimes.push(performance.now() - started);
    started = performance.now();
    loadRecognizer(CORPUS_DIR);
    startTimes.push(performance.now() - started);
  }
  trainTimes.sort((a, b) => a - b);
  startTimes.sort((a, b) => a - b);
  console.log(
    `\ntraining on the whole corpus: median ${trainTimes[3].toFixed(0)} ms, worst ${trainTimes[6].toFixed(0)} ms;` +
      ` loadRecognizer (from the npm run build artefact): median ${startTimes[3].toFixed(0)} ms (target < 300 ms)`,
  );

  // Start-up as a fresh process sees it: cold JIT; the model from the artefact npm run build wrote.
  const coldScript = `const t = performance.now(); const cpu = process.cpuUsage();
const { loadRecognizer } = require(${JSON.stringify(join(__dirname, '..', '..', 'src', 'nlu', 'loadRecognizer'))});
loadRecognizer(${JSON.stringify(CORPUS_DIR)});
process.stdout.write(JSON.stringify([performance.now() - t, process.cpuUsage(cpu).user / 1000]));`;
  const cold = [0, 1, 2, 3, 4].map(() => JSON.parse(execFileSync(process.execPath, ['-e', coldScript], { encoding: 'utf8' })) as number[]);
  const coldWall = cold.map(([wall]) => wall).sort((a, b) => a - b);
  const coldCpu = cold.map(([, cpu]) => cpu).sort((a, b) => a - b);
  console.log(
    `loadRecognizer in a fresh process (require + read the artefact, cold JIT): median ${coldWall[2].toFixed(0)} ms wall ` +
      `(best ${coldWall[0].toFixed(0)}, worst ${coldWall[4].toFixed(0)}), ${coldCpu[2].toFixed(0)} ms CPU`,
  );

  const recognizer = loadRecognizer(CORPUS_DIR);
  const messages = [
    ...corpus.examples.map((example) => example.text),
    'ow ow calf locked wat do i do',
    'magnisium??',
    'is it my statins',
    '<at>crampbot</at> does tonic water help?',
    'my calf has been cramping every night for three weeks and I am getting really fed up with it, what can I do',
  ];
  for (let i = 0; i < 2000; i++) recognizer.classify(messages[i % messages.length]);
  const latencies: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const text of messages) {
      const started = performance.now();
      recognizer.classify(text);
      latencies.push(performance.now() - started);
    }
  }
  latencies.sort((a, b) => a - b);
  console.log(
    `classify one message (${latencies.length} calls): p50 ${(percentile(latencies, 0.5) * 1000).toFixed(0)} µs, ` +
      `p99 ${(percentile(latencies, 0.99) * 1000).toFixed(0)} µs (target p99 < 1 ms)`,
  );

  const gc = forceGc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const model = NgramLogisticRegression.train(corpus.examples);
  gc();
  const after = process.memoryUsage().heapUsed;
  console.log(
    `model memory: ${((after - before) / 1024 / 1024).toFixed(1)} MB of heap retained ` +
      `(weights and vocabulary estimated at ${(model.approximateBytes() / 1024 / 1024).toFixed(1)} MB)`,
  );
  void model.rank('keep the model alive until measured');
}
