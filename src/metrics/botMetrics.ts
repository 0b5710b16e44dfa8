import type { FeedbackRating } from '../cards/feedback';

/**
 * What the bot and the dialogs report about a conversation, for operators (`GET /metrics`).
 * @remarks Only counts with bounded labels (intent names, levels, rule ids, question ids): never message text,
 * user or conversation ids, names or typed feedback. The implementation maps any value outside the known lists to
 * `other`, so a label can never carry what a user typed.
 */
export interface BotMetrics {
  /** A message answered by its intent (from the classifier, or from a button the bot offered). */
  intent(intent: string): void;
  /** A message that was a command (help, cancel, walk me through it, tell me more, …). */
  command(command: string): void;
  /** A message the bot could not read as a question about leg cramps. */
  notUnderstood(reason: NotUnderstoodReason): void;
  /** An unclear question about leg cramps was answered with a choice of topics instead of a refusal or a guess. */
  clarified(): void;
  /** What the person picked after a clarification: a topic (an answering intent) or `something_else`. */
  clarificationPicked(topic: string): void;
  /** A red-flag question asked at once (signs on the way to a red flag) and its answer: yes, no or unsure. */
  askedAtOnce(question: string, answer: string): void;
  /** A question of the guide asked again because the answer could not be read. */
  promptRetried(question: string | undefined): void;
  /** A question of the guide given up after its last try. */
  promptGaveUp(question: string | undefined): void;
  guideStarted(): void;
  /** The guide reached its end: the summary card, or an emergency from the red-flag answers. */
  guideCompleted(level: string): void;
  /** The guide ended before its end, and on which question. */
  guideAbandoned(question: string | undefined, reason: GuideAbandonReason): void;
  /** A person rated an answer or the summary (Teams feedback buttons, Web Chat "Was this helpful?"). */
  feedback(channelId: string | undefined, rating: FeedbackRating, about: string | undefined): void;
}

export type NotUnderstoodReason = 'out_of_scope' | 'unreadable' | 'too_long';
/** cancelled: the person stopped it; gave_up: three unreadable answers; escalated: stopped for urgent or emergency help. */
export type GuideAbandonReason = 'cancelled' | 'gave_up' | 'escalated';
export type { FeedbackRating };

/** For code that runs the bot without an operator watching (the terminal chat uses the real one anyway). */
export const NO_METRICS: BotMetrics = {
  intent: () => undefined,
  command: () => undefined,
  notUnderstood: () => undefined,
  clarified: () => undefined,
  clarificationPicked: () => undefined,
  askedAtOnce: () => undefined,
  promptRetried: () => undefined,
  promptGaveUp: () => undefined,
  guideStarted: () => undefined,
  guideCompleted: () => undefined,
  guideAbandoned: () => undefined,
  feedback: () => undefined,
};
