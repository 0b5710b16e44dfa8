import {
  ActivityHandler,
  TurnContext,
  type Activity,
  type InvokeResponse,
  type ConversationState,
  type StatePropertyAccessor,
  type UserState,
} from 'botbuilder-core';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogContext, type DialogState } from '../dialogs/sdk';
import type { Recognizer } from './nlu/recognizer';
import { LEVELS, type TriageEngine, type TriageResult } from './triage/triage';
import type { KnowledgeBase } from './knowledge/knowledgeBase';
import type { Logger } from './logger';
import { commandFor, type BotMessages } from './cards/messages';
import { factsSaid, mergeFacts, noFacts } from './understanding/facts';
import type { MessageUnderstanding } from './understanding/findings';
import { answerText, levelReply, levelText, textReply, welcomeReply } from './cards/replies';
import { markEscalated, newConversationMemory, promptedThisTurn, setTurnInput, type ConversationMemory, type TurnInput } from './conversationTurn';
import { feedbackOf, type FeedbackRating } from './cards/feedback';
import type { BotMetrics } from './metrics/botMetrics';

export interface CrampBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  /** The dialog every message goes to after triage (dialogs/rootDialog.ts). */
  rootDialog: Dialog;
  recognizer: Recognizer;
  triage: TriageEngine;
  knowledge: KnowledgeBase;
  messages: BotMessages;
  logger: Logger;
  metrics: BotMetrics;
  /** Whether a message is about leg cramps (issue 16); without it every question about a child is only signposted. */
  inDomain?: (text: string) => boolean;
}

/** Longer messages are screened by triage, then answered politely instead of classified. */
export const MAX_MESSAGE_LENGTH = 1000;
/** How many recent user messages triage reads together ("my calf is swollen" … "now I can't breathe"). */
export const RECENT_MESSAGES = 5;

/** A pause this long between two messages starts a new episode (see startNewEpisodeAfterAPause). */
export const EPISODE_PAUSE_MS = 12 * 60 * 60 * 1000;

/** "Forget me" deletes state, so a classifier guess must be confident; the exact phrases always work. */
const FORGET_ME_SCORE = 0.5;
/**
 * A short question about what was just said ("is that normal?", "should I worry?", "is it serious?"). After a red flag
 * it is about the red flag: its advice is said again, not a general answer ("Very common … most cramps are harmless").
 */
const ASKS_ABOUT_IT = /^(?:(?:is|are|was|could|can|should|would|does|do|will|might) (?:that|this|these|those|it)\b[^?.!]{0,30}|should i (?:be )?worr(?:y|ied)[^?.!]{0,20}|is it serious)\s*[?!.]*$/i;

type UnreadableReason = 'empty' | 'emoji_only' | 'attachment';

/** A user message after normalising: the text to read, or why there is nothing to read. */
type UserMessage = { text: string; tooLong: boolean } | { unreadable: UnreadableReason };

/**
 * crampbot's turn handler. One message goes: normalise → triage (every message, with the recent ones) → an
 * emergency or a new, higher level is said at once → forget me → recognizer → root dialog (red-flag questions asked at
 * once, commands, answers, the guide) → state saved.
 */
export class CrampBot extends ActivityHandler {
  private readonly memory: StatePropertyAccessor<ConversationMemory>;
  private readonly dialogs: DialogSet;

  constructor(private readonly deps: CrampBotDeps) {
    super();
    this.memory = deps.conversationState.createProperty<ConversationMemory>('memory');
    this.dialogs = new DialogSet(deps.conversationState.createProperty<DialogState>('dialogState')).add(deps.rootDialog);

    this.onMessage(async (context, next) => {
      const feedback = feedbackOf(context.activity);
      if (feedback) await this.thankForFeedback(context, feedback.rating, feedback.about);
      else await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const people = (context.activity.membersAdded ?? []).filter((member) => member.id !== context.activity.recipient?.id);
      if (people.length > 0) await this.welcome(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      if (context.activity.name === 'webchat/join') await this.welcome(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
  }

  /** Runs the turn, then saves what changed (nothing after "forget me": the state was deleted). */
  async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context);
    await this.deps.userState.saveChanges(context);
  }

  /** Teams' feedback buttons arrive as an invoke, answered with 200 (Teams then shows its own thank-you). */
  protected async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const feedback = feedbackOf(context.activity);
    if (!feedback) return super.onInvokeActivity(context);
    this.deps.metrics.feedback(context.activity.channelId, feedback.rating, feedback.about);
    return { status: 200, body: {} };
  }

  /** A Web Chat "Was this helpful?" button: counted and thanked, never triaged or classified (it carries no words). */
  private async thankForFeedback(context: TurnContext, rating: FeedbackRating, about: string | undefined): Promise<void> {
    const { messages, metrics } = this.deps;
    metrics.feedback(context.activity.channelId, rating, about);
    await context.sendActivity(textReply(rating === 'up' ? messages.feedback.thanks_up : messages.feedback.thanks_down, messages.feedback.actions));
    await this.repromptIfWaiting(context);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { messages, triage, recognizer, logger, metrics } = this.deps;
    const message = readUserMessage(context.activity);
    if ('unreadable' in message) {
      metrics.notUnderstood('unreadable');
      await context.sendActivity(textReply(messages.bad_input[message.unreadable], message.unreadable === 'attachment' ? [] : messages.bad_input.actions));
      await this.repromptIfWaiting(context);
      return;
    }
    const { text } = message;
    context.activity.text = text;

    // 1. Triage, before anything else, on this message together with the recent ones.
    const memory = await this.memory.get(context, newConversationMemory());
    startNewEpisodeAfterAPause(memory, Date.now());
    const earlier = memory.recent;
    memory.recent = [...earlier, text.slice(0, MAX_MESSAGE_LENGTH)].slice(-RECENT_MESSAGES);
    const screened = triage.assess([...earlier, text]);
    logger.debug({ level: screened.level, rules: screened.rules }, 'triage');
    // What the message says about the cramps, kept for the guide (it asks only for what is still unknown).
    const understood = triage.understand(text);
    const said = factsSaid(understood);
    memory.facts = mergeFacts(memory.facts ?? noFacts(), said);
    // The topics of the message, whoever they are about ("my mum swears by tonic water" is still about quinine).
    const concepts = [...new Set(understood.findings.filter((finding) => !finding.negated).map((finding) => finding.concept))];
    if (screened.level === 'emergency' && this.isNewEmergency(memory, screened, text, understood)) {
      await this.sendEmergency(context, memory, screened);
      return;
    }
    if (screened.aboutChild && !(screened.level === 'urgent' && isNewLevel(screened, memory.stated))) {
      await this.signpostForChild(context, memory, text);
      return;
    }
    // Signs on the way to a red flag that the words could not confirm: its question is asked at once (once an episode).
    const ask = (screened.ask ?? []).filter((id) => !memory.asked?.includes(id));
    let levelSaid = false;
    if (isNewLevel(screened, memory.stated)) {
      memory.stated = withRulesStated(screened, memory.stated);
      levelSaid = true;
      if (screened.level === 'urgent') {
        await this.sendUrgent(context, screened);
        if (ask.length > 0) await this.askAfterUrgent(context, { text, intent: recognizer.classify(text), memory, said, concepts, ask: { questions: ask, thenAnswer: false } });
        return;
      }
      await context.sendActivity(levelReply(screened, levelText(screened, messages)));
    } else if ((screened.level === 'urgent' || screened.level === 'emergency') && ASKS_ABOUT_IT.test(text.trim())) {
      // Said again as text: the level was stated once this episode (metrics count statements, not reminders).
      await context.sendActivity(textReply(levelText(screened, messages)));
      return;
    }

    // 2. A very long message is not read in full.
    if (message.tooLong) {
      metrics.notUnderstood('too_long');
      await context.sendActivity(textReply(messages.bad_input.too_long, messages.bad_input.actions));
      await this.repromptIfWaiting(context);
      return;
    }

    // 3. Forget me, wherever the conversation is.
    const intent = recognizer.classify(text);
    logger.debug({ intent: intent.intent, score: Number(intent.score.toFixed(3)) }, 'intent');
    if (commandFor(messages, text) === 'forget_me' || (intent.intent === 'forget_me' && intent.score >= FORGET_ME_SCORE)) {
      await this.forget(context);
      return;
    }

    // 4. Everything else: commands, answers and the guide.
    setTurnInput(context, { text, intent, memory, said, concepts, levelSaid, ...(ask.length > 0 ? { ask: { questions: ask, thenAnswer: true } } : {}) });
    const dc = await this.dialogs.createContext(context);
    await this.dropUnknownDialogs(dc);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      await dc.beginDialog(this.deps.rootDialog.id);
    } else if (result.status === DialogTurnStatus.waiting && levelSaid && !promptedThisTurn(context)) {
      // A prompt does not repeat its question after something else replied this turn; the level came first.
      await dc.repromptDialog();
    }
  }

  /** State saved by an older version can name a dialog this one lacks: that conversation starts afresh, not failing every turn. */
  private async dropUnknownDialogs(dc: DialogContext): Promise<void> {
    if (!namesAnUnknownDialog(dc)) return;
    this.deps.logger.warn('dropped dialog state that names a dialog this version does not have');
    await dc.cancelAllDialogs();
  }

  /**
   * An emergency is said when it is new, again whenever a message on its own is one, and again when a message tells of
   * a symptom while it stands ("he doesn't know what day it is" after heatstroke's 999): never a cramp answer instead.
   */
  private isNewEmergency(memory: ConversationMemory, screened: TriageResult, text: string, understood: MessageUnderstanding): boolean {
    return (
      isNewLevel(screened, memory.stated) ||
      this.deps.triage.assess([text]).level === 'emergency' ||
      understood.findings.some((finding) => finding.category === 'finding' && !finding.negated && !finding.hypothetical && !finding.historical)
    );
  }

  /** The instruction first, the stack cleared, nothing more asked. */
  private async sendEmergency(context: TurnContext, memory: ConversationMemory, result: TriageResult): Promise<void> {
    memory.stated = withRulesStated(result, memory.stated);
    memory.offer = undefined;
    const dc = await this.dialogs.createContext(context);
    markEscalated(context);
    await dc.cancelAllDialogs();
    await context.sendActivity(levelReply(result, levelText(result, this.deps.messages)));
  }

  /** Same-day help: said at once; a guide in progress ends with it. */
  private async sendUrgent(context: TurnContext, result: TriageResult): Promise<void> {
    const { messages } = this.deps;
    const dc = await this.dialogs.createContext(context);
    const inGuide = dc.activeDialog !== undefined;
    markEscalated(context);
    await dc.cancelAllDialogs();
    const text = inGuide ? `${levelText(result, messages)}\n\n${messages.levels.guide_stopped}` : levelText(result, messages);
    await context.sendActivity(levelReply(result, text, messages.levels.after_urgent_actions));
  }

  /** After an urgent level, the emergency questions its signs lead to (the root dialog asks them). */
  private async askAfterUrgent(context: TurnContext, input: TurnInput): Promise<void> {
    setTurnInput(context, input);
    const dc = await this.dialogs.createContext(context);
    await dc.beginDialog(this.deps.rootDialog.id);
  }

  /**
   * Questions about a child are out of scope: signposting, no level, no guide (a red flag is still said above). One that
   * is not about leg cramps at all ("can my son go swimming with a verruca") is also told what the bot knows about.
   */
  private async signpostForChild(context: TurnContext, memory: ConversationMemory, text: string): Promise<void> {
    const { knowledge, triage, messages, inDomain } = this.deps;
    const answer = knowledge.answer('children', triage.services);
    const signpost = answer ? answerText(answer, messages) : messages.answer.children;
    memory.lastTopic = 'children';
    if (inDomain && !inDomain(text)) await context.sendActivity(textReply(`${messages.fallback.text}\n\n${signpost}`, messages.fallback.actions));
    else await context.sendActivity(textReply(signpost));
    await this.repromptIfWaiting(context);
  }

  private async forget(context: TurnContext): Promise<void> {
    await this.deps.conversationState.delete(context);
    await this.deps.userState.delete(context);
    this.deps.logger.info({ channelId: context.activity.channelId }, 'forgot a user and their conversation');
    await context.sendActivity(textReply(this.deps.messages.forget_me.done, this.deps.messages.welcome.actions));
  }

  private async welcome(context: TurnContext): Promise<void> {
    const memory = await this.memory.get(context, newConversationMemory());
    if (memory.welcomed) return;
    memory.welcomed = true;
    await context.sendActivity(welcomeReply(this.deps.messages));
  }

  /** After a reply about the message itself, repeat the guide's question if one is waiting. */
  private async repromptIfWaiting(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    await this.dropUnknownDialogs(dc);
    if (dc.activeDialog) await dc.repromptDialog();
  }
}

/** Normalises a message: @mention removed, a card submit's value as text, and the messages there is nothing to read in. */
export function readUserMessage(activity: Partial<Activity>): UserMessage {
  let text = activity.text ?? '';
  if (activity.entities?.some((entity) => entity.type === 'mention') && activity.recipient) {
    text = TurnContext.removeRecipientMention(activity) ?? text;
  }
  // Other people's mentions keep their names; Teams may send non-breaking spaces as entities.
  text = text.replace(/<\/?at>/g, '').replace(/&nbsp;/g, ' ');
  if (!text.trim() && activity.value !== undefined) text = textOfValue(activity.value);
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ').trim();
  if (!text) return { unreadable: (activity.attachments?.length ?? 0) > 0 ? 'attachment' : 'empty' };
  if (!/[\p{L}\p{N}]/u.test(text)) return { unreadable: 'emoji_only' };
  return { text, tooLong: text.length > MAX_MESSAGE_LENGTH };
}

function namesAnUnknownDialog(dc: DialogContext): boolean {
  for (let level: DialogContext | undefined = dc; level?.activeDialog; level = level.child) {
    if (!level.findDialog(level.activeDialog.id)) return true;
  }
  return false;
}

/** A card submit's `value` as the words it stands for: `"yes"`, `{ text: "yes" }`, `{ choice: "yes" }`, … */
function textOfValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return '';
  const fields = value as Record<string, unknown>;
  for (const key of ['text', 'choice', 'answer', 'value', 'action']) {
    if (typeof fields[key] === 'string') return fields[key] as string;
  }
  return '';
}

/**
 * A level is said when it is above what was already said in this episode, or the same level for a new reason
 * (a rule not stated yet); the same warning is not repeated for every later message that touches on it.
 */
function isNewLevel(result: TriageResult, stated: TriageResult | undefined): boolean {
  if (result.level === 'self_care') return false;
  const said = LEVELS.indexOf(stated?.level ?? 'self_care');
  const now = LEVELS.indexOf(result.level);
  return now > said || (now === said && result.rules.some((rule) => !stated?.rules.includes(rule)));
}

function withRulesStated(result: TriageResult, stated: TriageResult | undefined): TriageResult {
  if (stated?.level !== result.level) return result;
  return { ...result, rules: [...new Set([...stated.rules, ...result.rules])] };
}

/**
 * After a long pause (a Teams chat lasts for months) the earlier messages and levels belong to another episode:
 * they no longer combine with new messages in triage, and a level said then is said again if it comes back.
 */
function startNewEpisodeAfterAPause(memory: ConversationMemory, now: number): void {
  if (memory.lastMessageAt !== undefined && now - memory.lastMessageAt > EPISODE_PAUSE_MS) {
    memory.recent = [];
    memory.stated = undefined;
    memory.offer = undefined;
    memory.asked = undefined;
    // Where and why cramps come stays true; whether one is happening now does not.
    if (memory.facts) memory.facts = { ...memory.facts, now: null };
  }
  memory.lastMessageAt = now;
}
