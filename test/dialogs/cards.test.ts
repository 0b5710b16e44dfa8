import { readableText, suggestedActionTitles } from '../../src/cards/activityText';
import { promptReply, levelReply, textReply } from '../../src/cards/replies';
import { summaryCard, summaryReply, type GuideSummary } from '../../src/cards/summaryCard';
import type { TriageResult } from '../../src/triage/triage';

const gp: TriageResult = { level: 'gp', rules: ['G1'], ruleSetVersion: 'test-1', advice: 'Book an appointment with your GP.' };
const emergency: TriageResult = { level: 'emergency', rules: ['E0'], ruleSetVersion: 'test-1', advice: 'Call 999 now.' };

const summary: GuideSummary = {
  result: gp,
  title: 'Your leg cramp summary',
  levelLabel: 'What to do',
  levelTitle: 'Book an appointment with your GP',
  advice: gp.advice,
  toldMeLabel: 'What you told me',
  facts: [{ title: 'Where', value: 'Calf' }],
  safetyNetLabel: 'Get help if things change',
  safetyNet: 'Chest pain or trouble breathing: call 999 now.',
  sourcesLabel: 'Sources',
  sources: [{ title: 'NHS: Leg cramps', url: 'https://www.nhs.uk/conditions/leg-cramps/' }],
  disclaimer: 'Not a diagnosis.',
  startAgain: 'Start again',
};

describe('the summary card', () => {
  it('is an Adaptive Card Teams can show (version 1.5), with the level, the advice and linked sources', () => {
    const card = summaryCard(summary);
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(Number(card.content.version)).toBeLessThanOrEqual(1.5);
    const text = readableText({ attachments: [card] });
    expect(text).toContain('Book an appointment with your GP');
    expect(text).toContain('Where: Calf');
    expect(text).toContain('[NHS: Leg cramps](https://www.nhs.uk/conditions/leg-cramps/)');
    expect(JSON.stringify(card.content)).not.toMatch(/Action\.Execute|<[a-z]+>/);
  });

  it('travels with the triage entity and without suggested actions', () => {
    const reply = summaryReply(summary);
    expect(reply.entities).toEqual([{ type: 'triage', level: 'gp', rules: ['G1'], ruleSetVersion: 'test-1' }]);
    expect(reply.suggestedActions).toBeUndefined();
  });
});

describe('replies', () => {
  it('never offer more than three suggested actions', () => {
    expect(suggestedActionTitles(textReply('hi', ['a', 'b', 'c', 'd']))).toEqual(['a', 'b', 'c']);
  });

  it('ask nothing after an emergency: no suggested actions, the triage entity attached', () => {
    const reply = levelReply(emergency, 'Call 999 now.', ['Tell me more']);
    expect(reply.suggestedActions).toBeUndefined();
    expect(reply.entities?.[0]).toMatchObject({ type: 'triage', level: 'emergency' });
  });

  it('show a long list of choices as card buttons in Teams and as suggested actions elsewhere', () => {
    const choices = ['a', 'b', 'c', 'd'].map((title) => ({ title }));
    const teams = promptReply('msteams', 'Pick one', choices);
    expect(teams.suggestedActions).toBeUndefined();
    expect(teams.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.hero');
    expect(suggestedActionTitles(promptReply('webchat', 'Pick one', choices))).toEqual(['a', 'b', 'c', 'd']);
    expect(suggestedActionTitles(promptReply('msteams', 'Pick one', choices.slice(0, 3)))).toEqual(['a', 'b', 'c']);
  });
});
