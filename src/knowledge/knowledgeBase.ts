import type { RegionServices } from '../triage/triage';

export interface Source {
  title: string;
  url: string;
}

/** One answer from corpus/knowledge: short enough for a chat bubble, with its sources. */
export interface Answer {
  topic: string;
  /** The chat-bubble answer (Teams-safe Markdown). Its sources are in `sources`, the first being the page it is from. */
  text: string;
  /** Further detail for "tell me more". */
  more: string;
  sources: Source[];
  /** True where the evidence is weak; the text says so too. */
  weakEvidence: boolean;
}

/**
 * The answers crampbot gives, one per topic. Topics are the answering intents of SPEC §3 plus
 * `children` and `terms` (see ANSWER_TOPICS).
 *
 * @remarks The corpus writes region-dependent names as placeholders (`{emergencyNumber}`,
 * `{urgentService}`, `{doctor}`, `{emergencyLine}`, `{stateTtlDays}`). `answer(topic, services)`
 * returns them filled in for those services; without `services` it uses the defaults given to
 * `loadKnowledgeBase`, and without those a neutral wording ("the emergency number"), never another
 * region's number.
 */
export interface KnowledgeBase {
  answer(topic: string, services?: RegionServices): Answer | undefined;
  topics(): string[];
}

/** The topics the corpus answers: SPEC §3's answering intents, then children and terms. */
export const ANSWER_TOPICS = [
  'symptoms',
  'relief_now',
  'triggers',
  'medications',
  'prevention',
  'supplements',
  'quinine',
  'see_doctor',
  'how_common',
  'children',
  'terms',
] as const;
export type AnswerTopic = (typeof ANSWER_TOPICS)[number];
