import { CardFactory, InputHints, type Activity, type Attachment } from 'botbuilder-core';
import type { Source } from '../knowledge/knowledgeBase';
import { triageEntity, type TriageLevel, type TriageResult } from '../triage/triage';
import type { CrampFacts } from '../understanding/facts';

/** Teams renders Adaptive Cards up to 1.5; Web Chat reads them too. */
export const ADAPTIVE_CARD_VERSION = '1.5';

/** Everything the guide's summary card shows, already worded. */
export interface GuideSummary {
  result: TriageResult;
  title: string;
  levelLabel: string;
  levelTitle: string;
  advice: string;
  toldMeLabel: string;
  facts: { title: string; value: string }[];
  safetyNetLabel: string;
  safetyNet: string;
  sourcesLabel: string;
  sources: Source[];
  disclaimer: string;
  /** The title of the card's one button; submitted back as the message text. */
  startAgain: string;
}

const LEVEL_STYLE: Record<TriageLevel, { container: string; color: string }> = {
  emergency: { container: 'attention', color: 'Attention' },
  urgent: { container: 'attention', color: 'Attention' },
  gp: { container: 'warning', color: 'Warning' },
  self_care: { container: 'good', color: 'Good' },
};

/**
 * The summary at the end of the guide as an Adaptive Card (version 1.5, Markdown only in TextBlocks).
 * @remarks Its button is an Action.Submit: the submit arrives as a message whose `value` is `{ text }`.
 */
export function summaryCard(summary: GuideSummary): Attachment {
  const style = LEVEL_STYLE[summary.result.level];
  const text = (value: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: value, wrap: true, ...extra });
  const card = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    fallbackText: summaryText(summary),
    speak: `${summary.levelTitle}. ${summary.advice}`,
    body: [
      text(summary.title, { size: 'Large', weight: 'Bolder' }),
      {
        type: 'Container',
        style: style.container,
        items: [
          text(summary.levelLabel, { weight: 'Bolder', isSubtle: true, spacing: 'None' }),
          text(summary.levelTitle, { size: 'Medium', weight: 'Bolder', color: style.color, spacing: 'Small' }),
          text(summary.advice),
        ],
      },
      text(summary.toldMeLabel, { weight: 'Bolder', spacing: 'Medium' }),
      { type: 'FactSet', facts: summary.facts },
      text(summary.safetyNetLabel, { weight: 'Bolder', spacing: 'Medium' }),
      text(summary.safetyNet),
      text(summary.sourcesLabel, { weight: 'Bolder', spacing: 'Medium' }),
      text(summary.sources.map((source) => `- [${source.title}](${source.url})`).join('\n')),
      text(summary.disclaimer, { size: 'Small', isSubtle: true, spacing: 'Medium' }),
    ],
    actions: [{ type: 'Action.Submit', title: summary.startAgain, data: { text: summary.startAgain } }],
  };
  return CardFactory.adaptiveCard(card);
}

/**
 * The message carrying the card, the triage entity and the facts the guide used (`{ type: 'facts', … }`, for
 * integrators); no suggested actions next to the attachment.
 */
export function summaryReply(summary: GuideSummary, facts?: CrampFacts): Partial<Activity> {
  return {
    type: 'message',
    attachments: [summaryCard(summary)],
    entities: [triageEntity(summary.result), ...(facts ? [factsEntity(facts)] : [])],
    inputHint: InputHints.AcceptingInput,
  };
}

/** The facts as an entity: the fields of `crampbot facts`, plus how long and how often. */
export function factsEntity(facts: CrampFacts) {
  return {
    type: 'facts',
    now: facts.now,
    site: facts.site,
    when: facts.when,
    howLong: facts.howLong,
    howOften: facts.howOften,
    triggers: facts.triggers,
    ...(facts.pregnancyWeeks !== undefined ? { pregnancyWeeks: facts.pregnancyWeeks } : {}),
  };
}

/** The card as plain text, for clients that cannot show it. */
export function summaryText(summary: GuideSummary): string {
  return [
    summary.title,
    `${summary.levelLabel}: ${summary.levelTitle}`,
    summary.advice,
    `${summary.toldMeLabel}: ${summary.facts.map((fact) => `${fact.title}: ${fact.value}`).join('; ')}`,
    `${summary.safetyNetLabel}: ${summary.safetyNet}`,
    `${summary.sourcesLabel}: ${summary.sources.map((source) => `${source.title} (${source.url})`).join(', ')}`,
    summary.disclaimer,
  ].join('\n');
}
