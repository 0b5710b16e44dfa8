import { SpellingCorrector } from '../../../src/nlu/spellingCorrector';
import { extractFeatures, isWordFeature, normaliseMessage, tokenize } from '../../../src/nlu/textFeatures';

describe('tokenize', () => {
  it('drops a Teams mention, markup, emoji and punctuation but keeps stop words', () => {
    expect(tokenize('<at>CrampBot</at> What can   I do?? 😖 <b>now</b>')).toEqual(['what', 'can', 'i', 'do', '?', 'now']);
  });

  it('spells contractions out (curly or straight apostrophe, or none) and keeps A&E and numbers whole', () => {
    expect(tokenize('Don’t I need A&E or 111?')).toEqual(['do', 'not', 'i', 'need', 'a&e', 'or', '111', '?']);
    expect(tokenize('dont I need A&E')).toEqual(tokenize("don't I need A&E"));
  });

  it('lower-cases and normalises Unicode forms', () => {
    expect(normaliseMessage('ＭＡＧＮＥＳＩＵＭ')).toBe('magnesium');
  });
});

describe('extractFeatures', () => {
  it('gives a typo most of the character n-grams of the word it stands for', () => {
    const typed = extractFeatures('magnisium');
    const shared = [...extractFeatures('magnesium').keys()].filter((key) => !isWordFeature(key) && typed.has(key));
    expect(shared.length).toBeGreaterThanOrEqual(5);
  });

  it('tells word features from character n-grams, and keeps stop words as features', () => {
    const features = [...extractFeatures('how do i').keys()];
    expect(features.filter(isWordFeature)).toHaveLength(3 + 4);
    expect(extractFeatures('how do i').size).toBeGreaterThan(extractFeatures('do i').size);
  });

  it('has no features for a message of emoji only', () => {
    expect(extractFeatures('🙂🙂').size).toBe(0);
  });
});

describe('SpellingCorrector', () => {
  const corrector = new SpellingCorrector(
    new Map([
      ['help', 5],
      ['magnesium', 3],
      ['statins', 2],
      ['cramp', 9],
      ['camp', 1],
    ]),
  );

  it.each([
    ['hlep', 'help'],
    ['magnesiun', 'magnesium'],
    ['statns', 'statins'],
    ['crampp', 'cramp'],
  ])('corrects %p to %p', (typed, known) => {
    expect(corrector.correct(typed)).toBe(known);
  });

  it('prefers the more frequent of two known words one edit away', () => {
    expect(corrector.correct('cramq')).toBe('cramp');
  });

  it('leaves known words, short words, numbers and distant words alone', () => {
    expect(corrector.correct('camp')).toBe('camp');
    expect(corrector.correct('hep')).toBe('hep');
    expect(corrector.correct('b12')).toBe('b12');
    expect(corrector.correct('pizza')).toBe('pizza');
  });
});
