import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'bin', 'crampbot.js');

/**
 * A project with the real bin/crampbot.js and a stand-in compiler that "builds" src/cli/crampbot.ts into a CLI
 * printing that file's text, and counts its runs.
 */
function project() {
  const dir = mkdtempSync(join(tmpdir(), 'crampbot-bin-'));
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  copyFileSync(BIN, (write('bin/.keep', ''), join(dir, 'bin', 'crampbot.js')));
  write('package.json', '{}');
  write('tsconfig.json', '{}');
  write('src/cli/crampbot.ts', 'version 1');
  write('corpus/messages.yml', 'version: 1');
  write(
    'node_modules/typescript/bin/tsc',
    `const fs = require('fs');
     fs.appendFileSync('builds.txt', 'x');
     const text = fs.readFileSync('src/cli/crampbot.ts', 'utf8');
     fs.mkdirSync('dist/src/cli', { recursive: true });
     fs.writeFileSync('dist/src/cli/crampbot.js', 'exports.main = async () => { console.log(' + JSON.stringify(text) + '); return 0; };');`,
  );
  const run = () => spawnSync(process.execPath, [join(dir, 'bin', 'crampbot.js')], { cwd: dir, encoding: 'utf8' });
  const builds = () => readFileSync(join(dir, 'builds.txt'), 'utf8').length;
  const touchLater = (path: string, minutes: number, text?: string) => {
    if (text !== undefined) writeFileSync(join(dir, path), text);
    const later = new Date(Date.now() + minutes * 60_000);
    utimesSync(join(dir, path), later, later);
  };
  return { dir, run, builds, touchLater };
}

describe('npx crampbot', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('builds on first use, then runs the build as long as no source changed', () => {
    const p = project();
    dir = p.dir;
    const first = p.run();
    expect(first.status).toBe(0);
    expect(first.stdout.trim()).toBe('version 1');
    expect(first.stderr).toContain('building');
    const second = p.run();
    expect(second.stdout.trim()).toBe('version 1');
    expect(second.stderr).toBe('');
    expect(p.builds()).toBe(1);
  });

  it('rebuilds when a file under src/ or corpus/ is newer than the build', () => {
    const p = project();
    dir = p.dir;
    p.run();
    p.touchLater('src/cli/crampbot.ts', 1, 'version 2');
    expect(p.run().stdout.trim()).toBe('version 2');
    expect(p.builds()).toBe(2);
    p.run();
    expect(p.builds()).toBe(2);
    p.touchLater('corpus/messages.yml', 2);
    p.run();
    expect(p.builds()).toBe(3);
  });
});
