import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_DIR } from '../../src/paths';
import { INTENTS } from '../../src/nlu/recognizer';
import type { RegionServices } from '../../src/triage/triage';
import { ANSWER_TOPICS, type Answer } from '../../src/knowledge/knowledgeBase';
import { KnowledgeBaseError, loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { sourceLinks } from '../../src/knowledge/renderAnswer';
import { isTrustedSourceUrl } from '../../src/knowledge/trustedSources';

const UK: RegionServices = {
  region: 'uk',
  emergencyNumber: '999',
  emergencyLine: 'Chest pain or trouble breathing: call 999 now.',
  urgentService: 'NHS 111',
  doctor: 'GP',
};
const US: RegionServices = {
  region: 'us',
  emergencyNumber: '911',
  emergencyLine: 'Chest pain or trouble breathing: call 911 now.',
  urgentService: 'urgent care',
  doctor: 'doctor',
};
/** SPEC §3's intents that are answered from the knowledge base (the others are commands the dialogs handle). */
const ANSWERING_INTENTS = ['symptoms', 'relief_now', 'triggers', 'medications', 'prevention', 'supplements', 'quinine', 'see_doctor', 'how_common'];

const knowledge = loadKnowledgeBase(CORPUS_DIR);
const answer = (topic: string, services: RegionServices = UK): Answer => {
  const found = knowledge.answer(topic, services);
  if (!found) throw new Error(`no answer for ${topic}`);
  return found;
};

/** What a reader sees: link targets, emphasis marks and list bullets don't count. */
function visibleText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/[*_]/g, '')
    .replace(/^\s*(?:-|\d+\.)\s+/gm, '');
}

const links = (markdown: string) => [...markdown.matchAll(/\[([^\]]+)\]\(([^)]+)\)/g)].map((m) => ({ title: m[1], url: m[2] }));

describe('loadKnowledgeBase on corpus/knowledge', () => {
  it('answers every answering intent of SPEC §3, plus children and terms', () => {
    for (const intent of ANSWERING_INTENTS) expect(INTENTS).toContain(intent);
    expect([...ANSWER_TOPICS].sort()).toEqual([...ANSWERING_INTENTS, 'children', 'terms'].sort());
    expect(knowledge.topics().sort()).toEqual([...ANSWER_TOPICS].sort());
    for (const topic of ANSWER_TOPICS) expect(answer(topic).topic).toBe(topic);
  });

  it('returns nothing for a topic it does not know', () => {
    expect(knowledge.answer('astrology')).toBeUndefined();
  });

  describe.each(ANSWER_TOPICS)('%s', (topic) => {
    it('cites at least one titled NHS, NICE, GOV.UK or Cochrane page over https, led by NHS/NICE/MHRA', () => {
      const { sources } = answer(topic);
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) {
        expect(source.title.trim()).not.toBe('');
        expect(source.url).toMatch(/^https:\/\/([a-z0-9-]+\.)*(nhs\.uk|nice\.org\.uk|gov\.uk|cochranelibrary\.com)\//);
        expect(isTrustedSourceUrl(source.url)).toBe(true);
      }
      expect(sources[0].url).toMatch(/^https:\/\/([a-z0-9-]+\.)*(nhs\.uk|nice\.org\.uk|gov\.uk)\//);
    });

    it('fits a chat bubble: at most about 600 visible characters', () => {
      expect(visibleText(answer(topic).text).length).toBeLessThanOrEqual(600);
    });

    it('leaves its sources to the front matter, so the dialog shows them once', () => {
      const { text, more } = answer(topic);
      expect(links(`${text}\n${more}`)).toEqual([]);
      expect(sourceLinks(answer(topic).sources)).toContain(`](${answer(topic).sources[0].url})`);
    });

    it('has a longer "tell me more" text that adds to the short one', () => {
      const { text, more } = answer(topic);
      expect(visibleText(more).length).toBeGreaterThan(visibleText(text).length / 2);
      expect(more).not.toContain(text);
    });

    it('uses only Teams-safe Markdown: no headers, tables, HTML or leftover placeholders', () => {
      for (const part of [answer(topic).text, answer(topic).more]) {
        expect(part).not.toMatch(/^\s*#/m);
        expect(part).not.toMatch(/^\s*\|/m);
        expect(part).not.toMatch(/<[a-z!/]/i);
        expect(part).not.toMatch(/\{[A-Za-z]+\}/);
      }
    });

    it('says plainly in the short text when the evidence is weak', () => {
      const { text, weakEvidence } = answer(topic);
      if (weakEvidence) expect(text).toMatch(/evidence is weak|low certainty|probably doesn't help|isn't clear|not a proven/i);
    });
  });
});

describe('answer content (SPEC §3–4, medical.md §5)', () => {
  it('gives the relief steps first for a cramp right now, in order: stretch, massage, stand and walk, heat', () => {
    const text = answer('relief_now').text.toLowerCase();
    const steps = ['pull your toes up towards you', 'massage', 'walk on it', 'warm shower'].map((step) => text.indexOf(step));
    expect(steps.every((index) => index >= 0)).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect(steps[0]).toBeLessThan(80);
  });

  it('says painkillers do not help during a cramp, then gives a one-line safety net with the region numbers', () => {
    const { text } = answer('relief_now');
    expect(text).toMatch(/Painkillers won't help during a cramp/);
    expect(text.indexOf('Painkillers')).toBeGreaterThan(text.indexOf('warm shower'));
    const safetyNet = text.split('\n').find((line) => line.includes('999'));
    expect(safetyNet).toMatch(/swollen, red or warm/);
    expect(safetyNet).toMatch(/NHS 111/);
    expect(safetyNet).toMatch(/short of breath/);
  });

  it('corrects the article on how common cramps are: a third of over-60s (NICE), slightly more common in women', () => {
    const { text, more } = answer('how_common');
    expect(text).toMatch(/a third of people over 60/);
    expect(text).toMatch(/NICE/);
    expect(text).toMatch(/slightly more common in women/);
    expect(text).not.toMatch(/half/i);
    expect(`${text}\n${more}`).not.toMatch(/no (sex )?difference/i);
  });

  it('says magnesium probably does not help older adults, pregnancy evidence is conflicting, and to check first', () => {
    const { text, more, sources } = answer('supplements');
    expect(text).toMatch(/probably doesn't help/);
    expect(text).toMatch(/older adults/);
    expect(text).toMatch(/pregnancy the evidence is conflicting/);
    expect(text).toMatch(/midwife, GP or pharmacist/);
    expect(`${text}\n${more}`).not.toMatch(/months/i);
    expect(sources.map((s) => s.url)).toContain('https://www.cochranelibrary.com/cdsr/doi/10.1002/14651858.CD009402.pub3/full');
  });

  it('says stretching evidence is weak (low certainty)', () => {
    expect(answer('prevention').text).toMatch(/evidence is weak \(low certainty\)/);
  });

  it('says quinine is not recommended routinely because of serious side effects (MHRA), and never offers it', () => {
    const { text, sources } = answer('quinine');
    expect(text).toMatch(/not recommended for routine use/);
    expect(text).toMatch(/serious side effects/);
    expect(text).toMatch(/MHRA/);
    expect(text).toMatch(/discuss options/);
    expect(sources[0].url).toBe('https://www.gov.uk/drug-safety-update/quinine-not-to-be-used-routinely-for-nocturnal-leg-cramps');
  });

  it('names the medicine groups, says not to stop a prescribed medicine alone, and escalates statin muscle pain', () => {
    const { text } = answer('medications');
    for (const group of ['statins', 'diuretics', 'water tablets', 'nifedipine', 'calcium-channel blockers', 'salbutamol']) {
      expect(text).toContain(group);
    }
    expect(text).toMatch(/Don't stop a prescribed medicine on your own/);
    expect(text).toMatch(/GP or a pharmacist/);
    expect(text).toMatch(/statin and get unexplained muscle pain, tenderness or weakness, or dark urine, call a doctor or NHS 111 straight away/);
  });

  it('signposts children to a doctor or NHS 111 without checking their symptoms', () => {
    const { text } = answer('children');
    expect(text).toMatch(/can't check a child's symptoms/);
    expect(text).toMatch(/GP/);
    expect(text).toMatch(/NHS 111/);
  });

  it('tells people what is stored, for how long, how to delete it, and that it is automated', () => {
    const { text } = answer('terms');
    expect(text).toMatch(/automated assistant, not a doctor/);
    expect(text).toMatch(/recent messages/);
    expect(text).toMatch(/deleted after 30 days without activity/);
    expect(text).toMatch(/say "forget me"/);
    expect(text).toMatch(/isn't written to logs/);
  });
});

describe('region placeholders', () => {
  it('fills emergency number, urgent service and doctor for the region asked', () => {
    const us = answer('see_doctor', US);
    expect(us.text).toContain('Call 911');
    expect(us.text).toContain('from urgent care');
    expect(us.text).toContain('See your doctor');
    expect(`${us.text}${us.more}`).not.toMatch(/999|NHS 111|your GP/);
  });

  it('uses the services and state TTL given to the loader when a call gives none', () => {
    const kb = loadKnowledgeBase(CORPUS_DIR, { services: US, stateTtlDays: 7 });
    expect(kb.answer('relief_now')?.text).toContain('Call 911');
    expect(kb.answer('terms')?.text).toContain('deleted after 7 days');
    expect(kb.answer('relief_now', UK)?.text).toContain('Call 999');
  });

  it('falls back to wording that is right everywhere rather than another region\'s number', () => {
    const { text } = loadKnowledgeBase(CORPUS_DIR).answer('relief_now')!;
    expect(text).toContain('Call the emergency number');
    expect(text).not.toMatch(/999|911|112|NHS 111/);
  });
});

describe('loadKnowledgeBase on a broken corpus', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crampbot-knowledge-'));
    mkdirSync(join(dir, 'knowledge'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, content: string) => writeFileSync(join(dir, 'knowledge', name), content);
  const file = (front: string, body = 'Short.\n<!-- more -->\nLonger.') => `---\n${front}\n---\n${body}\n`;
  const nhs = 'sources:\n  - title: "NHS: Leg cramps"\n    url: https://www.nhs.uk/conditions/leg-cramps/';

  it('loads a well-formed file', () => {
    write('symptoms.md', file(`topic: symptoms\nweakEvidence: false\n${nhs}`));
    expect(loadKnowledgeBase(dir).answer('symptoms')).toMatchObject({ text: 'Short.', more: 'Longer.', weakEvidence: false });
  });

  it('ignores the README that documents the format', () => {
    write('symptoms.md', file(`topic: symptoms\nweakEvidence: false\n${nhs}`));
    write('README.md', '# How to write an answer');
    expect(loadKnowledgeBase(dir).topics()).toEqual(['symptoms']);
  });

  it.each([
    ['no front matter', 'symptoms.md', 'Just text\n<!-- more -->\nmore'],
    ['no sources', 'symptoms.md', file('topic: symptoms\nweakEvidence: false\nsources: []')],
    ['a source without a title', 'symptoms.md', file('topic: symptoms\nweakEvidence: false\nsources:\n  - url: https://www.nhs.uk/conditions/leg-cramps/')],
    ['a mirror as source', 'symptoms.md', file('topic: symptoms\nweakEvidence: false\nsources:\n  - title: NHS\n    url: https://www.doctoori.net/leg-cramps')],
    ['an old NHS copy as source', 'symptoms.md', file('topic: symptoms\nweakEvidence: false\nsources:\n  - title: NHS\n    url: https://developer.api.nhs.uk/widgets/condition/')],
    ['an http source', 'symptoms.md', file('topic: symptoms\nweakEvidence: false\nsources:\n  - title: NHS\n    url: http://www.nhs.uk/conditions/leg-cramps/')],
    ['weakEvidence missing', 'symptoms.md', file(`topic: symptoms\n${nhs}`)],
    ['a topic that does not match the file name', 'other.md', file(`topic: symptoms\nweakEvidence: false\n${nhs}`)],
    ['no more marker', 'symptoms.md', file(`topic: symptoms\nweakEvidence: false\n${nhs}`, 'Only short.')],
    ['an empty more text', 'symptoms.md', file(`topic: symptoms\nweakEvidence: false\n${nhs}`, 'Short.\n<!-- more -->\n')],
    ['an unknown placeholder', 'symptoms.md', file(`topic: symptoms\nweakEvidence: false\n${nhs}`, 'Call {ambulance}.\n<!-- more -->\nMore.')],
  ])('refuses a file with %s, naming the file', (_problem, name, content) => {
    write(name, content);
    expect(() => loadKnowledgeBase(dir)).toThrow(KnowledgeBaseError);
    expect(() => loadKnowledgeBase(dir)).toThrow(name);
  });
});
