import { IntentRecognizer } from '../../../src/nlu/intentRecognizer';
import { intentModelArtefact, loadRecognizer } from '../../../src/nlu/loadRecognizer';
import { NgramLogisticRegression } from '../../../src/nlu/logisticRegression';
import { loadNluCorpus } from '../../../src/nlu/nluCorpus';
import { CORPUS_DIR } from '../../../src/paths';
import { OUT_OF_SCOPE, UNDERSTOOD } from './intentCases';

const recognizer = loadRecognizer(CORPUS_DIR);

describe('the intent recognizer trained from corpus/nlu.yml', () => {
  // None of these is in corpus/nlu.yml (test/unit/nlu/nluCorpus.test.ts checks): they are held out.
  it.each(UNDERSTOOD)('understands %p as %s', (text, intent) => {
    expect(recognizer.classify(text).intent).toBe(intent);
  });

  it.each(OUT_OF_SCOPE.map((text) => [text]))('treats %p as out of scope', (text) => {
    expect(recognizer.classify(text).intent).toBe('out_of_scope');
  });

  it('strips a Teams mention before classifying', () => {
    expect(recognizer.classify('<at>crampbot</at> should I take magnesium?').intent).toBe('supplements');
  });

  it('answers out_of_scope with score 0 for a message without words', () => {
    expect(recognizer.classify('🙂🙂🙂')).toEqual({ intent: 'out_of_scope', score: 0 });
    expect(recognizer.classify('')).toEqual({ intent: 'out_of_scope', score: 0 });
  });

  it('gives a confidence between 0 and 1', () => {
    for (const text of ['hi', 'why do i get cramps', 'asdf qwerty', 'x'.repeat(10_000)]) {
      const { score } = recognizer.classify(text);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('gives identical results when trained twice', () => {
    const again = loadRecognizer(CORPUS_DIR);
    for (const text of ['is quinine safe', 'my calf hurts', 'thanks bye', 'tonic water??']) {
      expect(again.classify(text)).toEqual(recognizer.classify(text));
    }
  });
});

describe('the intent model as npm run build stores it', () => {
  it('classifies every phrasing, typo and stranger exactly as the model it was saved from', () => {
    const trained = NgramLogisticRegression.train(loadNluCorpus(CORPUS_DIR).examples);
    const restored = NgramLogisticRegression.deserialize(JSON.parse(JSON.stringify(trained.serialize())));
    const texts = [
      ...loadNluCorpus(CORPUS_DIR).examples.map((example) => example.text),
      'magnisium??', 'my calve seized up in bed wat do i do', 'quinnine', 'asdf qwerty', '?', '',
    ];
    for (const text of texts) expect(restored.rank(text)).toEqual(trained.rank(text));
  });

  it('gives the recognizer the same answers whether it was loaded from the artefact or trained', () => {
    const model = intentModelArtefact(CORPUS_DIR).build();
    const fromArtefact = new IntentRecognizer(NgramLogisticRegression.deserialize(JSON.parse(JSON.stringify(model.model))), model.outOfScopeThreshold);
    for (const text of ['is quinine safe', 'my calf hurts', 'thanks bye', 'tonic water??', 'what is the weather']) {
      expect(fromArtefact.classify(text)).toEqual(recognizer.classify(text));
    }
  });
});
