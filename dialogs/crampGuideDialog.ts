import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogReason,
  WaterfallDialog,
  type DialogInstance,
  type DialogTurnResult,
  type WaterfallStepContext,
} from './sdk';
import type { KnowledgeBase, Source } from '../src/knowledge/knowledgeBase';
import { LEVELS, moreSevere, type TriageEngine, type TriageResult } from '../src/triage/triage';
import { GUIDE_QUESTIONS, type BotMessages, type GuideQuestion } from '../src/cards/messages';
import { answerText, levelReply, levelText, textReply, typingActivity } from '../src/cards/replies';
import { summaryReply, type GuideSummary } from '../src/cards/summaryCard';
import { escalatedThisTurn, getTurnInput } from '../src/conversationTurn';
import { withFeedback } from '../src/cards/feedback';
import type { BotMetrics } from '../src/metrics/botMetrics';
import { noFacts, type CrampFacts } from '../src/understanding/facts';
import { AnswerPrompt, askedQuestion, type AnswerPromptOptions } from './answerPrompt';
import { RedFlagDialog, RED_FLAG_DIALOG, type RedFlagOutcome } from './redFlagDialog';
import { answerFromFacts, factorsOf, factsInWords, factWords, isKnown, recordAnswer } from './guideFacts';

export const CRAMP_GUIDE_DIALOG = 'crampGuide';
const STEPS = 'crampGuide.steps';
const ANSWER = 'crampGuide.answer';

export interface CrampGuideDeps {
  triage: TriageEngine;
  knowledge: KnowledgeBase;
  messages: BotMessages;
  metrics: BotMetrics;
}

/** The result a step passes on when its question was skipped because the answer was already known. */
const KNOWN = ['(known)'];

/**
 * The guide: what is happening → likely triggers → what to do now and to prevent it → when to see a doctor (the
 * red-flag questions) → a summary card with the level, the advice for this person's triggers and the sources.
 * @remarks It listens: the facts of every message (memory.facts, from the understanding layer) are kept, a question
 * whose answer is already known is skipped (as core-bot skips what the first message said), and an answer in the
 * person's own words goes through the same layer ("last night" → keeps coming back). Triage of free text and the
 * interruptions (help, cancel, forget me, a correction) happen around it, in the bot and the root dialog; a question
 * it cannot read three times ends the guide with a way out.
 */
export class CrampGuideDialog extends ComponentDialog {
  constructor(private readonly deps: CrampGuideDeps) {
    super(CRAMP_GUIDE_DIALOG);
    this.addDialog(new AnswerPrompt(ANSWER, deps.metrics, (text) => deps.triage.negatedWords(text), answerFromFacts));
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

  /**
   * A step that keeps the answer to the previous question in the facts, then asks the next question unless its
   * answer is already known. The first step says, in one line, what is known already.
   */
  private askStep(question: GuideQuestion, previous: GuideQuestion | undefined) {
    return async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
      const { messages } = this.deps;
      const { memory } = getTurnInput(step.context);
      const facts = (memory.facts ??= noFacts());
      if (previous) {
        if (!step.result) return this.giveUp(step, previous);
        if (step.result !== KNOWN) memory.facts = recordAnswer(previous, step.result as string[], facts);
      } else {
        const known = factsInWords(facts, messages.guide.fact_words);
        await step.context.sendActivity(textReply(known ? `${messages.guide.intro}\n\n${messages.guide.so_far.replace('{facts}', known)}` : messages.guide.intro));
      }
      if (isKnown(question, memory.facts)) return step.next(KNOWN);
      const spec = messages.guide.questions[question];
      const options: AnswerPromptOptions = {
        question,
        prompt: spec.text,
        retryPrompt: spec.retry,
        answers: spec.choices,
        multiple: question === 'triggers',
        acceptsUnsure: question !== 'pattern' && question !== 'triggers',
      };
      return step.prompt(ANSWER, options);
    };
  }

  /** What to do now (relief if a cramp is happening), how to prevent it, and what helps for each of the person's triggers. */
  private async adviseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (!step.result) return this.giveUp(step, 'triggers');
    const { memory } = getTurnInput(step.context);
    const facts = (memory.facts = step.result === KNOWN ? (memory.facts ?? noFacts()) : recordAnswer('triggers', step.result as string[], memory.facts ?? noFacts()));
    const { messages, knowledge, triage } = this.deps;
    const guide = messages.guide;
    if (facts.now === true) {
      const relief = knowledge.answer('relief_now', triage.services);
      if (relief) await step.context.sendActivity(textReply(`${guide.advice_intro}\n\n${answerText(relief, messages)}`));
    }
    const prevention = knowledge.answer('prevention', triage.services);
    const triggerLines = factorsOf(facts).map((trigger) => guide.trigger_advice[trigger]).filter(Boolean);
    const preventionParts = [
      facts.now === true ? '' : guide.advice_intro,
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
    const facts = memory.facts ?? noFacts();
    const summary = summaryReply(this.summary(final, facts), facts);
    await step.context.sendActivity(withFeedback(step.context.activity.channelId, summary, messages, 'summary'));
    await step.context.sendActivity(textReply(messages.summary.follow_up, messages.summary.follow_up_actions));
    return step.endDialog(final);
  }

  private summary(result: TriageResult, known: CrampFacts): GuideSummary {
    const { messages, knowledge, triage } = this.deps;
    const { summary, levels, guide } = messages;
    const words = guide.fact_words;
    const factors = factorsOf(known);
    const said = factWords(known, words);
    const rows: Array<[string, string | undefined]> = [
      [summary.facts.pattern, said.now],
      [summary.facts.where, said.site],
      [summary.facts.when, said.when],
      [summary.facts.how_long, said.howLong],
      [summary.facts.how_often, said.howOften],
      [summary.facts.triggers, factors.length ? factors.map((factor) => words.triggers[factor] ?? factor).join(', ') : summary.none],
    ];
    const facts = rows.map(([title, value]) => ({ title, value: value ? capitalise(value) : summary.unknown }));
    const topics = [known.now === true ? 'relief_now' : undefined, 'prevention', 'see_doctor'];
    const sources = uniqueSources([
      ...(result.sources ?? []),
      ...topics.flatMap((topic) => (topic ? (knowledge.answer(topic, triage.services)?.sources ?? []) : [])),
      ...factors.flatMap((factor) => guide.trigger_sources[factor] ?? []),
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

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function uniqueSources(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((source) => !seen.has(source.url) && seen.add(source.url));
}
