import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogReason,
  WaterfallDialog,
  type DialogInstance,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { KnowledgeBase, Source } from '../src/knowledge/knowledgeBase';
import { LEVELS, moreSevere, type TriageEngine, type TriageResult } from '../src/triage/triage';
import { GUIDE_QUESTIONS, type BotMessages, type GuideQuestion } from '../src/cards/messages';
import { answerText, levelReply, levelText, textReply, typingActivity } from '../src/cards/replies';
import { summaryReply, type GuideSummary } from '../src/cards/summaryCard';
import { escalatedThisTurn, getTurnInput } from '../src/conversationTurn';
import { withFeedback } from '../src/cards/feedback';
import type { BotMetrics } from '../src/metrics/botMetrics';
import { AnswerPrompt, askedQuestion, type AnswerPromptOptions } from './answerPrompt';
import { RedFlagDialog, RED_FLAG_DIALOG, type RedFlagOutcome } from './redFlagDialog';

export const CRAMP_GUIDE_DIALOG = 'crampGuide';
const STEPS = 'crampGuide.steps';
const ANSWER = 'crampGuide.answer';

export interface CrampGuideDeps {
  triage: TriageEngine;
  knowledge: KnowledgeBase;
  messages: BotMessages;
  metrics: BotMetrics;
}

type GuideAnswers = Partial<Record<GuideQuestion, string[]>>;

/**
 * The guide: what is happening → likely triggers → what to do now and to prevent it → when to see a doctor (the
 * red-flag questions) → a summary card with the level, the advice and the sources.
 * @remarks Triage of free text and the interruptions (help, cancel, forget me) happen around it, in the bot and the
 * root dialog; a question it cannot read three times ends the guide with a way out.
 */
export class CrampGuideDialog extends ComponentDialog {
  constructor(private readonly deps: CrampGuideDeps) {
    super(CRAMP_GUIDE_DIALOG);
    this.addDialog(new AnswerPrompt(ANSWER, deps.metrics));
    this.addDialog(new RedFlagDialog(deps));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        ...GUIDE_QUESTIONS.map((question, index) => this.askStep(question, GUIDE_QUESTIONS[index - 1])),
        this.adviseStep.bind(this),
        this.summaryStep.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  /** A step that keeps the answer to the previous question, then asks the next one. */
  private askStep(question: GuideQuestion, previous: GuideQuestion | undefined) {
    return async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
      const { messages } = this.deps;
      if (previous) {
        if (!step.result) return this.giveUp(step, previous);
        answersOf(step)[previous] = step.result as string[];
      } else {
        await step.context.sendActivity(textReply(messages.guide.intro));
      }
      const spec = messages.guide.questions[question];
      const options: AnswerPromptOptions = {
        question,
        prompt: spec.text,
        retryPrompt: spec.retry,
        answers: spec.choices,
        multiple: question === 'triggers',
      };
      return step.prompt(ANSWER, options);
    };
  }

  private async adviseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (!step.result) return this.giveUp(step, 'triggers');
    const answers = answersOf(step);
    answers.triggers = step.result as string[];
    const { messages, knowledge, triage } = this.deps;
    const guide = messages.guide;
    if (answers.pattern?.includes('now')) {
      const relief = knowledge.answer('relief_now', triage.services);
      if (relief) await step.context.sendActivity(textReply(`${guide.advice_intro}\n\n${answerText(relief, messages)}`));
    }
    const prevention = knowledge.answer('prevention', triage.services);
    const triggerLines = (answers.triggers ?? []).map((trigger) => guide.trigger_advice[trigger]).filter(Boolean);
    const preventionParts = [
      answers.pattern?.includes('now') ? '' : guide.advice_intro,
      guide.advice_prevent_label,
      prevention ? answerText(prevention, messages) : '',
      ...triggerLines,
    ].filter(Boolean);
    await step.context.sendActivity(textReply(preventionParts.join('\n\n')));
    return step.beginDialog(RED_FLAG_DIALOG, {});
  }

  private async summaryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const outcome = step.result as RedFlagOutcome | undefined;
    if (!outcome) return step.endDialog();
    const { memory } = getTurnInput(step.context);
    const final = memory.stated ? moreSevere(outcome.result, memory.stated) : outcome.result;
    if (!memory.stated || LEVELS.indexOf(final.level) > LEVELS.indexOf(memory.stated.level)) memory.stated = final;
    const { messages } = this.deps;
    this.deps.metrics.guideCompleted(final.level);
    if (final.level === 'emergency') {
      await step.context.sendActivity(levelReply(final, levelText(final, messages)));
      return step.endDialog(final);
    }
    await step.context.sendActivity(typingActivity());
    const summary = summaryReply(this.summary(final, answersOf(step)));
    await step.context.sendActivity(withFeedback(step.context.activity.channelId, summary, messages, 'summary'));
    await step.context.sendActivity(textReply(messages.summary.follow_up, messages.summary.follow_up_actions));
    return step.endDialog(final);
  }

  private summary(result: TriageResult, answers: GuideAnswers): GuideSummary {
    const { messages, knowledge, triage } = this.deps;
    const { summary, levels, guide } = messages;
    const titleOf = (question: GuideQuestion, value: string) =>
      guide.questions[question].choices.find((choice) => choice.value === value)?.title ?? value;
    const facts = GUIDE_QUESTIONS.map((question) => {
      const values = answers[question] ?? [];
      const value = values.length > 0 ? values.map((item) => titleOf(question, item)).join(', ') : summary.none;
      return { title: summary.facts[question], value };
    });
    const topics = [answers.pattern?.includes('now') ? 'relief_now' : undefined, 'prevention', 'see_doctor'];
    const sources = uniqueSources([
      ...(result.sources ?? []),
      ...topics.flatMap((topic) => (topic ? (knowledge.answer(topic, triage.services)?.sources ?? []) : [])),
    ]);
    return {
      result,
      title: summary.title,
      levelLabel: summary.level_label,
      levelTitle: levels.titles[result.level],
      advice: levelText(result, messages),
      toldMeLabel: summary.told_me_label,
      facts,
      safetyNetLabel: summary.safety_net_label,
      safetyNet: summary.safety_net,
      sourcesLabel: summary.sources_label,
      sources,
      disclaimer: summary.disclaimer,
      startAgain: summary.start_again,
    };
  }

  /** Cancelled from outside (cancel, start over, an urgent or emergency level): counted with the question it was on. */
  async endDialog(context: TurnContext, instance: DialogInstance, reason: DialogReason): Promise<void> {
    if (reason === DialogReason.cancelCalled) {
      this.deps.metrics.guideAbandoned(askedQuestion(instance), escalatedThisTurn(context) ? 'escalated' : 'cancelled');
    }
    return super.endDialog(context, instance, reason);
  }

  private async giveUp(step: WaterfallStepContext, question: GuideQuestion): Promise<DialogTurnResult> {
    this.deps.metrics.guideAbandoned(question, 'gave_up');
    const { guide } = this.deps.messages;
    await step.context.sendActivity(textReply(guide.gave_up, guide.gave_up_actions));
    return step.endDialog();
  }
}

function answersOf(step: WaterfallStepContext): GuideAnswers {
  return step.values as GuideAnswers;
}

function uniqueSources(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((source) => !seen.has(source.url) && seen.add(source.url));
}
