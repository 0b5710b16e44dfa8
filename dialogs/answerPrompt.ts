import type { TurnContext } from 'botbuilder';
import { Prompt, recognizeChoices, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import type { ChoiceSpec } from '../src/cards/messages';
import { promptReply } from '../src/cards/replies';
import { markPrompted } from '../src/conversationTurn';

/** After this many answers it cannot read, a prompt gives up and the dialog offers a way out. */
export const MAX_ATTEMPTS = 3;

export interface AnswerPromptOptions extends PromptOptions {
  prompt: string;
  retryPrompt: string;
  answers: ChoiceSpec[];
  /** Several answers may be picked ("I'm pregnant and I run a lot"). */
  multiple?: boolean;
}

/**
 * A question answered by a button or in the person's own words ("yeah", "nope", "I'm 20 weeks pregnant").
 * Ends with the values of the answers it recognised, or with `undefined` after MAX_ATTEMPTS unreadable answers.
 * @remarks The retry wording is only sent when nothing else replied this turn (botbuilder's rule), so a caller that
 * sends something first must reprompt itself.
 */
export class AnswerPrompt extends Prompt<string[]> {
  constructor(id: string) {
    super(id, async (prompt) => prompt.recognized.succeeded || prompt.attemptCount >= MAX_ATTEMPTS);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const { prompt, retryPrompt, answers } = options as AnswerPromptOptions;
    await context.sendActivity(promptReply(context.activity.channelId, isRetry ? retryPrompt : prompt, answers));
    markPrompted(context);
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<string[]>> {
    const { answers, multiple } = options as AnswerPromptOptions;
    const values = recognizeAnswers(context.activity.text ?? '', answers, multiple ?? false);
    return values.length > 0 ? { succeeded: true, value: values } : { succeeded: false };
  }
}

/** The value of a "not sure" answer, where a question offers one. */
const UNSURE = 'unsure';

const NEGATED = /\b(?:not|no|never|isn'?t|aren'?t|don'?t|doesn'?t|haven'?t|without)\s+(?:\S+\s+)?$/i;

/**
 * The answers a message gives to a question: the one it names most clearly (or "not sure" when it names several and
 * that is an option), or with `multiple` every one it names and does not negate ("not pregnant, but I run a lot" →
 * exercise). "None of these" only counts on its own.
 */
export function recognizeAnswers(text: string, answers: readonly ChoiceSpec[], multiple: boolean): string[] {
  const choices = answers.map((answer) => ({ value: answer.value, synonyms: [answer.title, ...answer.synonyms] }));
  const found = recognizeChoices(text, choices, {
    noValue: true,
    recognizeNumbers: false,
    recognizeOrdinals: false,
    maxTokenDistance: 1,
  });
  if (found.length === 0) return [];
  if (!multiple) {
    // Mixed signals ("yes and no", "not really sure") are a "not sure", which escalates, never a guess at "no".
    const named = new Set(found.map((match) => match.resolution.value));
    if (named.size > 1 && answers.some((answer) => answer.value === UNSURE)) return [UNSURE];
    const best = [...found].sort(
      (a, b) => b.resolution.score - a.resolution.score || b.end - b.start - (a.end - a.start),
    )[0];
    return [best.resolution.value];
  }
  const named = found.filter((match) => match.resolution.value === 'none' || !NEGATED.test(text.slice(0, match.start)));
  const values = [...new Set(named.map((match) => match.resolution.value))];
  const specific = values.filter((value) => value !== 'none');
  return specific.length > 0 ? specific : values;
}
