import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const LOG = readFileSync(join(ROOT, 'docs', 'hazard-log.md'), 'utf8');

interface Hazard {
  id: string;
  title: string;
  body: string;
  tests: string[];
}

/** The `### Hnn — title` sections, with the paths listed under their **Tests:** item. */
function hazards(markdown: string): Hazard[] {
  return markdown
    .split(/^### /m)
    .slice(1)
    .map((section) => {
      const [heading, ...lines] = section.split('\n');
      const match = /^(H\d{2}) — (.+)$/.exec(heading.trim());
      if (!match) throw new Error(`a hazard heading must read "Hnn — title": ${heading}`);
      const body = lines.join('\n');
      const testsBlock = /^- \*\*Tests:\*\*\n((?:\s+- .*\n?)+)/m.exec(body)?.[1] ?? '';
      const tests = [...testsBlock.matchAll(/^\s+- `([^`]+)`/gm)].map((found) => found[1]);
      return { id: match[1], title: match[2], body, tests };
    });
}

const log = hazards(LOG);

describe('docs/hazard-log.md', () => {
  it('lists the hazards the clinical reviewer asked for, each once, numbered in order', () => {
    expect(log.map((hazard) => hazard.id)).toEqual(log.map((_, index) => `H${String(index + 1).padStart(2, '0')}`));
    const titles = log.map((hazard) => hazard.title.toLowerCase()).join('\n');
    for (const topic of [/red flag is missed/, /over-escalation/, /wrong emergency number/, /medicine is stopped/, /supplement/, /child is triaged as an adult/, /shown to another/, /unavailable at night/, /stale/, /wording or source/, /injection/, /logs, metrics/]) {
      expect(titles).toMatch(topic);
    }
  });

  it.each(log.map((hazard) => [hazard.id, hazard]))('%s names its cause, harm, controls and residual risk', (_id, hazard) => {
    for (const item of ['Cause', 'Harm', 'Controls', 'Tests', 'Residual risk']) expect(hazard.body).toContain(`- **${item}:**`);
  });

  it.each(log.map((hazard) => [hazard.id, hazard]))('%s lists at least one test, and every listed test exists', (_id, hazard) => {
    expect(hazard.tests.length).toBeGreaterThan(0);
    const missing = hazard.tests.filter((path) => !existsSync(join(ROOT, path)));
    expect(missing).toEqual([]);
  });

  it('lists only tests that run: jest test files or scripted conversations', () => {
    for (const path of log.flatMap((hazard) => hazard.tests)) {
      expect(path).toMatch(/^(test\/.+\.test\.ts|corpus\/conversations\/.+\.yml)$/);
    }
  });

  it('has a summary table row for every hazard', () => {
    for (const hazard of log) expect(LOG).toMatch(new RegExp(`^\\| ${hazard.id} \\| `, 'm'));
  });

  it('fails when a listed test disappears (the check reads the real paths)', () => {
    const renamed = LOG.replace('`test/unit/triage/rules.test.ts`', '`test/unit/triage/rulez.test.ts`');
    const broken = hazards(renamed).flatMap((hazard) => hazard.tests).filter((path) => !existsSync(join(ROOT, path)));
    expect(broken).toContain('test/unit/triage/rulez.test.ts');
  });
});
