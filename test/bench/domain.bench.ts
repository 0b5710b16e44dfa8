import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from '../../src/paths';
import { domainBot, domainFigures, formatCounts, readDomainProbes } from '../support/domainOutcomes';

const PROBES_DIR = join(CORPUS_DIR, 'domain-probes');

/**
 * `npm run bench -- domain` (issue 16): what the real bot does with each message of corpus/domain-probes as the first
 * message of a conversation. Goals: in domain, none refused; not in domain (unrelated and near misses), ≥ 0.90 refused.
 * These batches were read and fixed against: regression figures, not first sight (see that folder's README).
 */
export async function run(): Promise<void> {
  const app = domainBot();
  for (const file of readdirSync(PROBES_DIR).filter((name) => name.endsWith('.jsonl')).sort()) {
    const figures = await domainFigures(app, readDomainProbes(join(PROBES_DIR, file)), file);
    console.log(`${file} (regression):`);
    console.log(`  in domain:     ${formatCounts(figures.inDomain)}   (goal: refused 0)`);
    console.log(`  not in domain: ${formatCounts(figures.notInDomain)}   (goal: refused >= 0.90)`);
  }
}
