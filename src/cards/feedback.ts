import { CardFactory, type Activity } from 'botbuilder-core';
import { ADAPTIVE_CARD_VERSION } from './summaryCard';
import type { BotMessages } from './messages';

export type FeedbackRating = 'up' | 'down';

/** The Teams invoke sent when someone presses a feedback button (thumbs up or down) on a reply. */
export const TEAMS_FEEDBACK_INVOKE = 'message/submitAction';

/** What a Web Chat "Was this helpful?" button submits: a value, never text, so it is not read as a message. */
export interface FeedbackSubmit {
  feedback: FeedbackRating;
  /** The answer's topic, or `summary`. */
  about: string;
}

/**
 * An answer or summary reply with the channel's own way to rate it: Teams' built-in feedback buttons
 * (`channelData.feedbackLoopEnabled`), or in Web Chat a small card "Was this helpful?" under it whose buttons
 * submit a FeedbackSubmit. Other channels get the reply unchanged.
 */
export function withFeedback(channelId: string | undefined, reply: Partial<Activity>, messages: BotMessages, about: string): Partial<Activity> {
  if (channelId === 'msteams') return { ...reply, channelData: { ...reply.channelData, feedbackLoopEnabled: true } };
  if (channelId !== 'webchat') return reply;
  return { ...reply, attachments: [...(reply.attachments ?? []), feedbackCard(messages, about)] };
}

/** The Web Chat feedback card: a question and two buttons, reachable with Tab and pressed with Enter. */
export function feedbackCard(messages: BotMessages, about: string) {
  const submit = (title: string, feedback: FeedbackRating) => ({ type: 'Action.Submit', title, data: { feedback, about } satisfies FeedbackSubmit });
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    body: [{ type: 'TextBlock', text: messages.feedback.question, wrap: true }],
    actions: [submit(messages.feedback.helpful, 'up'), submit(messages.feedback.not_helpful, 'down')],
  });
}

/** True for the Web Chat feedback card (the one attachment that may sit next to suggested actions). */
export function isFeedbackCard(attachment: { contentType?: string; content?: unknown }): boolean {
  const actions = (attachment.content as { actions?: { data?: Partial<FeedbackSubmit> }[] } | undefined)?.actions ?? [];
  return attachment.contentType === 'application/vnd.microsoft.card.adaptive' && actions.length > 0 && actions.every((action) => action.data?.feedback !== undefined);
}

/**
 * The rating a feedback activity gives: the Teams feedback invoke, or a Web Chat feedback button (a message with a
 * FeedbackSubmit value and no text).
 * @remarks Teams' `actionValue.feedback` may carry what the person typed; it is never read, stored or logged. A
 * message with text is never feedback: it goes through triage like any other.
 */
export function feedbackOf(activity: Partial<Activity>): { rating: FeedbackRating; about?: string } | undefined {
  const value = activity.value as Record<string, unknown> | undefined;
  if (!value || typeof value !== 'object') return undefined;
  if (activity.type === 'invoke') {
    if (activity.name !== TEAMS_FEEDBACK_INVOKE || value.actionName !== 'feedback') return undefined;
    const reaction = (value.actionValue as { reaction?: unknown } | undefined)?.reaction;
    return reaction === 'like' ? { rating: 'up' } : reaction === 'dislike' ? { rating: 'down' } : undefined;
  }
  if (activity.type !== 'message' || (activity.text ?? '').trim() !== '') return undefined;
  if (value.feedback !== 'up' && value.feedback !== 'down') return undefined;
  return { rating: value.feedback, about: typeof value.about === 'string' ? value.about : undefined };
}
