import { groupQuestions, RED_FLAG_GROUP_SIZE } from '../../dialogs/redFlagDialog';
import type { RedFlagQuestion, TriageLevel } from '../../src/triage/triage';

const question = (id: string, level: TriageLevel): RedFlagQuestion => ({ id, level, text: `${id}?`, rules: [] });

describe('warning signs asked a few at a time', () => {
  it('keeps the order, never mixes levels in a group, and caps a group’s size', () => {
    const questions = [
      ...['e1', 'e2', 'e3', 'e4', 'e5'].map((id) => question(id, 'emergency')),
      question('u1', 'urgent'),
      question('g1', 'gp'),
      question('g2', 'gp'),
    ];
    const groups = groupQuestions(questions);
    expect(groups.map((group) => group.map((item) => item.id))).toEqual([['e1', 'e2', 'e3', 'e4'], ['e5'], ['u1'], ['g1', 'g2']]);
    expect(groups.every((group) => group.length <= RED_FLAG_GROUP_SIZE && new Set(group.map((item) => item.level)).size === 1)).toBe(true);
  });
});
