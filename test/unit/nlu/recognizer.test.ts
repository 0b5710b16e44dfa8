import { loadRecognizer } from '../../../src/nlu/loadRecognizer';
import { CORPUS_DIR } from '../../../src/paths';

const recognizer = loadRecognizer(CORPUS_DIR);

describe('the intent recognizer trained from corpus/nlu.yml', () => {
  it.each([
    ['charley horse in my calf wat do i do', 'relief_now'],
    ['ow ow calf locked wat do i do', 'relief_now'],
    ['magnisium??', 'supplements'],
    ['is it my statins', 'medications'],
    ['does my water tablet cause this', 'medications'],
    ['hello', 'greeting'],
    ['?', 'help'],
    ['forget me', 'forget_me'],
    ['start over', 'cancel'],
  ])('understands %p as %s', (text, intent) => {
    expect(recognizer.classify(text).intent).toBe(intent);
  });

  it.each([
    ['my stomach cramps on my period'],
    ["writer's cramp in my hand"],
    ['what is the weather like tomorrow'],
  ])('treats %p as out of scope', (text) => {
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
