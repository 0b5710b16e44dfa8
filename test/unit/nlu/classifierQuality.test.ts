import { join } from 'node:path';
import { readLabelledJsonl } from '../../../src/cli/eval';
import { applyThreshold, chooseThreshold, crossValidate, scorePredictions, trainAndTest } from '../../../src/nlu/evaluation';
import { logisticRegressionTrainer } from '../../../src/nlu/logisticRegression';
import { loadNluCorpus } from '../../../src/nlu/nluCorpus';
import { CORPUS_DIR, PROJECT_ROOT } from '../../../src/paths';

// Floors just under the figures the README claims (`npm run bench` prints them): CV macro-F1 0.945, out-of-scope
// recall 0.942, Braun 0.94. A real loss of quality fails the build.
const trainer = logisticRegressionTrainer();
const corpus = loadNluCorpus(CORPUS_DIR);
const { predictions } = crossValidate(trainer, corpus.examples, 5, 42);

describe('classifier quality floors', () => {
  it('keeps 5-fold cross-validated macro-F1 on corpus/nlu.yml at 0.94 or more, out-of-scope recall at 0.93 or more', () => {
    const report = scorePredictions(applyThreshold(predictions, corpus.outOfScopeThreshold, 'out_of_scope'), 'out_of_scope');
    expect(report.macroF1).toBeGreaterThanOrEqual(0.94);
    expect(report.outOfScopeRecall).toBeGreaterThanOrEqual(0.93);
  });

  it('uses the out-of-scope threshold that cross-validation recommends (update corpus/nlu.yml when it changes)', () => {
    expect(corpus.outOfScopeThreshold).toBeCloseTo(chooseThreshold(predictions, 'out_of_scope').threshold, 2);
  });

  it('labels at least 93 % of the 274 Braun et al. test sentences correctly', () => {
    const dir = join(PROJECT_ROOT, 'test', 'fixtures', 'nlu-benchmarks');
    let correct = 0;
    let total = 0;
    for (const name of ['askubuntu', 'chatbot', 'webapps']) {
      const train = readLabelledJsonl(join(dir, `braun-${name}.train.jsonl`));
      const test = readLabelledJsonl(join(dir, `braun-${name}.test.jsonl`));
      const report = scorePredictions(trainAndTest(trainer, train, test).predictions);
      correct += report.correct;
      total += report.total;
    }
    expect(total).toBe(274);
    expect(correct / total).toBeGreaterThanOrEqual(0.93);
  });
});
