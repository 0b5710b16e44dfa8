import { loadDomainDecision } from '../../../src/nlu/domain';
import { loadUnderstanding } from '../../../src/understanding/understanding';
import { CORPUS_DIR } from '../../../src/paths';
import { loadVignettes } from '../../../src/triage/triageCases';

const domain = loadDomainDecision(CORPUS_DIR, loadUnderstanding(CORPUS_DIR));

describe('in domain or not (corpus/domain.yml)', () => {
  it.each([
    'do tight bedsheets make cramps worse',
    'would a b complex help my calf cramps',
    'is it worth propping my feet up on a cushion in bed',
    'does pickle juice actually work',
    'are electrolytes worth it',
    'should I stretch before bed',
    'my husband gets cramps every night',
    'restless legs keeping me up',
  ])('takes "%s" as a question about leg cramps', (text) => {
    expect(domain.decide(text)).toEqual({ inDomain: true, nearMiss: false });
  });

  it.each(['period cramps what helps', 'stomach cramps after eating', 'my writing hand cramps', 'leg day workout plan', 'my cramped flat is too hot', 'cramp in my side when running'])(
    'takes "%s" as a near miss, not a leg cramp',
    (text) => {
      expect(domain.decide(text)).toEqual({ inDomain: false, nearMiss: true });
    },
  );

  it.each(["what's the weather tomorrow", 'book me a table for two', 'how do I reset my password'])('takes "%s" as unrelated', (text) => {
    expect(domain.decide(text).inDomain).toBe(false);
  });

  /**
   * Someone describing a cramp that passed gets no level from triage, so a near-miss reading would leave them with
   * only the refusal. Known: gym soreness after "leg day" (fat-s08, fcl-s16), Hinglish (fat-s17), a friend's compartment
   * syndrome with the writer "a bit stiff" (fau-s24), "probably my sciatica again" (fg-s27), cramps in the stomach and
   * legs (ft-s24), heat cramps with a flannel on the neck and no leg named (fu-s19).
   */
  it('does not take a self-care vignette, a cramp that passed, for a near miss', () => {
    const known = ['fat-s08', 'fat-s17', 'fau-s24', 'fg-s27', 'ft-s24', 'fu-s19', 'fcl-s16'];
    const nearMisses = loadVignettes(CORPUS_DIR)
      .filter((vignette) => vignette.level === 'self_care' && vignette.messages.length === 1 && domain.decide(vignette.messages[0]!).nearMiss)
      .map((vignette) => vignette.id);
    expect(nearMisses.filter((id) => !known.includes(id))).toEqual([]);
  });

  it('still counts a leg cramp said next to a near miss', () => {
    expect(domain.decide('I get calf cramps after leg day').inDomain).toBe(true);
    expect(domain.decide('a charley horse in my leg').inDomain).toBe(true);
  });

  it('names only concepts the lexicon has', () => {
    expect(() => loadDomainDecision(CORPUS_DIR, { understand: () => ({ text: '', findings: [], ages: [], questions: [] }), conceptNames: () => ['calf'] })).toThrow(
      /is not a concept of corpus\/understanding\/lexicon.yml/,
    );
  });
});
