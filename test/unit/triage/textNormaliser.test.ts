import { TextNormaliser, withinOneEdit } from '../../../src/triage/textNormaliser';

describe('TextNormaliser', () => {
  const normaliser = new TextNormaliser({ calve: 'calf', cant: 'cannot', im: 'i am' }, ['swelling', 'pregnant', 'statin'], ['station']);

  it('spells out contractions and straightens apostrophes', () => {
    expect(normaliser.normalise("I can\u2019t breathe, it isn't swollen and I'm scared")).toBe('i cannot breathe, it is not swollen and i am scared');
    expect(normaliser.normalise('it won\'t stop')).toBe('it will not stop');
  });

  it('fixes listed typos and key words one slip away, but never a real word it was told to keep', () => {
    expect(normaliser.normalise('my calve has a sweling, im pregnat')).toBe('my calf has a swelling, i am pregnant');
    expect(normaliser.normalise('swleling')).toBe('swelling');
    expect(normaliser.normalise('at the station')).toBe('at the station');
  });

  it('folds uncertainty into "unsure" so it is not read as a negation', () => {
    expect(normaliser.normalise("I don't know if it's swollen")).toBe('i unsure if it is swollen');
    expect(normaliser.normalise('not sure, no idea')).toBe('unsure, unsure');
  });

  it('shortens letters typed three or more times', () => {
    expect(normaliser.normalise('sweeeelling')).toBe('swelling');
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['swelling', 'sweling', true],
    ['swelling', 'swellnig', true],
    ['swelling', 'swelxing', true],
    ['swelling', 'swellinggg', false],
    ['statin', 'status', false],
  ] as const)('%s ~ %s: %s', (a, b, expected) => expect(withinOneEdit(a, b)).toBe(expected));
});
