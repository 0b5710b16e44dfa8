import type { Activity } from 'botbuilder';
import type { Intent, Recognizer } from '../src/nlu/recognizer';
import type { DomainCheck, DomainVerdict } from '../src/nlu/domain';
import { normalisePhrase, shortcutFor, type BotMessages } from '../src/cards/messages';
import { textReply } from '../src/cards/replies';
import type { BotMetrics } from '../src/metrics/botMetrics';
import type { ConversationMemory } from '../src/conversationTurn';

/** Topics offered with "something else": 3 suggested actions, Teams' limit in personal chat. */
const TOPICS_OFFERED = 2;

export interface ClarificationDeps {
  recognizer: Pick<Recognizer, 'rank'>;
  domain: DomainCheck;
  messages: BotMessages;
  metrics: BotMetrics;
}

/** How a message stands after a clarification: a topic picked, "something else", or neither (a new question). */
export type ClarificationPick = Intent | 'something_else' | undefined;

/**
 * What the router does with a question it cannot place (issue 16): a question about leg cramps with no clear intent
 * gets the most likely topics to pick from, never a refusal and never a guess; only a message that is not about
 * leg cramps is refused.
 * @remarks The offer lives in the conversation memory (`offer: 'clarify'`) for one turn, like the guide's offer, so
 * a tap on a topic is counted as a pick; the tap itself is a shortcut and answers its topic wherever it comes from.
 */
export class Clarification {
  constructor(private readonly deps: ClarificationDeps) {}

  /**
   * Whether the message is about leg cramps (whatever its intent score), and whether it is a near miss ("period
   * cramps"); `carriesOn` when it follows an earlier message of the conversation.
   */
  verdict(text: string, carriesOn = false): DomainVerdict {
    return this.deps.domain.decide(text, carriesOn);
  }

  /**
   * The clarifying reply: one line, the two most likely topics and "something else". `likely`: topics the message's
   * concepts point to (corpus/understanding/routing.yml `offer`), before the classifier's.
   */
  offer(text: string, memory: ConversationMemory, likely: readonly Intent[] = []): Partial<Activity> {
    const { messages, metrics, recognizer } = this.deps;
    const intents = [...likely, ...recognizer.rank(text).map(({ intent }) => intent)];
    const topics = [...new Set(intents.map((intent) => messages.clarify.topics[intent]))]
      .filter((title): title is string => title !== undefined)
      .slice(0, TOPICS_OFFERED);
    memory.offer = 'clarify';
    metrics.clarified();
    return textReply(messages.clarify.text, [...topics, messages.clarify.something_else]);
  }

  /** What a message answering the clarification picked, counted (without its text); undefined for anything else. */
  pick(text: string): ClarificationPick {
    const { messages, metrics } = this.deps;
    if (messages.clarify.something_else_phrases.includes(normalisePhrase(text))) {
      metrics.clarificationPicked('something_else');
      return 'something_else';
    }
    const topic = shortcutFor(messages, text);
    if (!topic || messages.clarify.topics[topic] === undefined) return undefined;
    metrics.clarificationPicked(topic);
    return topic;
  }

  /** "Something else": said honestly, with the guide and when to see a doctor. */
  nothingFits(): Partial<Activity> {
    const { messages } = this.deps;
    return textReply(messages.clarify.nothing_fits, messages.clarify.nothing_fits_actions);
  }
}
