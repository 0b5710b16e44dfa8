import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CORPUS_DIR } from '../../src/paths';
import { domainBot, domainFigures, readDomainProbes, type DomainProbe } from '../support/domainOutcomes';

const PROBES_DIR = join(CORPUS_DIR, 'domain-probes');
const batches = readdirSync(PROBES_DIR).filter((name) => name.endsWith('.jsonl')).sort();

/** The share of not-in-domain messages each folded batch must see refused (the target). */
const REFUSAL_FLOOR = 0.9;

/** Every phrasing of corpus/nlu.yml, lower case: a probe the classifier was trained on measures nothing. */
function nluPhrasings(): Set<string> {
  const corpus = parseYaml(readFileSync(join(CORPUS_DIR, 'nlu.yml'), 'utf8')) as unknown;
  const phrasings = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') phrasings.add(value.trim().toLowerCase());
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(corpus);
  return phrasings;
}

describe('in domain or not, on the folded-in probe batches (corpus/domain-probes)', () => {
  const app = domainBot();

  it('has at least one batch', () => {
    expect(batches.length).toBeGreaterThan(0);
  });

  it.each(batches)('%s: never refuses a question about leg cramps, and refuses nearly all of the others', async (file) => {
    const probes = readDomainProbes(join(PROBES_DIR, file));
    const figures = await domainFigures(app, probes, file);
    const refusedInDomain = figures.misses.filter((miss) => miss.inDomain).map((miss) => miss.text);
    expect(refusedInDomain).toEqual([]);
    const others = probes.filter((probe: DomainProbe) => !probe.inDomain).length;
    expect(figures.notInDomain.refused / others).toBeGreaterThanOrEqual(REFUSAL_FLOOR);
  });

  it.each(batches)('%s: shares no sentence with corpus/nlu.yml', (file) => {
    const trained = nluPhrasings();
    expect(readDomainProbes(join(PROBES_DIR, file)).map((probe) => probe.text).filter((text) => trained.has(text.trim().toLowerCase()))).toEqual([]);
  });
});
