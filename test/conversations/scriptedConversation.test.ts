import { checkTurn, type ConversationScript } from './scriptedConversation';

const script: ConversationScript = { name: 'check', file: 'check.yml', channel: 'msteams', turns: [] };

describe('the scripted-conversation checker', () => {
  it('reports a reply that does not match, in order', () => {
    const problems = checkTurn({ expect: [{ contains: 'second' }, { contains: 'first' }] }, [{ type: 'message', text: 'first' }, { type: 'message', text: 'second' }], script);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/no reply matches \{"contains":"first"\}/);
  });

  it('reports a wrong triage level, a late instruction and an unexpected reply', () => {
    const reply = { type: 'message', text: 'Please stay calm. Call 999 now.', entities: [{ type: 'triage', level: 'urgent', rules: [], ruleSetVersion: 'x' }] };
    expect(checkTurn({ expect: [{ first_sentence: 'Call 999', triage_level: 'emergency' }] }, [reply], script)[0]).toMatch(
      /first sentence "Please stay calm\." lacks "Call 999".*triage level urgent, expected emergency/,
    );
    expect(checkTurn({ no_reply: true }, [reply], script)[0]).toMatch(/expected no reply/);
  });

  it('holds every reply to the rules: safe wording, ≤ 3 suggested actions in Teams, none next to a card', () => {
    const problems = checkTurn(
      {},
      [
        { type: 'message', text: 'You have DVT. Take 300 mg of magnesium.' },
        {
          type: 'message',
          text: 'pick',
          suggestedActions: { to: [], actions: ['a', 'b', 'c', 'd'].map((title) => ({ type: 'imBack', title, value: title })) },
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { version: '1.6', body: [] } }],
        },
      ],
      script,
    );
    expect(problems.some((problem) => /reply 0 is unsafe/.test(problem))).toBe(true);
    expect(problems).toEqual(
      expect.arrayContaining([
        'reply 1 has suggested actions next to an attachment',
        'reply 1 has 4 suggested actions in Teams',
        'reply 1 has an Adaptive Card version 1.6',
      ]),
    );
  });
});
