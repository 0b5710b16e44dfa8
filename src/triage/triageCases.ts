import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { LEVELS, type TriageLevel } from './triage';

/** One case of corpus/triage-cases.yml. */
export interface Vignette {
  id: string;
  /** early | tuned (corpus/triage-cases.yml), or `probe <file>` for a folded first-sight batch. */
  set: string;
  level: TriageLevel;
  /** The conversation, oldest first; the engine assesses the newest in the context of the others. */
  messages: string[];
  child: boolean;
}

/** A neutral sentence repeated to build long messages (`filler: N`), so the red flag comes last. */
export const FILLER_SENTENCE = 'I have been reading a lot about leg cramps and wanted to ask you a few questions about them. ';

/** The regression suite: corpus/triage-cases.yml and every folded probe batch of corpus/triage-probes/. */
export function loadVignettes(corpusDir: string): Vignette[] {
  const probeDir = join(corpusDir, 'triage-probes');
  const probeFiles = readdirSync(probeDir).filter((file) => file.endsWith('.yml')).sort();
  return [
    ...readCases(join(corpusDir, 'triage-cases.yml')),
    ...probeFiles.flatMap((file) => readCases(join(probeDir, file), `probe ${file.replace(/\.yml$/, '')}`)),
  ];
}

/** One file of cases; `set` for probe batches, whose cases carry none. */
export function readCases(path: string, set?: string): Vignette[] {
  const raw = parse(readFileSync(path, 'utf8')) as {
    cases: Array<{ id: string; set?: string; level: string; text?: string; messages?: string[]; filler?: number; child?: boolean }>;
  };
  return raw.cases.map((entry) => {
    const caseSet = set ?? entry.set;
    if (caseSet !== 'early' && caseSet !== 'tuned' && !caseSet?.startsWith('probe ')) throw new Error(`${entry.id}: set must be early or tuned`);
    if (!(LEVELS as readonly string[]).includes(entry.level)) throw new Error(`${entry.id}: unknown level ${entry.level}`);
    const messages = entry.messages ?? (entry.text !== undefined ? [entry.text] : []);
    if (messages.length === 0) throw new Error(`${entry.id}: no text`);
    if (entry.filler) messages[0] = FILLER_SENTENCE.repeat(entry.filler) + messages[0];
    return { id: entry.id, set: caseSet, level: entry.level as TriageLevel, messages, child: entry.child === true };
  });
}
