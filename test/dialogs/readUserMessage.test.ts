import { MAX_MESSAGE_LENGTH, readUserMessage } from '../../src/bot';

const bot = { id: '28:crampbot', name: 'crampbot' };

describe('reading a user message', () => {
  it('removes the @mention of the bot in Teams', () => {
    const message = readUserMessage({
      text: '<at>crampbot</at> what helps a cramp?',
      recipient: bot,
      entities: [{ type: 'mention', mentioned: bot, text: '<at>crampbot</at>' }],
    });
    expect(message).toEqual({ text: 'what helps a cramp?', tooLong: false });
  });

  it('keeps the names of other people mentioned, without the markup', () => {
    const message = readUserMessage({
      text: '<at>crampbot</at>&nbsp;does <at>Alex</at> need a doctor?',
      recipient: bot,
      entities: [{ type: 'mention', mentioned: bot, text: '<at>crampbot</at>' }],
    });
    expect(message).toEqual({ text: 'does Alex need a doctor?', tooLong: false });
  });

  it('reads a card submit’s value as text', () => {
    expect(readUserMessage({ value: { text: 'walk me through it' } })).toEqual({ text: 'walk me through it', tooLong: false });
    expect(readUserMessage({ value: 'yes' })).toEqual({ text: 'yes', tooLong: false });
  });

  it('tells empty, emoji-only and attachment-only messages apart', () => {
    expect(readUserMessage({ text: '   ' })).toEqual({ unreadable: 'empty' });
    expect(readUserMessage({ text: '😖🦵' })).toEqual({ unreadable: 'emoji_only' });
    expect(readUserMessage({ text: '', attachments: [{ contentType: 'image/png' }] })).toEqual({ unreadable: 'attachment' });
    expect(readUserMessage({ value: { rating: 5 } })).toEqual({ unreadable: 'empty' });
  });

  it('marks a very long message and drops control characters', () => {
    expect(readUserMessage({ text: 'a'.repeat(MAX_MESSAGE_LENGTH + 1) })).toMatchObject({ tooLong: true });
    expect(readUserMessage({ text: '\u0007hello\u0000' })).toEqual({ text: 'hello', tooLong: false });
  });
});
