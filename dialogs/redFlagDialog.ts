import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from './sdk';
import { LEVELS, type RedFlagAnswer, type RedFlagQuestion, type TriageEngine, type TriageResult } from '../src/triage/triage';
import type { BotMessages } from '../src/cards/messages';
import { textReply } from '../src/cards/replies';
import type { BotMetrics } from '../src/metrics/botMetrics';
import { AnswerPrompt, type AnswerPromptOptions } from './answerPrompt';

export const RED_FLAG_DIALOG = 'redFlags';
const ASK_EACH = 'redFlags.askEach';
const ANSWER = 'redFlags.answer';

/** What the dialog begins with: only some questions (asked at once after a message), or all of them, with the guide's intro. */
export interface RedFlagDialogOptions {
  only?: string[];
}

/** Warning signs of one level are asked this many at a time; "yes" or "not sure" then asks about each. */
export const RED_FLAG_GROUP_SIZE = 4;

export interface RedFlagDialogDeps {
  triage: TriageEngine;
  messages: BotMessages;
  metrics: BotMetrics;
}

interface RedFlagProgress {
  /** Only these questions (asked at once after a message, issue 12); all of them when absent. */
  only?: string[];
  /** The next group to ask about. */
  group: number;
  /** Questions of the last group still to be asked one by one. */
  oneByOne: string[];
  answers: Record<string, RedFlagAnswer>;
  /** What the prompt now open is about: one question's id, or a whole group. */
  asking?: { question: string } | { group: number };
}

/** What the red-flag questions led to. */
export interface RedFlagOutcome {
  result: TriageResult;
  answers: Record<string, RedFlagAnswer>;
}

/**
 * Asks the triage engine's red-flag questions, most severe first, and ends with the level the answers lead to.
 * @remarks Questions of one level are asked a few at a time ("do any of these apply?"): a "no" answers them all, a
 * "yes" or "not sure" asks about each one. Asking stops as soon as the answers reach `urgent` or above: an emergency
 * must not wait for another question. An answer it cannot read after three tries counts as "not sure".
 */
export class RedFlagDialog extends ComponentDialog {
  constructor(private readonly deps: RedFlagDialogDeps) {
    super(RED_FLAG_DIALOG);
    this.addDialog(new AnswerPrompt(ANSWER, deps.metrics));
    this.addDialog(new WaterfallDialog(ASK_EACH, [this.ask.bind(this), this.record.bind(this)]));
    this.initialDialogId = ASK_EACH;
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const progress = progressOf(step);
    const { messages } = this.deps;
    const questions = questionsOf(this.deps.triage, progress.only);
    const groups = groupQuestions(questions);
    if (!progress.only && progress.group === 0 && progress.oneByOne.length === 0 && Object.keys(progress.answers).length === 0) {
      await step.context.sendActivity(textReply(messages.guide.red_flags_intro));
    }
    let options: AnswerPromptOptions;
    const single = progress.oneByOne[0] ?? (groups[progress.group]?.length === 1 ? groups[progress.group][0].id : undefined);
    if (single) {
      const question = questions.find((candidate) => candidate.id === single);
      if (!question) return step.endDialog(this.outcome(progress.answers));
      progress.asking = { question: single };
      if (progress.oneByOne.length === 0) progress.group += 1;
      else progress.oneByOne = progress.oneByOne.slice(1);
      options = {
        question: 'red_flags',
        prompt: question.text,
        retryPrompt: messages.guide.red_flag_retry.replace('{question}', question.text),
        answers: messages.guide.red_flag_choices,
      };
    } else {
      const group = groups[progress.group];
      if (!group) return step.endDialog(this.outcome(progress.answers));
      progress.asking = { group: progress.group };
      progress.group += 1;
      options = {
        question: 'red_flags',
        prompt: `${messages.guide.red_flag_group}\n\n${group.map((question) => `- ${question.text}`).join('\n')}`,
        retryPrompt: messages.guide.red_flag_group_retry,
        answers: messages.guide.red_flag_choices,
      };
    }
    (step.values as { progress?: RedFlagProgress }).progress = progress;
    return step.prompt(ANSWER, options);
  }

  private async record(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const progress = (step.values as { progress: RedFlagProgress }).progress;
    const answered = (step.result as string[] | undefined)?.[0] as RedFlagAnswer | undefined;
    const asking = progress.asking;
    const next: RedFlagProgress = { only: progress.only, group: progress.group, oneByOne: progress.oneByOne, answers: { ...progress.answers } };
    if (asking && 'group' in asking) {
      const group = groupQuestions(questionsOf(this.deps.triage, progress.only))[asking.group] ?? [];
      if (answered === 'no') for (const question of group) next.answers[question.id] = 'no';
      else next.oneByOne = group.map((question) => question.id);
      return step.replaceDialog(ASK_EACH, next);
    }
    if (!answered) await step.context.sendActivity(textReply(this.deps.messages.guide.gave_up_red_flag));
    if (asking) next.answers[asking.question] = answered ?? 'unsure';
    const outcome = this.outcome(next.answers);
    if (!answered || LEVELS.indexOf(outcome.result.level) >= LEVELS.indexOf('urgent')) return step.endDialog(outcome);
    return step.replaceDialog(ASK_EACH, next);
  }

  private outcome(answers: Record<string, RedFlagAnswer>): RedFlagOutcome {
    return { result: this.deps.triage.assessAnswers(answers), answers };
  }
}

/** The questions in groups of the same level, most severe first, at most RED_FLAG_GROUP_SIZE each. */
export function groupQuestions(questions: readonly RedFlagQuestion[]): RedFlagQuestion[][] {
  const groups: RedFlagQuestion[][] = [];
  for (const question of questions) {
    const last = groups.at(-1);
    if (last && last[0].level === question.level && last.length < RED_FLAG_GROUP_SIZE) last.push(question);
    else groups.push([question]);
  }
  return groups;
}

function progressOf(step: WaterfallStepContext): RedFlagProgress {
  const options = step.options as Partial<RedFlagProgress> | undefined;
  return { only: options?.only, group: options?.group ?? 0, oneByOne: options?.oneByOne ?? [], answers: options?.answers ?? {} };
}

function questionsOf(triage: TriageEngine, only: readonly string[] | undefined): RedFlagQuestion[] {
  const questions = triage.questions();
  return only ? questions.filter((question) => only.includes(question.id)) : questions;
}
