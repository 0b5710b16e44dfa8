import { PassThrough, Readable } from 'node:stream';
import { chat } from '../../src/cli/chat';

async function talk(lines: string[], args: string[] = []): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (chunk) => (out += chunk));
  const code = await chat(args, { stdin: Readable.from(lines.map((line) => `${line}\n`)), stdout, stderr });
  return { code, out };
}

describe('crampbot chat', () => {
  const saved = { ...process.env };
  beforeAll(() => {
    process.env.STORAGE = 'memory';
    process.env.REGION = 'uk';
  });
  afterAll(() => {
    process.env = saved;
  });

  it('welcomes, numbers the options, takes a number as that option and shows cards as text', async () => {
    const { code, out } = await talk(['1', 'walk me through it', '2', 'calf', '1', '1', 'none of these', ...Array(10).fill('no'), '/quit']);
    expect(code).toBe(0);
    expect(out).toContain('automated assistant');
    expect(out).toMatch(/ {3}1\. A cramp right now/);
    expect(out).toContain('(A cramp right now)');
    expect(out).toContain('Stretch the muscle');
    expect(out).toContain('Your leg cramp summary');
    expect(out).toContain('[triage: self_care]');
  });

  it('says the instruction first in an emergency', async () => {
    const { out } = await talk(["my leg is swollen and I can't breathe"]);
    expect(out).toMatch(/crampbot: Call 999 now/);
    expect(out).toContain('[triage: emergency');
  });

  it('rejects an unknown argument', async () => {
    expect((await talk([], ['--bogus'])).code).toBe(2);
  });
});
