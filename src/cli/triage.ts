import { createInterface } from 'node:readline';
import { REGIONS, type Region } from '../config';
import { CORPUS_DIR } from '../paths';
import { loadTriageEngine } from '../triage/loadTriageEngine';
import type { CliIo } from './crampbot';

/**
 * `crampbot triage [--region uk|ie|us|eu] [--corpus DIR]`: one message a line on stdin →
 * `{"text","level","rules"}` lines. Each line is assessed on its own. The region defaults to REGION, then uk.
 */
export async function triage(args: string[], io: CliIo): Promise<number> {
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? (args[at + 1] ?? '') : undefined;
  };
  const corpusDir = option('--corpus') ?? CORPUS_DIR;
  const region = option('--region') ?? process.env.REGION ?? 'uk';
  if (!corpusDir) {
    io.stderr.write('crampbot triage: --corpus needs a directory\n');
    return 2;
  }
  if (!(REGIONS as readonly string[]).includes(region)) {
    io.stderr.write(`crampbot triage: unknown region "${region}" (known: ${REGIONS.join(', ')})\n`);
    return 2;
  }
  const engine = loadTriageEngine(corpusDir, region as Region);
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const text of lines) {
    const { level, rules } = engine.assess([text]);
    io.stdout.write(`${JSON.stringify({ text, level, rules })}\n`);
  }
  return 0;
}
