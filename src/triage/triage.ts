import type { MessageUnderstanding } from '../understanding/findings';

/** Triage levels, least to most severe. */
export const LEVELS = ['self_care', 'gp', 'urgent', 'emergency'] as const;
export type TriageLevel = (typeof LEVELS)[number];

export interface TriageResult {
  level: TriageLevel;
  /** IDs of the rules that fired (E1, U2, ...), most severe first; empty when none did. */
  rules: string[];
  ruleSetVersion: string;
  /**
   * What to tell the person, in the region's words: the instruction for the level first
   * ("Call 999 now or go to A&E. Don't drive yourself."), then why, never as a diagnosis.
   * Empty when no rule fired.
   */
  advice: string;
  /**
   * The message is about a child (or a teenager under 16): out of scope for triage. The dialog
   * signposts instead of giving self-care or the guide; `advice` then holds the region's signposting
   * text unless a red flag still gave urgent or emergency (a red flag is never played down).
   */
  aboutChild?: boolean;
  /** The statistical second opinion raised the level one step: a possible red flag the rules could not place. */
  secondOpinion?: boolean;
  /**
   * Red-flag questions to ask at once, most severe first: the messages show signs on the way to a rule above this
   * level (corpus/triage.yml `ask_when`) that the words could not confirm. A "yes" gives the question's level.
   */
  ask?: string[];
  /** assessAnswers: the questions answered "unsure" (they escalated the level). */
  unsure?: string[];
  /** NHS / NICE / MHRA pages behind the rules that gave the level, for the summary card. */
  sources?: Array<{ title: string; url: string }>;
}

/** A red-flag question for the guide; the guide asks them most severe first. */
export interface RedFlagQuestion {
  id: string;
  text: string;
  /** The level a "yes" leads to. */
  level: TriageLevel;
  rules: string[];
}

export type RedFlagAnswer = 'yes' | 'no' | 'unsure';

/** Emergency number, same-day service and doctor for the configured REGION. */
export interface RegionServices {
  region: string;
  emergencyNumber: string;
  /** One line for welcome and safety-net text: "Chest pain or trouble breathing: call 999 now." */
  emergencyLine: string;
  urgentService: string;
  doctor: string;
  /** Signposting for questions about children (out of scope): "… talk to their GP or call NHS 111 …". */
  childAdvice?: string;
}

/** Rules, not the classifier: decides how urgently someone needs help (SPEC §4). */
export interface TriageEngine {
  readonly ruleSetVersion: string;
  readonly services: RegionServices;
  /** Assesses the newest message in the context of the recent ones, oldest first. */
  assess(messages: readonly string[]): TriageResult;
  /** The guide's red-flag questions, most severe first. */
  questions(): RedFlagQuestion[];
  /** The level the guide's answers lead to; "unsure" escalates one level. */
  assessAnswers(answers: Readonly<Record<string, RedFlagAnswer>>): TriageResult;
  /** What the understanding layer reads in one message (the findings triage is built on), for the guide and the router. */
  understand(text: string): MessageUnderstanding;
  /** The words of a message a negation covers, by the same scope as findings (for the guide's answers). */
  negatedWords(text: string): ReadonlySet<string>;
  /** True when the text is about a child ("my son's legs hurt at night", "growing pains"): signpost, don't triage. */
  aboutChild?(text: string): boolean;
  /** Every rule with its level, wording (for this region) and sources, for consistency checks and audit. */
  catalogue?(): TriageRuleSummary[];
}

export interface TriageRuleSummary {
  id: string;
  level: TriageLevel;
  wording: string;
  sources: Array<{ title: string; url: string }>;
  /** Why a clinician still has to look at this rule (medical.md §6), when the research says so. */
  review?: string;
}

/** The machine-readable entity carried by every reply that states a level (SPEC §4). */
export function triageEntity(result: TriageResult) {
  return { type: 'triage', level: result.level, rules: result.rules, ruleSetVersion: result.ruleSetVersion };
}

export function moreSevere(a: TriageResult, b: TriageResult): TriageResult {
  return LEVELS.indexOf(b.level) > LEVELS.indexOf(a.level) ? b : a;
}
