/** Who a finding is about: the writer, or someone they mention ("my dad", "she"). */
export type Experiencer = 'self' | 'other';

/**
 * One concept recognised in a message, with what ConText-style modifiers say about it.
 * A plain value (no botbuilder type), so the CLI, the bot, triage, the guide and the tests share it.
 */
export interface Finding {
  /** The concept's name in corpus/understanding/lexicon.yml ("breathless", "statin", "calf"). */
  concept: string;
  /** finding | context | medicine | condition | site | time | trigger | form | …, from the lexicon. */
  category: string;
  /** A medicine's class ("statin", "diuretic"), a site's name, a trigger's name: the lexicon's `class`. */
  class?: string;
  /** The guide's trigger the concept stands for ("exercise", "diuretic", "pregnancy"), from the lexicon. */
  trigger?: string;
  /** The words matched, as normalised. */
  text: string;
  /** Character span in the normalised text. */
  start: number;
  end: number;
  sentence: number;
  /** "no swelling", "my leg is not swollen", "swelling? no". */
  negated: boolean;
  experiencer: Experiencer;
  /** An exposure around everyone named (the lexicon's `shared`): it counts for the writer and for the others. */
  shared?: boolean;
  /** "what if my foot went cold", "should I worry if…". */
  hypothetical: boolean;
  /** "I had a clot years ago", "used to get…". */
  historical: boolean;
  /** A medicine the writer no longer takes ("I was on simvastatin"). */
  ended?: boolean;
  /** A leg site named in the same sentence (calf, thigh, foot, shin, hamstring, …). */
  site?: string;
  /** One leg or both, when the sentence says. */
  side?: 'one' | 'both';
  onset?: 'sudden';
  course?: 'worsening';
}

/** What one message says. */
export interface MessageUnderstanding {
  /** The message after the one normaliser (src/understanding/normalise.ts) and spelling fixes. */
  text: string;
  findings: Finding[];
  /** Longest duration stated, in minutes ("for 20 mins", "half an hour", "2 days"). */
  durationMinutes?: number;
  /** Weeks of pregnancy, when stated ("34 weeks", "34wks pregnant"). */
  pregnancyWeeks?: number;
  /** The writer's age, when stated ("I'm 67", "aged 72"). */
  age?: number;
  /** Every age stated, the writer's or someone else's ("my son (he's 34)", "my 8 year old"). */
  ages: number[];
  /** The sentences (their numbers) that end with a question mark. */
  questions: number[];
  /** Of those, the ones with no word about the writer ("do bananas help with cramp?"). */
  generalQuestions?: number[];
}

/** Findings that count for a person: stated, not hypothetical; historical only for context and conditions. */
export function counts(finding: Finding): boolean {
  if (finding.negated || finding.hypothetical || finding.ended) return false;
  return !finding.historical || HISTORY_COUNTS.has(finding.category);
}

const HISTORY_COUNTS = new Set(['context', 'medicine', 'condition']);

const ANY_OF_IT = /\b(?:any|a|an|on|no|taking|take|takes|took|use|using)\s+$/;

/** Whose findings to read: one person's, or everyone's together ('anyone'). */
export type Whose = Experiencer | 'anyone';

const isWhose = (finding: Finding, whose: Whose) => whose === 'anyone' || finding.shared === true || finding.experiencer === whose;

/**
 * The concepts that count for one person (or anyone) in one message. A medicine the writer goes on to say they do not
 * take is not theirs: "cholesterol pills can cause muscle breakdown … I'm not on a statin or any medicine at all".
 */
export function presentFor(message: MessageUnderstanding, whose: Whose): Set<string> {
  const present = new Set<string>();
  const findings = message.findings.filter((finding) => isWhose(finding, whose));
  // "not on a statin", "don't take any statin"; not "not any other statin", "I don't take my statin at weekends".
  const denial = (later: Finding) => later.negated && !later.hypothetical && ANY_OF_IT.test(message.text.slice(Math.max(0, later.start - 24), later.start));
  findings.forEach((finding, index) => {
    const deniedAfter = finding.category === 'medicine' && findings.slice(index + 1).some((later) => later.concept === finding.concept && denial(later));
    if (counts(finding) && !deniedAfter) present.add(finding.concept);
  });
  return present;
}

/** Concepts the message mentions for that person only to deny them ("no swelling"): they withdraw an earlier mention. */
export function deniedFor(message: MessageUnderstanding, whose: Whose): Set<string> {
  const present = presentFor(message, whose);
  const denied = new Set<string>();
  for (const finding of message.findings) {
    if (isWhose(finding, whose) && finding.negated && !present.has(finding.concept)) denied.add(finding.concept);
  }
  return denied;
}
