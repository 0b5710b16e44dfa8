import { CORPUS_DIR } from '../../../src/paths';
import { findSafetyProblems } from '../../../src/knowledge/safetyScan';
import { loadTriageEngine } from '../../../src/triage/loadTriageEngine';
import { LEVELS } from '../../../src/triage/triage';
import { loadVignettes, scoreVignettes } from './vignettes';

const engine = loadTriageEngine(CORPUS_DIR, 'uk');
const vignettes = loadVignettes(CORPUS_DIR);
const rank = (level: string) => LEVELS.indexOf(level as (typeof LEVELS)[number]);

/**
 * Cases whose level differs from the suite's on purpose, each in the safe direction (higher).
 * b-g21: statin + cramps the person links to the statin. The NHS statin wording covers "unexplained muscle
 * pain, tenderness, weakness or cramps", so U2 (urgent) fires; the blind label said gp.
 */
const KNOWN_OVER_TRIAGE: Record<string, string> = { 'b-g21': 'urgent' };

describe('the vignette suite (corpus/triage-cases.yml)', () => {
  it('has at least 150 cases: 30 emergency, 40 urgent, 40 gp, 40 self_care, blind and tuned', () => {
    const count = (level: string) => vignettes.filter((vignette) => vignette.level === level).length;
    expect(vignettes.length).toBeGreaterThanOrEqual(150);
    expect(count('emergency')).toBeGreaterThanOrEqual(30);
    expect(count('urgent')).toBeGreaterThanOrEqual(40);
    expect(count('gp')).toBeGreaterThanOrEqual(40);
    expect(count('self_care')).toBeGreaterThanOrEqual(40);
    expect(vignettes.filter((vignette) => vignette.set === 'blind').length).toBeGreaterThanOrEqual(80);
    expect(new Set(vignettes.map((vignette) => vignette.id)).size).toBe(vignettes.length);
    expect(vignettes.some((vignette) => vignette.messages.length > 1)).toBe(true);
    expect(vignettes.some((vignette) => vignette.messages.some((message) => message.length > 5000))).toBe(true);
  });

  const redFlags = vignettes.filter((vignette) => vignette.level === 'emergency' || vignette.level === 'urgent');
  it.each(redFlags.map((vignette) => [vignette.id, vignette.level, vignette] as const))(
    '%s reaches %s (no under-triage)',
    (_id, level, vignette) => {
      expect(rank(engine.assess(vignette.messages).level)).toBeGreaterThanOrEqual(rank(level));
    },
  );

  it.each(vignettes.map((vignette) => [vignette.id, KNOWN_OVER_TRIAGE[vignette.id] ?? vignette.level, vignette] as const))(
    '%s gets exactly %s',
    (_id, level, vignette) => {
      expect(engine.assess(vignette.messages).level).toBe(level);
    },
  );

  it.each(['blind', 'tuned'] as const)('over-triages at most 10%% of the %s self_care cases', (set) => {
    const figures = scoreVignettes(engine, vignettes.filter((vignette) => vignette.set === set));
    expect(figures.underTriaged).toEqual([]);
    expect(figures.selfCareOverTriaged.length / figures.recall.self_care.cases).toBeLessThanOrEqual(0.1);
  });

  it('flags the cases about children', () => {
    for (const vignette of vignettes) expect([vignette.id, engine.assess(vignette.messages).aboutChild === true]).toEqual([vignette.id, vignette.child]);
  });

  it('gives advice that passes the safety scan for every case', () => {
    for (const vignette of vignettes) {
      const { advice } = engine.assess(vignette.messages);
      expect([vignette.id, findSafetyProblems(advice)]).toEqual([vignette.id, []]);
    }
  });
});
