import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CORPUS_DIR } from '../../../src/paths';
import { factsLine, factsSaid, mergeFacts, noFacts } from '../../../src/understanding/facts';
import { loadUnderstanding } from '../../../src/understanding/understanding';

const layer = loadUnderstanding(CORPUS_DIR);
const said = (text: string) => factsSaid(layer.understand(text));

describe('facts from a message', () => {
  it('takes what the issue\'s person said: calf, at night, keeps coming back, a long run and a diuretic', () => {
    expect(said('my calf keeps cramping at night')).toMatchObject({ now: false, site: 'calf', when: 'night' });
    expect(said('I ran a half marathon yesterday and I am on bendroflumethiazide').triggers).toEqual(['exercise', 'diuretic']);
  });

  it('maps brand names, weeks of pregnancy and age to the trigger vocabulary', () => {
    expect(said('on Lipitor and Lasix').triggers).toEqual(['statin', 'diuretic']);
    expect(said("I'm 20 weeks pregnant")).toMatchObject({ triggers: ['pregnancy'], pregnancyWeeks: 20 });
    expect(said("I'm 67 and get cramps").triggers).toEqual(['age_over_60']);
    expect(said('cramps in the sauna').triggers).toEqual(['heat']);
  });

  it('counts only the writer, and nothing denied', () => {
    expect(said('my husband takes a statin').triggers).toBeUndefined();
    expect(said("I'm not pregnant and I don't drink").triggers).toBeUndefined();
  });

  it('tells a cramp happening now from one that keeps coming back, and a question from both', () => {
    expect(said('cramp in my foot right now').now).toBe(true);
    expect(said('I had a cramp last night').now).toBe(false);
    expect(said('do cramps go away on their own?').now).toBeUndefined();
  });

  it('takes a correction and keeps the rest ("no, it\'s my thigh")', () => {
    const before = mergeFacts(noFacts(), said('my calf keeps cramping at night'));
    const after = mergeFacts(before, said("no, it's my thigh"));
    expect(after).toMatchObject({ site: 'thigh', when: 'night', now: false });
  });

  it('prints the fields of `crampbot facts`, null where not said', () => {
    expect(factsLine('hello', said('hello'))).toEqual({ text: 'hello', now: null, site: null, when: null, triggers: [] });
  });
});

describe.each(readdirSync(join(CORPUS_DIR, 'facts-probes')).filter((file) => file.endsWith('.yml')))('the folded facts batch %s', (file) => {
  const cases = parse(readFileSync(join(CORPUS_DIR, 'facts-probes', file), 'utf8')).cases as Array<{
    text: string;
    now: boolean | null;
    site: string | null;
    when: string | null;
    triggers: string[];
  }>;
  it.each(['now', 'site', 'when', 'triggers'] as const)('reads %s right in at least 90 %% of them', (field) => {
    const right = cases.filter((example) => {
      const line = factsLine(example.text, said(example.text));
      return field === 'triggers' ? [...line.triggers].sort().join() === [...example.triggers].sort().join() : line[field] === (example[field] ?? null);
    });
    expect(right.length / cases.length).toBeGreaterThanOrEqual(0.9);
  });
});
