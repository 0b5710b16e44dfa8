import type { TurnContext } from 'botbuilder';
import type { IntentResult } from './nlu/recognizer';
import type { TriageResult } from './triage/triage';
import type { CrampFacts } from './understanding/facts';

/** What crampbot remembers about one conversation (ConversationState), and nothing more. */
export interface ConversationMemory {
  /** The welcome was sent; it is sent once per conversation. */
  welcomed?: boolean;
  /** The last few user messages, oldest first, so triage can read them together. */
  recent: string[];
  /** The most severe level already told to the person in this conversation. */
  stated?: TriageResult;
  /** The topic of the last answer, for "tell me more". */
  lastTopic?: string;
  /** What the last reply offered, so a plain "yes" can accept it, or a tap can pick from a clarification. */
  offer?: 'guide' | 'clarify';
  /** When the last user message arrived (ms since the epoch): a long pause starts a new episode. */
  lastMessageAt?: number;
  /** What the person has said about their cramps, from every message (the guide asks only for the rest). */
  facts?: CrampFacts;
  /** Red-flag questions already asked at once in this episode (each is asked once). */
  asked?: string[];
}

export function newConversationMemory(): ConversationMemory {
  return { recent: [] };
}

/** What the bot hands the dialogs for one user message, after normalising and triage. */
export interface TurnInput {
  /** The message as the dialogs should read it: mention removed, card submit turned into text. */
  text: string;
  intent: IntentResult;
  memory: ConversationMemory;
  /** The facts this message states (already merged into memory.facts). */
  said: Partial<CrampFacts>;
  /** The concepts this message names, whoever they are about (the understanding layer), for routing hints. */
  concepts: string[];
  /**
   * Red-flag questions triage wants asked at once (TriageResult.ask), not asked yet in this episode; `thenAnswer`
   * when the message is answered after a "no" (not after an urgent level, which replaced the answer).
   */
  ask?: { questions: string[]; thenAnswer: boolean };
  /** Triage said a level for this message: a later unclear one that is no near miss is then clarified, not refused. */
  levelSaid?: boolean;
}

/** The part of a turn's input that is answered after the red-flag questions asked at once. */
export type HeldMessage = Pick<TurnInput, 'text' | 'intent' | 'said' | 'concepts' | 'levelSaid'>;

const TURN_INPUT = Symbol('crampbot.turnInput');

export function setTurnInput(context: TurnContext, input: TurnInput): void {
  context.turnState.set(TURN_INPUT, input);
}

/**
 * The current turn's input.
 * @remarks Only set for user messages that passed triage; dialogs run for nothing else.
 */
export function getTurnInput(context: TurnContext): TurnInput {
  const input = context.turnState.get(TURN_INPUT) as TurnInput | undefined;
  if (!input) throw new Error('getTurnInput: the bot did not set the turn input before running the dialogs');
  return input;
}

const PROMPTED = Symbol('crampbot.prompted');

/** Called by a prompt when it asks its question, so the bot knows the question was put this turn. */
export function markPrompted(context: TurnContext): void {
  context.turnState.set(PROMPTED, true);
}

export function promptedThisTurn(context: TurnContext): boolean {
  return context.turnState.get(PROMPTED) === true;
}

const ESCALATED = Symbol('crampbot.escalated');

/** Called before the bot stops the dialogs for urgent or emergency help, so the guide knows why it ended. */
export function markEscalated(context: TurnContext): void {
  context.turnState.set(ESCALATED, true);
}

export function escalatedThisTurn(context: TurnContext): boolean {
  return context.turnState.get(ESCALATED) === true;
}
