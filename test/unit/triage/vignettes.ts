import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { LEVELS, type TriageEngine, type TriageLevel } from '../../../src/triage/triage';

/** One case of corpus/triage-cases.yml. */
export interface Vignette {
  id: string;
  set: 'blind' | 'tuned';
  level: TriageLevel;
  /** The conversation, oldest first; the engine assesses the newest in the context of the others. */
  messages: string[];
  child: boolean;
}

/** A neutral sentence repeated to build long messages (`filler: N`), so the red flag comes last. */
export const FILLER_SENTENCE = 'I have been reading a lot about leg cramps and wanted to ask you a few questions about them. ';

export function loadVignettes(corpusDir: string): Vignette[] {
  const raw = parse(readFileSync(join(corpusDir, 'triage-cases.yml'), 'utf8')) as {
    cases: Array<{ id: string; set: string; level: string; text?: string; messages?: string[]; filler?: number; child?: boolean }>;
  };
  return raw.cases.map((entry) => {
    if (entry.set !== 'blind' && entry.set !== 'tuned') throw new Error(`${entry.id}: set must be blind or tuned`);
    if (!(LEVELS as readonly string[]).includes(entry.level)) throw new Error(`${entry.id}: unknown level ${entry.level}`);
    const messages = entry.messages ?? (entry.text !== undefined ? [entry.text] : []);
    if (messages.length === 0) throw new Error(`${entry.id}: no text`);
    if (entry.filler) messages[0] = FILLER_SENTENCE.repeat(entry.filler) + messages[0];
    return { id: entry.id, set: entry.set, level: entry.level as TriageLevel, messages, child: entry.child === true };
  });
}

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
  };
  for (const vignette of vignettes) {
    const result = engine.assess(vignette.messages);
    const expected = LEVELS.indexOf(vignette.level);
    const given = LEVELS.indexOf(result.level);
    figures.confusion[vignette.level][result.level]++;
    figures.recall[vignette.level].cases++;
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
