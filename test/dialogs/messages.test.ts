import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandFor, loadBotMessages, MessagesError, shortcutFor } from '../../src/cards/messages';
import { CORPUS_DIR } from '../../src/paths';
import { findSafetyProblems } from '../../src/knowledge/safetyScan';
import type { RegionServices } from '../../src/triage/triage';

const us: RegionServices = {
  region: 'us',
  emergencyNumber: '911',
  emergencyLine: 'Chest pain or trouble breathing: call 911 now.',
  urgentService: 'urgent care',
  doctor: 'doctor',
};

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('corpus/messages.yml', () => {
  const messages = loadBotMessages(CORPUS_DIR, { services: us, stateTtlDays: 7 });

  it('fills the region’s numbers and services into every message', () => {
    expect(messages.welcome.text).toContain('call 911 now');
    expect(messages.levels.fallback.emergency).toContain('Call 911 now');
    // The sources of the guide's advice are citations, the same in every region (as the answers' sources are).
    const all = strings({ ...messages, guide: { ...messages.guide, trigger_sources: {} } });
    expect(all.filter((text) => /\{(emergencyNumber|emergencyLine|urgentService|doctor|stateTtlDays)\}/.test(text))).toEqual([]);
    expect(all.filter((text) => /999|NHS/.test(text))).toEqual([]);
  });

  it('says nothing the safety scan objects to', () => {
    const problems = strings(messages).flatMap((text) => findSafetyProblems(text).map((problem) => `${problem} in "${text}"`));
    expect(problems).toEqual([]);
  });

  it('keeps the guide’s button titles short enough for a Teams card (20 characters)', () => {
    const titles = [...Object.values(messages.guide.questions).flatMap((question) => question.choices), ...messages.guide.red_flag_choices].map(
      (choice) => choice.title,
    );
    expect(titles.filter((title) => title.length > 20)).toEqual([]);
  });

  it('routes its own buttons without the classifier', () => {
    expect(shortcutFor(messages, 'A cramp right now')).toBe('relief_now');
    expect(shortcutFor(messages, 'why do I get cramps')).toBe('triggers');
    expect(shortcutFor(messages, 'Should I see a doctor?')).toBe('see_doctor');
  });

  it('knows commands as whole messages, with or without courtesy words', () => {
    expect(commandFor(messages, 'Forget me')).toBe('forget_me');
    expect(commandFor(messages, 'can you walk me through it please')).toBe('guide');
    expect(commandFor(messages, '?')).toBe('help');
    expect(commandFor(messages, 'stop')).toBe('cancel');
    expect(commandFor(messages, 'please stop calling it a cramp, my leg is swollen')).toBeUndefined();
  });

  describe('a broken file stops start-up with the reason', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'crampbot-messages-'));
      cpSync(join(CORPUS_DIR, 'messages.yml'), join(dir, 'messages.yml'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    const edit = (change: (text: string) => string) =>
      writeFileSync(join(dir, 'messages.yml'), change(readFileSync(join(dir, 'messages.yml'), 'utf8')));

    it('an unknown placeholder', () => {
      edit((text) => text.replace('not a diagnosis. {emergencyLine}', 'not a diagnosis. {emergencyPhone}'));
      expect(() => loadBotMessages(dir, {})).toThrow(/welcome\.text: unknown placeholder \{emergencyPhone\}/);
    });

    it('more than three suggested actions', () => {
      edit((text) => text.replace('actions: [A cramp right now, Walk me through it, Should I see a doctor?]', 'actions: [a, b, c, d]'));
      expect(() => loadBotMessages(dir, {})).toThrow(MessagesError);
      expect(() => loadBotMessages(dir, {})).toThrow(/help\.actions has 4 buttons/);
    });

    it('a shortcut to an intent that does not exist', () => {
      edit((text) => text.replace('a cramp right now: relief_now', 'a cramp right now: relief'));
      expect(() => loadBotMessages(dir, {})).toThrow(/unknown intent relief/);
    });
  });
});
