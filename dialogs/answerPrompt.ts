import { ActivityTypes, type TurnContext } from 'botbuilder-core';
import { Dialog, findChoices, type DialogContext, type DialogInstance, type DialogTurnResult, type PromptOptions } from './sdk';
import type { ChoiceSpec } from '../src/cards/messages';
import { promptReply } from '../src/cards/replies';
import { getTurnInput, markPrompted } from '../src/conversationTurn';
import type { CrampFacts } from '../src/understanding/facts';
import { NO_METRICS, type BotMetrics } from '../src/metrics/botMetrics';

/** After this many answers it cannot read, a prompt gives up and the dialog offers a way out. */
export const MAX_ATTEMPTS = 3;

export interface AnswerPromptOptions extends PromptOptions {
  /** Which question this is (a guide question's name), for the retry and give-up counts. */
  question?: string;
  prompt: string;
  retryPrompt: string;
  answers: ChoiceSpec[];
  /** Several answers may be picked ("I'm pregnant and I run a lot"). */
  multiple?: boolean;
  /** "Not sure", "don't know" are an answer here (the fact stays unknown and the guide goes on). */
  acceptsUnsure?: boolean;
}

/** How a prompt tells which words of an answer a negation covers (the understanding layer's one scope). */
export type NegatedWords = (text: string) => ReadonlySet<string>;

/**
 * The answer a question gets from the facts this message states, when its words name no choice ("it happened last
 * night" → recurring, "20 weeks" → pregnancy); see dialogs/guideFacts.ts.
 */
export type FactsAnswer = (question: string, said: Partial<CrampFacts>) => string[] | undefined;

/** What a prompt keeps in its dialog state between turns (the shape botbuilder's Prompt keeps). */
interface PromptState {
  options: AnswerPromptOptions;
  state: { attemptCount?: number };
}

/**
 * A question answered by a button or in the person's own words ("yeah", "nope", "I'm 20 weeks pregnant").
 * Ends with the values of the answers it recognised, or with `undefined` after MAX_ATTEMPTS unreadable answers.
 * It is botbuilder's Prompt turn for turn (ask; read the answer; ask again when it cannot read it), written on `Dialog`
 * because the Prompt class loads the number and ordinal recognizers crampbot never uses (about 30 ms of a cold start).
 * @remarks The retry wording is only sent when nothing else replied this turn (botbuilder's rule), so a caller that
 * sends something first must reprompt itself.
 */
export class AnswerPrompt extends Dialog<AnswerPromptOptions> {
  /** @param metrics counts the retries and give-ups, under the options' `question` */
  constructor(
    id: string,
    private readonly metrics: BotMetrics = NO_METRICS,
    private readonly negatedWords: NegatedWords = () => new Set(),
    private readonly factsAnswer: FactsAnswer = () => undefined,
  ) {
    super(id);
  }

  async beginDialog(dc: DialogContext, options?: AnswerPromptOptions): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as PromptState;
    state.options = { ...options! };
    state.state = {};
    await this.onPrompt(dc.context, state.options, false);
    return Dialog.EndOfTurn;
  }

  async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as PromptState;
    const values = this.recognize(dc.context, state.options);
    const attemptCount = (state.state.attemptCount ?? 0) + 1;
    state.state.attemptCount = attemptCount;
    if (values) return dc.endDialog(values);
    if (attemptCount >= MAX_ATTEMPTS) {
      this.metrics.promptGaveUp(state.options.question);
      return dc.endDialog(undefined);
    }
    if (!dc.context.responded) await this.onPrompt(dc.context, state.options, true);
    return Dialog.EndOfTurn;
  }

  /** A dialog started on top of the prompt has ended: ask the question again. */
  async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.repromptDialog(dc.context, dc.activeDialog!);
    return Dialog.EndOfTurn;
  }

  async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.onPrompt(context, (instance.state as PromptState).options, false);
  }

  private async onPrompt(context: TurnContext, options: AnswerPromptOptions, isRetry: boolean): Promise<void> {
    const { prompt, retryPrompt, answers, question } = options;
    if (isRetry) this.metrics.promptRetried(question);
    await context.sendActivity(promptReply(context.activity.channelId, isRetry ? retryPrompt : prompt, answers));
    markPrompted(context);
  }

  /** The answers this message gives, or `undefined` when it gives none the question can use. */
  private recognize(context: TurnContext, options: AnswerPromptOptions): string[] | undefined {
    const { answers, multiple, acceptsUnsure, question } = options;
    const text = context.activity.text ?? '';
    const values = recognizeAnswers(text, answers, multiple ?? false, this.negatedWords(text));
    const fromFacts = question ? this.factsAnswer(question, getTurnInput(context).said) : undefined;
    // What the layer understood outranks a loose word match ("not pregnant, I ran a marathon" → exercise).
    if (fromFacts?.length) return multiple ? [...new Set([...fromFacts, ...values.filter((v) => v !== 'none')])] : fromFacts;
    if (values.length > 0) return values;
    if (acceptsUnsure && UNSURE_WORDS.test(text)) return [UNSURE];
    return undefined;
  }
}

/** The question the innermost prompt of a dialog is asking (its options' `question`), if any. */
export function askedQuestion(instance: DialogInstance | undefined): string | undefined {
  for (let current = instance, depth = 0; current && depth < 10; depth++) {
    const state = current.state as { options?: Partial<AnswerPromptOptions>; dialogs?: { dialogStack?: DialogInstance[] } } | undefined;
    if (state?.options?.question) return state.options.question;
    current = state?.dialogs?.dialogStack?.at(-1); // the active dialog is the last on the stack
  }
  return undefined;
}

/** The value of a "not sure" answer, where a question offers one. */
export const UNSURE = 'unsure';

const UNSURE_WORDS = /\b(?:not sure|unsure|don'?t know|do not know|dunno|no idea|can'?t remember|cannot remember|not certain|hard to say|varies|it varies)\b/i;


/**
 * The answers a message gives to a question: the one it names most clearly (or "not sure" when it names several and
 * that is an option), or with `multiple` every one it names and does not negate ("not pregnant, but I run a lot" →
 * exercise). "None of these" only counts on its own.
 */
export function recognizeAnswers(text: string, answers: readonly ChoiceSpec[], multiple: boolean, negated: ReadonlySet<string> = new Set()): string[] {
  const choices = answers.map((answer) => ({ value: answer.value, synonyms: [answer.title, ...answer.synonyms] }));
  const found = findChoices(text, choices, { noValue: true, maxTokenDistance: 1 });
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
  // A choice named only under a negation ("not pregnant") is not picked; the scope is the understanding layer's.
  const isNegated = (match: (typeof found)[number]) => {
    const words = text.slice(match.start, match.end + 1).toLowerCase().match(/[a-z]+/g) ?? [];
    return words.length > 0 && words.every((word) => negated.has(word));
  };
  const named = found.filter((match) => match.resolution.value === 'none' || !isNegated(match));
  const values = [...new Set(named.map((match) => match.resolution.value))];
  const specific = values.filter((value) => value !== 'none');
  return specific.length > 0 ? specific : values;
}
