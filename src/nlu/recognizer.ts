/** The classifier's labels (SPEC §3). */
export const INTENTS = [
  'greeting',
  'symptoms',
  'relief_now',
  'triggers',
  'medications',
  'prevention',
  'supplements',
  'quinine',
  'see_doctor',
  'how_common',
  'help',
  'cancel',
  'goodbye',
  'forget_me',
  'out_of_scope',
] as const;
export type Intent = (typeof INTENTS)[number];

export interface IntentResult {
  intent: Intent;
  /** Confidence in [0, 1]. */
  score: number;
}

/** Turns one user message into an intent; a low-confidence result is `out_of_scope`, never a guess. */
export interface Recognizer {
  classify(text: string): IntentResult;
  /** Every intent the classifier knows, best first, before the out-of-scope threshold (for "did you mean"). */
  rank(text: string): IntentResult[];
}
