import { loadNluCorpus } from '../../src/nlu/nluCorpus';
import { CORPUS_DIR } from '../../src/paths';
import { loadTriageEngine } from '../../src/triage/loadTriageEngine';
import { LEVELS } from '../../src/triage/triage';
import { loadVignettes, scoreVignettes, type SuiteFigures, type Vignette } from '../unit/triage/vignettes';

/**
 * `npm run bench`: the regression suite's figures per part (early, tuned, each folded probe batch) and overall, and
 * speed. These are regression figures: first-sight figures are recorded once, in corpus/triage-probes/README.md.
 */
export async function run(): Promise<void> {
  const engine = loadTriageEngine(CORPUS_DIR, 'uk');
  const vignettes = loadVignettes(CORPUS_DIR);
  console.log(`rule set ${engine.ruleSetVersion}, ${vignettes.length} vignettes`);
  const sets = [...new Set(vignettes.map((vignette) => vignette.set))];
  const parts: Array<[string, Vignette[]]> = [
    ...sets.map((set): [string, Vignette[]] => [set, vignettes.filter((vignette) => vignette.set === set)]),
    ['overall (regression suite)', vignettes],
  ];
  for (const [name, part] of parts) printFigures(name, scoreVignettes(engine, part));
  printOtherAuthorsPhrasings(engine);
  printSpeed(engine);
}

function printFigures(name: string, figures: SuiteFigures): void {
  const percent = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a');
  console.log(`\n--- ${name}: ${figures.cases} cases`);
  console.log(`exact level: ${figures.exact}/${figures.cases} (${percent(figures.exact, figures.cases)})`);
  console.log(
    `recall per level: ${LEVELS.slice()
      .reverse()
      .map((level) => `${level} ${figures.recall[level].exact}/${figures.recall[level].cases} (${percent(figures.recall[level].exact, figures.recall[level].cases)})`)
      .join(', ')}`,
  );
  const redFlags = figures.recall.emergency.cases + figures.recall.urgent.cases;
  console.log(`under-triage (emergency/urgent given a lower level): ${figures.underTriaged.length}/${redFlags} ${figures.underTriaged.join(' ')}`);
  console.log(
    `self_care over-triaged: ${figures.selfCareOverTriaged.length}/${figures.recall.self_care.cases} (${percent(figures.selfCareOverTriaged.length, figures.recall.self_care.cases)}) ${figures.selfCareOverTriaged.join(' ')}`,
  );
  const order = LEVELS.slice().reverse();
  console.log(
    `red-flag questions asked at once: ${order.map((level) => `${level} ${figures.askedAtOnce[level]}/${figures.recall[level].cases} (${percent(figures.askedAtOnce[level], figures.recall[level].cases)})`).join(', ')}`,
  );
  console.log(`confusion (rows expected, columns given):\n${'expected \\ given'.padEnd(18)}${order.map((level) => level.padStart(11)).join('')}`);
  for (const expected of order) {
    console.log(`${expected.padEnd(18)}${order.map((given) => String(figures.confusion[expected][given]).padStart(11)).join('')}`);
  }
  for (const miss of figures.mismatches) console.log(`  mismatch ${miss.id}: expected ${miss.expected}, given ${miss.given} [${miss.rules.join(', ')}]`);
}

/**
 * Phrasings nobody wrote for triage: corpus/nlu.yml (the classifier's examples, by another engineer).
 * Almost all are questions or benign statements; what gets a level above self_care is worth reading.
 */
function printOtherAuthorsPhrasings(engine: ReturnType<typeof loadTriageEngine>): void {
  const byIntent = new Map<string, Record<string, number>>();
  const { examples } = loadNluCorpus(CORPUS_DIR);
  const total = examples.length;
  let raised = 0;
  let asked = 0;
  for (const { text, intent } of examples) {
    const { level, ask } = engine.assess([text]);
    if (ask) asked++;
    if (level === 'self_care') continue;
    raised++;
    const counts = byIntent.get(intent) ?? {};
    counts[level] = (counts[level] ?? 0) + 1;
    byIntent.set(intent, counts);
  }
  console.log(`\n--- corpus/nlu.yml phrasings (written by others, not for triage): ${raised}/${total} given a level above self_care, ${asked}/${total} asked a red-flag question at once`);
  for (const [intent, counts] of byIntent) console.log(`  ${intent.padEnd(13)} ${Object.entries(counts).map(([level, n]) => `${level} ${n}`).join(', ')}`);
}

function printSpeed(engine: ReturnType<typeof loadTriageEngine>): void {
  const time = (label: string, make: (i: number) => string[], runs: number) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const messages = make(i); // distinct texts, so the engine's per-message cache does not help
      const started = process.hrtime.bigint();
      engine.assess(messages);
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    samples.sort((a, b) => a - b);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(3);
    console.log(`${label}: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms (${runs} runs)`);
  };
  console.log('\n--- speed');
  time('one short message', (i) => [`my calf is swollen and red ${i}`], 2000);
  time('five recent messages', (i) => ['I get cramps', 'mostly at night', `my left calf ${i}`, 'is swollen', "now I can't breathe"], 1000);
  const filler = 'I have been reading a lot about leg cramps and wanted to ask you a few questions about them. ';
  time('a 10,000-character message, red flag at the end', (i) => [`${filler.repeat(110)}${i} my calf is swollen and I cannot breathe`], 200);
}
