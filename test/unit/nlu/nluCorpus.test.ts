import { comparisonKey, loadNluCorpus, NluCorpusError, parseNluCorpus, validateNluCorpus } from '../../../src/nlu/nluCorpus';
import { INTENTS } from '../../../src/nlu/recognizer';
import { CORPUS_DIR } from '../../../src/paths';

describe('corpus/nlu.yml', () => {
  const corpus = loadNluCorpus(CORPUS_DIR);

  it('passes validation: known intents only, no duplicates, no phrasing under two intents', () => {
    expect(validateNluCorpus(corpus.examples, INTENTS)).toEqual([]);
  });

  it('has at least 60 phrasings for every intent and 150 out-of-scope ones', () => {
    for (const intent of INTENTS) {
      const count = corpus.examples.filter((example) => example.intent === intent).length;
      expect({ intent, enough: count >= (intent === 'out_of_scope' ? 150 : 60) }).toEqual({ intent, enough: true });
    }
  });

  it('keeps phrasings chat-sized (1 to 30 words)', () => {
    const tooLong = corpus.examples.filter((example) => example.text.split(/\s+/).length > 30);
    expect(tooLong).toEqual([]);
  });

  it('includes near misses that must stay out of scope', () => {
    const outOfScope = corpus.examples.filter((example) => example.intent === 'out_of_scope').map((e) => e.text);
    for (const topic of [/stomach/, /period/, /writer/, /hand/, /headache/, /back/, /child|son|daughter|kid/]) {
      expect(outOfScope.some((text) => topic.test(text))).toBe(true);
    }
  });

  it('sets an out-of-scope threshold in [0, 1)', () => {
    expect(corpus.outOfScopeThreshold).toBeGreaterThan(0);
    expect(corpus.outOfScopeThreshold).toBeLessThan(1);
  });
});

describe('validateNluCorpus', () => {
  it('reports a phrasing repeated under one intent, ignoring case, punctuation and emoji', () => {
    const problems = validateNluCorpus([
      { text: 'Does magnesium help?', intent: 'supplements' },
      { text: 'does magnesium help 👍', intent: 'supplements' },
    ]);
    expect(problems).toEqual(['duplicate under supplements: "does magnesium help 👍" (same as "Does magnesium help?")']);
  });

  it('reports one phrasing under two intents', () => {
    const problems = validateNluCorpus([
      { text: "that's all", intent: 'goodbye' },
      { text: 'thats all!', intent: 'cancel' },
    ]);
    expect(problems).toEqual(['"thats all!" is under both goodbye and cancel']);
  });

  it('reports unknown intents, intents without phrasings and empty phrasings', () => {
    const problems = validateNluCorpus(
      [
        { text: 'hi', intent: 'greeting' },
        { text: 'book a taxi', intent: 'taxi' },
        { text: '  ', intent: 'greeting' },
      ],
      ['greeting', 'goodbye'],
    );
    expect(problems).toEqual(['empty phrasing under greeting', 'intent goodbye has no phrasings', 'unknown intent taxi']);
  });
});

describe('parseNluCorpus', () => {
  it('reads intents, phrasings and the threshold', () => {
    const corpus = parseNluCorpus('outOfScopeThreshold: 0.4\nintents:\n  - intent: greeting\n    examples: [hi, "?"]\n');
    expect(corpus).toEqual({
      outOfScopeThreshold: 0.4,
      examples: [
        { text: 'hi', intent: 'greeting' },
        { text: '?', intent: 'greeting' },
      ],
    });
  });

  it('reads Rasa\'s block form, one "- phrasing" a line, taking the text as it is', () => {
    const corpus = parseNluCorpus('intents:\n  - intent: help\n    examples: |\n      - ?\n      - what can you do: tell me\n\n      - yes\n');
    expect(corpus.examples.map((example) => example.text)).toEqual(['?', 'what can you do: tell me', 'yes']);
  });

  it('names the problem in a malformed file', () => {
    expect(() => parseNluCorpus('intents:\n  - intent: help\n    examples: |\n      menu\n')).toThrow(/"menu" should start with "- "/);
    expect(() => parseNluCorpus('intents: {}')).toThrow(NluCorpusError);
    expect(() => parseNluCorpus('intents:\n  - intent: greeting\n')).toThrow(/intents\[0\]/);
    expect(() => parseNluCorpus('outOfScopeThreshold: 2\nintents: []')).toThrow(/outOfScopeThreshold/);
  });
});

describe('held-out sentences', () => {
  it('keeps every test sentence out of corpus/nlu.yml (the recognizer tests and the folded probe batches)', () => {
    const { readdirSync, readFileSync, existsSync } = require('node:fs') as typeof import('node:fs');
    const { join } = require('node:path') as typeof import('node:path');
    const { UNDERSTOOD, OUT_OF_SCOPE } = require('./intentCases') as typeof import('./intentCases');
    const probes = ['intent-probes', 'domain-probes']
      .map((dir) => join(CORPUS_DIR, dir))
      .filter((dir) => existsSync(dir))
      .flatMap((dir) => readdirSync(dir).filter((file) => file.endsWith('.jsonl')).map((file) => join(dir, file)))
      .flatMap((file) => readFileSync(file, 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { text: string }).text));
    const sentences = [...UNDERSTOOD.map(([text]) => text), ...OUT_OF_SCOPE, ...probes];
    expect(probes.length).toBeGreaterThan(150);
    const training = new Set(loadNluCorpus(CORPUS_DIR).examples.map((example) => comparisonKey(example.text)));
    expect(sentences.filter((text) => training.has(comparisonKey(text)))).toEqual([]);
  });
});
