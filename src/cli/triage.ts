import { parseArgs } from 'node:util';
import { REGIONS, type Region } from '../config';
import { CORPUS_DIR } from '../paths';
import { loadTriageEngine } from '../triage/loadTriageEngine';
import { jsonLines, parseCommandLine, UsageError, type CliIo } from './cliIo';

/**
 * `crampbot triage [--region uk|ie|us|eu] [--corpus DIR]`: one message a line on stdin →
 * `{"text","level","rules"}` lines. Each line is assessed on its own. The region defaults to REGION, then uk.
 */
export async function triage(args: string[], io: CliIo): Promise<number> {
  let corpusDir: string;
  let region: string;
  try {
    const { values } = parseCommandLine(() =>
      parseArgs({ args, options: { corpus: { type: 'string' }, region: { type: 'string' } }, strict: true }),
    );
    corpusDir = values.corpus ?? CORPUS_DIR;
    region = values.region ?? process.env.REGION ?? 'uk';
    if (!corpusDir) throw new UsageError('--corpus needs a directory');
    if (!(REGIONS as readonly string[]).includes(region)) throw new UsageError(`unknown region "${region}" (known: ${REGIONS.join(', ')})`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`crampbot triage: ${error.message}\n`);
    return 2;
  }
  const engine = loadTriageEngine(corpusDir, region as Region);
  return jsonLines(io, (text) => {
    const { level, rules } = engine.assess([text]);
    return { text, level, rules };
  });
}
