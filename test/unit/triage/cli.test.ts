import { PassThrough } from 'node:stream';
import { triage } from '../../../src/cli/triage';

async function run(input: string, args: string[] = []) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  stdin.end(input);
  const code = await triage(args, { stdin, stdout, stderr });
  return { code, lines: out.split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown), err };
}

describe('crampbot triage', () => {
  it('turns each stdin line into a JSON line with text, level and rules, each line on its own', async () => {
    const { code, lines } = await run("my calf is swollen and red\nnow I can't breathe\nwhat helps a cramp?\n");
    expect(code).toBe(0);
    expect(lines).toEqual([
      { text: 'my calf is swollen and red', level: 'urgent', rules: ['U1'] },
      { text: "now I can't breathe", level: 'emergency', rules: ['E0'] },
      { text: 'what helps a cramp?', level: 'self_care', rules: ['S1'] },
    ]);
  });

  it('refuses an unknown region', async () => {
    const { code, err } = await run('hello\n', ['--region', 'mars']);
    expect(code).toBe(2);
    expect(err).toContain('unknown region "mars"');
  });

  it('refuses an unknown option and an option without its value, naming them', async () => {
    const unknown = await run('hello\n', ['--regoin', 'ie']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("'--regoin'");
    const missing = await run('hello\n', ['--region']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("'--region <value>' argument missing");
  });

  it('takes --region=ie as well as --region ie', async () => {
    const { code, lines } = await run("I can't breathe\n", ['--region=ie']);
    expect(code).toBe(0);
    expect(lines).toEqual([{ text: "I can't breathe", level: 'emergency', rules: ['E0'] }]);
  });
});
