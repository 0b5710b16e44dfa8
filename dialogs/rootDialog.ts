import {
  ComponentDialog,
  Dialog,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from './sdk';
import type { Activity } from 'botbuilder';
import type { Intent } from '../src/nlu/recognizer';
import { LEVELS, type TriageEngine } from '../src/triage/triage';
import { ANSWER_TOPICS, type KnowledgeBase } from '../src/knowledge/knowledgeBase';
import { commandFor, shortcutFor, type BotMessages, type Command } from '../src/cards/messages';
import { answerText, levelReply, levelText, textReply, typingActivity, welcomeReply } from '../src/cards/replies';
import { withFeedback } from '../src/cards/feedback';
import type { BotMetrics } from '../src/metrics/botMetrics';
import { getTurnInput, markEscalated, type HeldMessage, type TurnInput } from '../src/conversationTurn';
import { CrampGuideDialog, CRAMP_GUIDE_DIALOG } from './crampGuideDialog';
import { recognizeAnswers, type AnswerPromptOptions } from './answerPrompt';
import { RedFlagDialog, RED_FLAG_DIALOG, type RedFlagDialogOptions, type RedFlagOutcome } from './redFlagDialog';
import { answerFromFacts, factsInWords } from './guideFacts';
import { normaliseText } from '../src/understanding/normalise';
import type { RoutingHints } from '../src/nlu/routingHints';
import type { Clarification } from './clarification';

export const ROOT_DIALOG = 'root';
const ASK_AT_ONCE = 'root.askAtOnce';

/** What the red-flag questions asked at once were asked with: the questions, and the message to answer after a "no". */
interface AskAtOnceOptions {
  questions: string[];
  held?: HeldMessage;
}

/** What the root dialog needs (the seam index.ts wires). */
export interface RootDialogDeps {
  triage: TriageEngine;
  knowledge: KnowledgeBase;
  messages: BotMessages;
  metrics: BotMetrics;
  /** Concepts that route better than the classifier (tonic water → quinine); none by default. */
  routing?: RoutingHints;
  /** In domain or not, and the clarifying reply to an unclear question about leg cramps. */
  clarification: Clarification;
}

/** The intents answered from the knowledge base: those with a topic of their name. */
const ANSWERING_INTENTS: readonly string[] = ANSWER_TOPICS;

/** Below this confidence an intent does not interrupt a question of the guide; the question is asked again instead. */
const INTERRUPT_SCORE = 0.5;
/**
 * Commands that a weak guess does not run: refused when the message is not about leg cramps ("when do the clocks go
 * back" is not cancel), clarified when it is ("right, and if it comes back?" is not cancel either).
 */
const WEAK_GUESS_NOT_RUN: readonly Intent[] = ['help', 'cancel'];

/** Commands that interrupt the guide whatever question it is on. */
const INTERRUPTING_COMMANDS: readonly Command[] = ['help', 'cancel', 'start_over', 'terms'];

/**
 * Routes one message (after the bot's triage) to an answer, a command or the guide, and handles help, cancel,
 * start over, terms and questions in the middle of the guide.
 * @remarks It stays on the stack only while the guide runs; otherwise the stack is empty and each message begins it
 * afresh. What must outlive a turn (last topic, an offer) lives in the conversation memory, not in dialog state.
 */
export class RootDialog extends ComponentDialog {
  constructor(private readonly deps: RootDialogDeps) {
    super(ROOT_DIALOG);
    this.addDialog(new CrampGuideDialog(deps));
    this.addDialog(new RedFlagDialog(deps));
    this.addDialog(new WaterfallDialog(ASK_AT_ONCE, [this.askAtOnce.bind(this), this.afterAskingAtOnce.bind(this)]));
  }

  protected async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.route(innerDc, getTurnInput(innerDc.context));
  }

  protected async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const turn = getTurnInput(innerDc.context);
    const result = (await this.interrupt(innerDc, turn)) ?? (await super.onContinueDialog(innerDc));
    // "No" to the questions asked at once: the message they held back is answered now.
    const held = result.status === DialogTurnStatus.complete ? (result.result as { held?: HeldMessage } | undefined)?.held : undefined;
    return held ? this.route(innerDc, { ...turn, ...held, ask: undefined }) : result;
  }

  private async route(dc: DialogContext, turn: TurnInput): Promise<DialogTurnResult> {
    const { messages } = this.deps;
    const { memory } = turn;
    if (turn.ask && !commandFor(messages, turn.text)) {
      const { questions, thenAnswer } = turn.ask;
      memory.asked = [...(memory.asked ?? []), ...questions];
      const { text, intent, said, concepts, levelSaid } = turn;
      const held: HeldMessage | undefined = thenAnswer ? { text, intent, said, concepts, levelSaid } : undefined;
      return dc.beginDialog(ASK_AT_ONCE, { questions, held } satisfies AskAtOnceOptions);
    }
    const offer = memory.offer;
    memory.offer = undefined;
    if (offer === 'clarify' && this.deps.clarification.pick(turn.text) === 'something_else') {
      return this.say(dc, this.deps.clarification.nothingFits());
    }
    const command = commandFor(messages, turn.text);
    if (command) this.deps.metrics.command(command);
    if (command === 'guide' || (offer === 'guide' && command === 'accept')) return this.startGuide(dc);
    if (offer === 'guide' && command === 'decline') return this.say(dc, textReply(messages.answer.declined, messages.cancel.actions));
    // "no, it's my thigh" after the guide: the correction is kept (the bot merged it) and said back.
    const corrected = !command && isCorrection(turn.text, messages.guide.correction_starts) && factsInWords(turn.said, messages.guide.fact_words);
    if (corrected) return this.say(dc, textReply(messages.guide.got_it.replace('{facts}', corrected), messages.summary.follow_up_actions));
    switch (command) {
      case 'help':
        return this.say(dc, textReply(messages.help.text, messages.help.actions));
      case 'cancel':
        return this.say(dc, textReply(messages.cancel.nothing, messages.cancel.actions));
      case 'start_over':
        // Starting again means the guide asks everything again.
        memory.lastTopic = undefined;
        memory.facts = undefined;
        return this.say(dc, textReply(messages.start_over.text, messages.start_over.actions));
      case 'terms':
        return this.sendTerms(dc);
      case 'more':
        return this.sendMore(dc, turn);
      default:
        return this.routeIntent(dc, turn, shortcutFor(messages, turn.text) ?? this.intentOf(turn));
    }
  }

  private async routeIntent(dc: DialogContext, turn: TurnInput, intent: Intent): Promise<DialogTurnResult> {
    const { messages } = this.deps;
    this.deps.metrics.intent(intent);
    if (ANSWERING_INTENTS.includes(intent)) return this.sendAnswer(dc, turn, intent);
    switch (intent) {
      case 'greeting':
        if (!turn.memory.welcomed) {
          turn.memory.welcomed = true;
          return this.say(dc, welcomeReply(messages));
        }
        return this.say(dc, textReply(messages.greeting.text, messages.greeting.actions));
      case 'help':
        return this.say(dc, textReply(messages.help.text, messages.help.actions));
      case 'cancel':
        return this.say(dc, textReply(messages.cancel.nothing, messages.cancel.actions));
      case 'goodbye':
        return this.say(dc, textReply(messages.goodbye.text));
      default:
        // out_of_scope, and forget_me, which the bot handles before the dialogs run.
        // An unclear question about leg cramps, a reply that carries a conversation on, or a later message that triage has
        // just given a level with the earlier ones ("my calf keeps cramping", then "it's been going on for weeks") is
        // clarified, not refused (after an emergency, the reminder comes instead).
        const emergencySaid = turn.memory.stated?.level === 'emergency';
        if (!emergencySaid && !hasLatinLetters(turn.text)) return this.say(dc, textReply(messages.not_english.text, messages.not_english.actions));
        const carriesOn = turn.memory.recent.length > 1;
        const verdict = this.deps.clarification.verdict(turn.text, carriesOn);
        const inDomain = verdict.inDomain || (turn.levelSaid && (carriesOn || verdict.aside) && !verdict.nearMiss);
        if (!emergencySaid && inDomain) return this.say(dc, this.deps.clarification.offer(turn.text, turn.memory, this.deps.routing?.offered(turn.concepts)));
        this.deps.metrics.notUnderstood('out_of_scope');
        if (emergencySaid) return this.say(dc, textReply(messages.levels.emergency_reminder));
        // The level just given for this message (gout, varicose veins) stands: "I only know about leg cramps" would contradict it.
        return this.say(dc, textReply(turn.levelSaid ? messages.fallback.after_level : messages.fallback.text, messages.fallback.actions));
    }
  }

  /**
   * The classifier's intent, unless a concept of the message routes it better (corpus/understanding/routing.yml).
   * A near miss ("period cramps", "leg day") or an unrelated message ("best way to learn Spanish quickly") is out of
   * scope however sure the intent looks, and so is a question aside ("do statins interact with grapefruit juice") that
   * triage gave no level, and a weak guess of help or cancel ("what's a good broadband deal"; about leg cramps, it is
   * then clarified).
   */
  private intentOf(turn: TurnInput): Intent {
    const { nearMiss, unrelated, aside } = this.deps.clarification.verdict(turn.text, turn.memory.recent.length > 1);
    if (nearMiss || unrelated || (aside && !turn.levelSaid) || !hasLatinLetters(turn.text)) return 'out_of_scope';
    const intent = this.deps.routing?.route(turn.intent.intent, turn.concepts) ?? turn.intent.intent;
    return WEAK_GUESS_NOT_RUN.includes(intent) && turn.intent.score < INTERRUPT_SCORE ? 'out_of_scope' : intent;
  }

  /** Help, cancel, start over, terms and questions while the guide waits for an answer; undefined lets the guide go on. */
  private async interrupt(dc: DialogContext, turn: TurnInput): Promise<DialogTurnResult | undefined> {
    const { messages } = this.deps;
    const command = commandFor(messages, turn.text);
    const interrupting = command && INTERRUPTING_COMMANDS.includes(command) ? command : undefined;
    if (!interrupting && answersActivePrompt(dc, turn, this.deps.triage)) return undefined;
    // A correction or a new fact in the middle of the guide ("no, it's my thigh"): said back, then the question again.
    const stated = factsInWords(turn.said, messages.guide.fact_words);
    if (!interrupting && stated && !turn.text.includes('?')) {
      await dc.context.sendActivity(textReply(messages.guide.got_it.replace('{facts}', stated)));
      await dc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    const { score } = turn.intent;
    const intent = this.intentOf(turn);
    const confident = score >= INTERRUPT_SCORE;
    if (interrupting === 'help' || (!interrupting && confident && intent === 'help')) {
      await dc.context.sendActivity(textReply(messages.help.in_guide));
      await dc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    if (interrupting === 'terms') {
      await this.sendTermsText(dc);
      await dc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    if (interrupting === 'cancel' || (!interrupting && confident && intent === 'cancel')) {
      await dc.cancelAllDialogs();
      return this.say(dc, textReply(messages.cancel.stopped, messages.cancel.actions), DialogTurnStatus.cancelled);
    }
    if (interrupting === 'start_over') {
      await dc.cancelAllDialogs();
      turn.memory.lastTopic = undefined;
      turn.memory.facts = undefined;
      return this.say(dc, textReply(messages.start_over.text, messages.start_over.actions), DialogTurnStatus.cancelled);
    }
    if (confident && intent === 'goodbye') {
      await dc.cancelAllDialogs();
      return this.say(dc, textReply(messages.goodbye.text), DialogTurnStatus.cancelled);
    }
    if (confident && ANSWERING_INTENTS.includes(intent)) {
      const answer = this.deps.knowledge.answer(intent, this.deps.triage.services);
      if (answer) {
        turn.memory.lastTopic = intent;
        await dc.context.sendActivity(withFeedback(dc.context.activity.channelId, textReply(answerText(answer, messages)), messages, intent));
        await dc.repromptDialog();
        return Dialog.EndOfTurn;
      }
    }
    return undefined;
  }

  /** Red-flag questions asked at once (issue 12): before the answer to the message, or after an urgent level. */
  private async askAtOnce(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { questions, held } = step.options as AskAtOnceOptions;
    const { guide } = this.deps.messages;
    await step.context.sendActivity(textReply(held ? guide.safety_intro : guide.safety_after_level));
    return step.beginDialog(RED_FLAG_DIALOG, { only: questions } satisfies RedFlagDialogOptions);
  }

  /** A "yes" or "not sure" says the level it leads to; a "no" answers the message that was held back. */
  private async afterAskingAtOnce(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { held } = step.options as AskAtOnceOptions;
    const { messages } = this.deps;
    const { memory } = getTurnInput(step.context);
    const outcome = step.result as RedFlagOutcome | undefined;
    for (const [question, answer] of Object.entries(outcome?.answers ?? {})) this.deps.metrics.askedAtOnce(question, answer);
    const result = outcome?.result;
    if (result && LEVELS.indexOf(result.level) > LEVELS.indexOf(memory.stated?.level ?? 'self_care')) {
      memory.stated = result;
      if (result.level === 'urgent' || result.level === 'emergency') markEscalated(step.context);
      await step.context.sendActivity(levelReply(result, levelText(result, messages)));
      return step.endDialog();
    }
    await step.context.sendActivity(textReply(held ? messages.guide.safety_thanks : messages.guide.safety_thanks_after_level));
    return step.endDialog(held ? { held } : undefined);
  }

  private async startGuide(dc: DialogContext): Promise<DialogTurnResult> {
    await dc.context.sendActivity(typingActivity());
    this.deps.metrics.guideStarted();
    return dc.beginDialog(CRAMP_GUIDE_DIALOG);
  }

  private async sendAnswer(dc: DialogContext, turn: TurnInput, intent: Intent): Promise<DialogTurnResult> {
    const { messages, knowledge, triage } = this.deps;
    const answer = knowledge.answer(intent, triage.services);
    if (!answer) return this.say(dc, textReply(messages.answer.missing, messages.fallback.actions));
    // The same topic again in one episode, saying the answer did not help ("still cramping" after the relief steps): the
    // rest of the answer, which says when to get help, not the same steps again.
    const again = turn.memory.lastTopic === intent && turn.memory.recent.length > 1;
    if (again && this.deps.routing?.asksForMore(turn.concepts) && answer.more.trim()) return this.sendMore(dc, turn);
    turn.memory.lastTopic = intent;
    const channelId = dc.context.activity.channelId;
    if (messages.answer.offer_guide_after.includes(intent)) {
      await dc.context.sendActivity(withFeedback(channelId, textReply(answerText(answer, messages)), messages, intent));
      turn.memory.offer = 'guide';
      return this.say(dc, textReply(messages.answer.offer_guide, messages.answer.offer_actions));
    }
    const actions = messages.answer.actions.filter((title) => shortcutFor(messages, title) !== intent);
    return this.say(dc, withFeedback(channelId, textReply(answerText(answer, messages), actions), messages, intent));
  }

  private async sendMore(dc: DialogContext, turn: TurnInput): Promise<DialogTurnResult> {
    const { messages, knowledge, triage } = this.deps;
    const topic = turn.memory.lastTopic;
    const answer = topic ? knowledge.answer(topic, triage.services) : undefined;
    if (!topic || !answer) return this.say(dc, textReply(messages.more.none, messages.more.actions));
    const body = answer.more.trim() || messages.more.nothing_more;
    const actions = messages.more.actions.filter((title) => shortcutFor(messages, title) !== topic);
    return this.say(dc, withFeedback(dc.context.activity.channelId, textReply(answerText(answer, messages, body), actions), messages, topic));
  }

  private async sendTerms(dc: DialogContext): Promise<DialogTurnResult> {
    await this.sendTermsText(dc, this.deps.messages.terms.actions);
    return { status: DialogTurnStatus.complete };
  }

  private async sendTermsText(dc: DialogContext, actions: string[] = []): Promise<void> {
    const { messages, knowledge, triage } = this.deps;
    const terms = knowledge.answer('terms', triage.services);
    await dc.context.sendActivity(textReply(terms ? answerText(terms, messages) : messages.answer.missing, actions));
  }

  private async say(
    dc: DialogContext,
    reply: Partial<Activity>,
    status: DialogTurnStatus = DialogTurnStatus.complete,
  ): Promise<DialogTurnResult> {
    await dc.context.sendActivity(reply);
    return { status };
  }
}

/** Whether a message with letters has any Latin ones ("عندي شد عضلي" has none): the bot reads only English. */
function hasLatinLetters(text: string): boolean {
  return /[a-z]/i.test(text) || !/\p{L}/u.test(text);
}

/** A message that starts like a correction ("no, it's my thigh", "actually…"). */
function isCorrection(text: string, starts: readonly string[]): boolean {
  const words = normaliseText(text).replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim();
  return starts.some((start) => words === start || words.startsWith(`${start} `));
}

/** True when the message answers the question the guide is waiting on, so it is not an interruption. */
function answersActivePrompt(dc: DialogContext, turn: TurnInput, triage: TriageEngine): boolean {
  let leaf: DialogContext = dc;
  while (leaf.child) leaf = leaf.child;
  const options = leaf.activeDialog?.state?.options as AnswerPromptOptions | undefined;
  if (!options?.answers) return false;
  if (options.question && answerFromFacts(options.question, turn.said)) return true;
  return recognizeAnswers(turn.text, options.answers, options.multiple ?? false, triage.negatedWords(turn.text)).length > 0;
}
