import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../../src/cli/crampbot';

async function runCli(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const code = await main(args, { stdin: Readable.from([input]), stdout, stderr });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const withoutTimings = (json: string): unknown => {
  const parsed = JSON.parse(json) as Record<string, unknown>;
  delete parsed.timings;
  return parsed;
};

describe('crampbot classify', () => {
  it('turns each stdin line into a JSON line with text, intent and score', async () => {
    const { code, stdout } = await runCli(['classify'], 'magnisium??\nmy stomach cramps on my period\n');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { text: string; intent: string; score: number });
    expect(lines.map(({ text, intent }) => ({ text, intent }))).toEqual([
      { text: 'magnisium??', intent: 'supplements' },
      { text: 'my stomach cramps on my period', intent: 'out_of_scope' },
    ]);
    for (const { score } of lines) expect(score).toBeGreaterThanOrEqual(0);
  });
});

describe('crampbot facts', () => {
  it('turns each stdin line into {"text","now","site","when","triggers"}, null where not said', async () => {
    const { code, stdout } = await runCli(['facts'], 'my calf keeps cramping at night since I started lasix\nwhat is a cramp?\n');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').map((line) => JSON.parse(line))).toEqual([
      { text: 'my calf keeps cramping at night since I started lasix', now: false, site: 'calf', when: 'night', triggers: ['diuretic'] },
      { text: 'what is a cramp?', now: null, site: null, when: null, triggers: [] },
    ]);
  });

  it('refuses an unknown option with exit code 2', async () => {
    const { code, stderr } = await runCli(['facts', '--bogus']);
    expect(code).toBe(2);
    expect(stderr).toContain('crampbot facts:');
  });
});

describe('crampbot eval', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crampbot-eval-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('cross-validates corpus/nlu.yml and prints the report a reviewer reads', async () => {
    const { code, stdout } = await runCli(['eval']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/5-fold cross-validation of corpus\/nlu\.yml \(seed 42\)/);
    expect(stdout).toMatch(/accuracy 0\.\d{3} .* macro-F1 0\.\d{3} .* out-of-scope recall 0\.\d{3}/);
    expect(stdout).toMatch(/training \d+(\.\d+)? ms per model; classify p50/);
    expect(stdout).toMatch(/^relief_now\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}\s+\d+$/m);
    expect(stdout).toMatch(/worst confusions/);
  });

  it('prints the same numbers on every run (--json, timings aside)', async () => {
    const first = await runCli(['eval', '--json', '--folds', '2']);
    const second = await runCli(['eval', '--json', '--folds', '2']);
    const parsed = JSON.parse(first.stdout) as { accuracy: number; macroF1: number };
    expect(parsed.accuracy).toBeGreaterThan(0.8);
    expect(parsed.macroF1).toBeGreaterThan(0.8);
    expect(withoutTimings(second.stdout)).toEqual(withoutTimings(first.stdout));
  });

  it('trains on one labelled JSONL corpus and tests on another', async () => {
    const train = join(dir, 'train.jsonl');
    const test = join(dir, 'test.jsonl');
    const line = (text: string, intent: string): string => JSON.stringify({ text, intent });
    writeFileSync(
      train,
      [
        line('when is the next train', 'Departure'),
        line('next bus from the station', 'Departure'),
        line('when does the tram leave', 'Departure'),
        line('how do i get to the airport', 'Route'),
        line('route from home to work', 'Route'),
        line('how do i get from a to b', 'Route'),
      ].join('\n'),
    );
    writeFileSync(test, [line('when is the next tram', 'Departure'), line('how do i get to work', 'Route')].join('\n'));
    const { code, stdout } = await runCli(['eval', '--train', train, '--test', test, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ mode: 'train-test', accuracy: 1, macroF1: 1, outOfScopeRecall: null });
  });

  it('refuses a corpus with a duplicate or a phrasing under two intents, naming them', async () => {
    writeFileSync(
      join(dir, 'nlu.yml'),
      'intents:\n  - intent: greeting\n    examples: [hi, "Hi!"]\n  - intent: goodbye\n    examples: [bye, hi there]\n  - intent: help\n    examples: ["hi there"]\n',
    );
    const { code, stderr } = await runCli(['eval', '--corpus', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/duplicate under greeting: "Hi!"/);
    expect(stderr).toMatch(/"hi there" is under both goodbye and help/);
  });

  it('explains a bad option instead of crashing', async () => {
    const { code, stderr } = await runCli(['eval', '--train', 'only-train.jsonl']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--train and --test go together/);
  });

  it('refuses a non-numeric --folds with a usage message', async () => {
    const { code, stderr } = await runCli(['eval', '--folds', 'five']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--folds needs a number/);
    expect(stderr).toMatch(/Usage: crampbot eval/);
  });
});
