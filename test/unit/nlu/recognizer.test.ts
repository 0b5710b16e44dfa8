import { loadRecognizer } from '../../../src/nlu/loadRecognizer';
import { NgramLogisticRegression } from '../../../src/nlu/logisticRegression';
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
