import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wordsOf } from './textFeatures';
import type { LabelledText } from './textClassifier';

/** corpus/nlu.yml: the phrasings of each intent (Rasa's `examples: |` block, or a YAML list) and the out-of-scope threshold. */
export interface NluCorpus {
  examples: LabelledText[];
  /** Below this confidence the recognizer answers `out_of_scope` (chosen by `crampbot eval`). */
  outOfScopeThreshold: number;
}

/** corpus/nlu.yml is malformed; the message names the place. */
export class NluCorpusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NluCorpusError';
  }
}

interface RawCorpus {
  version?: unknown;
  outOfScopeThreshold?: unknown;
  intents?: unknown;
}

export function loadNluCorpus(corpusDir: string): NluCorpus {
  const file = join(corpusDir, 'nlu.yml');
  return parseNluCorpus(readFileSync(file, 'utf8'), file);
}

export function parseNluCorpus(source: string, where = 'nlu.yml'): NluCorpus {
  // Required here, not at the top: start-up reads the trained model from the build artefact, not this file.
  const raw = (require('yaml') as typeof import('yaml')).parse(source) as RawCorpus | null;
  if (!raw || !Array.isArray(raw.intents)) throw new NluCorpusError(`${where}: expected a list under "intents"`);
  const threshold = raw.outOfScopeThreshold ?? 0;
  if (typeof threshold !== 'number' || threshold < 0 || threshold >= 1) {
    throw new NluCorpusError(`${where}: outOfScopeThreshold must be a number in [0, 1)`);
  }
  const examples: LabelledText[] = [];
  raw.intents.forEach((entry: unknown, position: number) => {
    const { intent, examples: phrasings } = (entry ?? {}) as { intent?: unknown; examples?: unknown };
    if (typeof intent !== 'string' || (typeof phrasings !== 'string' && !Array.isArray(phrasings))) {
      throw new NluCorpusError(`${where}: intents[${position}] needs "intent" and "examples"`);
    }
    const texts = typeof phrasings === 'string' ? phrasingLines(phrasings, intent, where) : phrasings;
    for (const text of texts) {
      if (typeof text !== 'string' && typeof text !== 'number') {
        throw new NluCorpusError(`${where}: intent ${intent} has a phrasing that is not text`);
      }
      examples.push({ text: String(text), intent });
    }
  });
  return { examples, outOfScopeThreshold: threshold };
}

/**
 * Rasa's block form: one "- phrasing" a line. Parsing one block scalar per intent is several times
 * faster than a YAML list of thousands of items, which matters at start-up.
 */
function phrasingLines(block: string, intent: string, where: string): string[] {
  return block
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match = /^\s*- (.*)$/.exec(line);
      if (!match) throw new NluCorpusError(`${where}: intent ${intent}: "${line.trim()}" should start with "- "`);
      return match[1].trim();
    });
}

/** The form two phrasings are compared in: words only, lower case, no punctuation or emoji. */
export function comparisonKey(text: string): string {
  const words = wordsOf(text).join(' ');
  return words === '' ? text.trim() : words;
}

/**
 * Problems a reviewer must fix before the corpus is used (as `rasa data validate` does): unknown or
 * missing intents, empty phrasings, duplicates and one phrasing under two intents.
 */
export function validateNluCorpus(
  examples: readonly LabelledText[],
  expectedIntents?: readonly string[],
): string[] {
  const problems: string[] = [];
  const seen = new Map<string, LabelledText>();
  const counts = new Map<string, number>();
  for (const example of examples) {
    counts.set(example.intent, (counts.get(example.intent) ?? 0) + 1);
    if (example.text.trim() === '') {
      problems.push(`empty phrasing under ${example.intent}`);
      continue;
    }
    const key = comparisonKey(example.text);
    const earlier = seen.get(key);
    if (!earlier) seen.set(key, example);
    else if (earlier.intent === example.intent) {
      problems.push(`duplicate under ${example.intent}: "${example.text}" (same as "${earlier.text}")`);
    } else {
      problems.push(`"${example.text}" is under both ${earlier.intent} and ${example.intent}`);
    }
  }
  if (expectedIntents) {
    for (const intent of expectedIntents) if (!counts.has(intent)) problems.push(`intent ${intent} has no phrasings`);
    for (const intent of counts.keys()) {
      if (!expectedIntents.includes(intent)) problems.push(`unknown intent ${intent}`);
    }
  }
  return problems;
}
