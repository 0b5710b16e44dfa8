import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { LEVELS, type RedFlagAnswer, type TriageEngine, type TriageResult } from '../src/triage/triage';
import type { BotMessages } from '../src/cards/messages';
import { textReply } from '../src/cards/replies';
import { AnswerPrompt, type AnswerPromptOptions } from './answerPrompt';

export const RED_FLAG_DIALOG = 'redFlags';
const ASK_EACH = 'redFlags.askEach';
const ANSWER = 'redFlags.answer';

export interface RedFlagDialogDeps {
  triage: TriageEngine;
  messages: BotMessages;
}

interface RedFlagProgress {
  index: number;
  answers: Record<string, RedFlagAnswer>;
}

/** What the red-flag questions led to. */
export interface RedFlagOutcome {
  result: TriageResult;
  answers: Record<string, RedFlagAnswer>;
}

/**
 * Asks the triage engine's red-flag questions, most severe first, and ends with the level the answers lead to.
 * @remarks Stops asking as soon as the answers reach `urgent` or above: an emergency must not wait for another
 * question, and someone who needs help today has heard enough. An answer it cannot read after three tries counts as
 * "not sure", which escalates.
 */
export class RedFlagDialog extends ComponentDialog {
  constructor(private readonly deps: RedFlagDialogDeps) {
    super(RED_FLAG_DIALOG);
    this.addDialog(new AnswerPrompt(ANSWER));
    this.addDialog(new WaterfallDialog(ASK_EACH, [this.ask.bind(this), this.record.bind(this)]));
    this.initialDialogId = ASK_EACH;
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const progress = progressOf(step);
    const question = this.deps.triage.questions()[progress.index];
    if (!question) return step.endDialog(this.outcome(progress.answers));
    const { messages } = this.deps;
    if (progress.index === 0) await step.context.sendActivity(textReply(messages.guide.red_flags_intro));
    const options: AnswerPromptOptions = {
      prompt: question.text,
      retryPrompt: messages.guide.red_flag_retry.replace('{question}', question.text),
      answers: messages.guide.red_flag_choices,
    };
    return step.prompt(ANSWER, options);
  }

  private async record(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const progress = progressOf(step);
    const question = this.deps.triage.questions()[progress.index];
    const answered = (step.result as string[] | undefined)?.[0] as RedFlagAnswer | undefined;
    if (!answered) await step.context.sendActivity(textReply(this.deps.messages.guide.gave_up_red_flag));
    const answers = { ...progress.answers, [question.id]: answered ?? 'unsure' };
    const outcome = this.outcome(answers);
    if (!answered || LEVELS.indexOf(outcome.result.level) >= LEVELS.indexOf('urgent')) return step.endDialog(outcome);
    const next: RedFlagProgress = { index: progress.index + 1, answers };
    return step.replaceDialog(ASK_EACH, next);
  }

  private outcome(answers: Record<string, RedFlagAnswer>): RedFlagOutcome {
    return { result: this.deps.triage.assessAnswers(answers), answers };
  }
}

function progressOf(step: WaterfallStepContext): RedFlagProgress {
  const options = step.options as Partial<RedFlagProgress> | undefined;
  return { index: options?.index ?? 0, answers: options?.answers ?? {} };
}
