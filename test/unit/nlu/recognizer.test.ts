import { IntentRecognizer } from '../../../src/nlu/intentRecognizer';
import { intentModelArtefact, loadRecognizer } from '../../../src/nlu/loadRecognizer';
import { NgramLogisticRegression } from '../../../src/nlu/logisticRegression';
import { comparisonKey, loadNluCorpus } from '../../../src/nlu/nluCorpus';
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
    ['my calve seized up in bed wat do i do', 'relief_now'],
    ['does my water pill cause cramps', 'medications'],
    ['do statns cause cramp', 'medications'],
    ['is tonic water any good for cramps', 'supplements'],
    ['quinnine for cramps?', 'quinine'],
    ['why do i keep getting cramps at night', 'triggers'],
    ['stretches to stop cramps coming back', 'prevention'],
    ['should i see my gp about these cramps', 'see_doctor'],
    ['how common are leg cramps in older people', 'how_common'],
    ['what can you do', 'help'],
    ['thanks that is all', 'goodbye'],
    ['erase what you know about me', 'forget_me'],
    ['is ibuprofen any good for leg cramps', 'relief_now'],
    ['what painkiller should i take for a calf cramp', 'relief_now'],
  ])('understands %p as %s', (text, intent) => {
    expect(recognizer.classify(text).intent).toBe(intent);
  });

  it.each([
    ['my stomach cramps on my period'],
    ["writer's cramp in my hand"],
    ['what is the weather like tomorrow'],
    ['period cramps are awful this month'],
    ['my hand cramps when i write'],
    ['i have a pounding headache'],
    ['my lower back is killing me'],
    ['my son gets leg cramps at night, what should i do'],
    ['are growing pains normal in children'],
    ['book me a table for tonight'],
  ])('treats %p as out of scope', (text) => {
    expect(recognizer.classify(text).intent).toBe('out_of_scope');
  });

  it('still understands the issue\'s own examples when they are held out of training', () => {
    const cases: Array<[string, string]> = [
      ['charley horse in my calf wat do i do', 'relief_now'],
      ['ow ow calf locked wat do i do', 'relief_now'],
      ['magnisium??', 'supplements'],
      ['is it my statins', 'medications'],
      ['does my water tablet cause this', 'medications'],
      ['my stomach cramps on my period', 'out_of_scope'],
      ["writer's cramp in my hand", 'out_of_scope'],
    ];
    const heldOut = new Set(cases.map(([text]) => comparisonKey(text)));
    const corpus = loadNluCorpus(CORPUS_DIR);
    const training = corpus.examples.filter((example) => !heldOut.has(comparisonKey(example.text)));
    expect(training.length).toBe(corpus.examples.length - cases.length);
    const heldOutRecognizer = new IntentRecognizer(NgramLogisticRegression.train(training), corpus.outOfScopeThreshold);
    expect(cases.map(([text]) => [text, heldOutRecognizer.classify(text).intent])).toEqual(cases);
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
