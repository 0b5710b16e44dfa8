import { ActionTypes, ActivityTypes, CardFactory, InputHints, MessageFactory, type Activity } from 'botbuilder-core';
import type { Answer, Source } from '../knowledge/knowledgeBase';
import { triageEntity, type TriageResult } from '../triage/triage';
import type { BotMessages } from './messages';

/** Teams shows at most this many suggested actions; every reply keeps to it, prompts included. */
export const MAX_SUGGESTED_ACTIONS = 3;

/** A text reply with up to three suggested actions. */
export function textReply(text: string, actions: readonly string[] = []): Partial<Activity> {
  const shown = actions.slice(0, MAX_SUGGESTED_ACTIONS);
  return shown.length > 0 ? MessageFactory.suggestedActions([...shown], text) : MessageFactory.text(text);
}

export function welcomeReply(messages: BotMessages): Partial<Activity> {
  return textReply(messages.welcome.text, messages.welcome.actions);
}

/**
 * A reply that states a triage level: carries the machine-readable triage entity (SPEC §4).
 * @remarks Never has suggested actions when the level is an emergency: nothing is asked after one.
 */
export function levelReply(result: TriageResult, text: string, actions: readonly string[] = []): Partial<Activity> {
  const reply = result.level === 'emergency' ? MessageFactory.text(text) : textReply(text, actions);
  reply.entities = [triageEntity(result)];
  reply.inputHint = result.level === 'emergency' ? InputHints.IgnoringInput : InputHints.AcceptingInput;
  return reply;
}

/** What to say for a level: the rule's own wording, else the level's default, plus a footer for urgent and gp. */
export function levelText(result: TriageResult, messages: BotMessages): string {
  const advice = result.advice.trim() || messages.levels.fallback[result.level];
  if (result.level === 'urgent') return `${advice}\n\n${messages.levels.urgent_footer}`;
  if (result.level === 'gp') return `${advice}\n\n${messages.levels.gp_footer}`;
  return advice;
}

/** An answer from the knowledge base, with its sources and the weak-evidence note if its text lacks them. */
export function answerText(answer: Answer, messages: BotMessages, body: string = answer.text): string {
  const parts = [body.trim()];
  if (answer.weakEvidence && !/\bevidence\b/i.test(body)) parts.push(`_${messages.answer.weak_evidence}_`);
  const missing = answer.sources.filter((source) => !body.includes(source.url));
  if (missing.length > 0) parts.push(sourcesLine(messages.answer.sources_label, missing));
  return parts.join('\n\n');
}

export function sourcesLine(label: string, sources: readonly Source[]): string {
  return `${label}: ${sources.map((source) => `[${source.title}](${source.url})`).join(' · ')}`;
}

export interface PromptChoice {
  title: string;
}

/**
 * A question with its choices, shaped for the channel.
 * @remarks Teams shows at most three suggested actions and none next to an attachment, so a longer list
 * becomes a hero card of buttons there; other channels get suggested actions.
 */
export function promptReply(channelId: string | undefined, text: string, choices: readonly PromptChoice[]): Partial<Activity> {
  const titles = choices.map((choice) => choice.title);
  if (channelId === 'msteams' && titles.length > MAX_SUGGESTED_ACTIONS) {
    const buttons = titles.map((title) => ({ type: ActionTypes.ImBack, title, value: title }));
    const reply = MessageFactory.attachment(CardFactory.heroCard('', undefined, buttons), text);
    reply.inputHint = InputHints.ExpectingInput;
    return reply;
  }
  const reply = MessageFactory.suggestedActions(titles, text);
  reply.inputHint = InputHints.ExpectingInput;
  return reply;
}

export function typingActivity(): Partial<Activity> {
  return { type: ActivityTypes.Typing };
}
