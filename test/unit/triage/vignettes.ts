import { LEVELS, type TriageEngine, type TriageLevel } from '../../../src/triage/triage';
import type { Vignette } from '../../../src/triage/triageCases';

export { FILLER_SENTENCE, loadVignettes, readCases, type Vignette } from '../../../src/triage/triageCases';

export interface SuiteFigures {
  cases: number;
  exact: number;
  /** recall per expected level: share of cases of that level given exactly that level. */
  recall: Record<TriageLevel, { cases: number; exact: number }>;
  /** Emergency or urgent cases given a lower level. */
  underTriaged: string[];
  /** Self-care cases given a higher level. */
  selfCareOverTriaged: string[];
  /** confusion[expected][given] */
  confusion: Record<TriageLevel, Record<TriageLevel, number>>;
  mismatches: Array<{ id: string; expected: TriageLevel; given: TriageLevel; rules: string[] }>;
  /** Cases of each expected level that get red-flag questions asked at once (TriageResult.ask). */
  askedAtOnce: Record<TriageLevel, number>;
}

export function scoreVignettes(engine: TriageEngine, vignettes: Vignette[]): SuiteFigures {
  const zero = () => Object.fromEntries(LEVELS.map((level) => [level, 0])) as Record<TriageLevel, number>;
  const figures: SuiteFigures = {
    cases: vignettes.length,
    exact: 0,
    recall: Object.fromEntries(LEVELS.map((level) => [level, { cases: 0, exact: 0 }])) as SuiteFigures['recall'],
    underTriaged: [],
    selfCareOverTriaged: [],
    confusion: Object.fromEntries(LEVELS.map((level) => [level, zero()])) as SuiteFigures['confusion'],
    mismatches: [],
    askedAtOnce: zero(),
  };
  for (const vignette of vignettes) {
    const result = engine.assess(vignette.messages);
    const expected = LEVELS.indexOf(vignette.level);
    const given = LEVELS.indexOf(result.level);
    figures.confusion[vignette.level][result.level]++;
    figures.recall[vignette.level].cases++;
    if (result.ask) figures.askedAtOnce[vignette.level]++;
    if (given === expected) {
      figures.exact++;
      figures.recall[vignette.level].exact++;
    } else {
      figures.mismatches.push({ id: vignette.id, expected: vignette.level, given: result.level, rules: result.rules });
    }
    if (given < expected && (vignette.level === 'emergency' || vignette.level === 'urgent')) figures.underTriaged.push(vignette.id);
    if (vignette.level === 'self_care' && given > expected) figures.selfCareOverTriaged.push(vignette.id);
  }
  return figures;
}
