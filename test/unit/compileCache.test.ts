import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { botCompileCache } from '../../src/compileCache';

const REGISTER = join(__dirname, '..', 'support', 'registerTypeScript.js');
const SOURCE = join(__dirname, '..', '..', 'src', 'compileCache.ts');

interface Run {
  status: number | null;
  stderr: string;
  result: {
    answer: number;
    file: string;
    dir: string;
    resolved: string;
    fromEsm: string;
    cli: string;
    stack: string;
    stats: { fromCache: number; compiled: number };
  };
}

/** Modules as a package would ship them: CommonJS requiring CommonJS, an ES module, a file with "#!". */
function modules() {
  const dir = mkdtempSync(join(tmpdir(), 'crampbot-compile-cache-'));
  writeFileSync(join(dir, 'main.js'), "const b = require('./b.js');\nexports.answer = () => 41 + b.one;\nexports.where = () => [__filename, __dirname, require.resolve('./b.js')];\n");
  writeFileSync(join(dir, 'b.js'), 'exports.one = 1;\n');
  writeFileSync(join(dir, 'thrower.js'), "exports.fail = () => {\n  // the line below is line 3\n  throw new Error('from line 3');\n};\n");
  writeFileSync(join(dir, 'cli.js'), "#!/usr/bin/env node\nexports.name = 'cli';\n");
  writeFileSync(join(dir, 'esm.mjs'), "export const kind = 'an ES module';\n");
  return dir;
}

/** A fresh Node process that turns the cache on in `cacheDir`, loads the modules and reports what it got. */
function run(dir: string, cacheDir: string): Run {
  const script = `
    const { enableCompileCache } = require(${JSON.stringify(SOURCE)});
    const cache = enableCompileCache(${JSON.stringify(cacheDir)});
    const main = require(${JSON.stringify(join(dir, 'main.js'))});
    const [file, dir, resolved] = main.where();
    let stack = '';
    try { require(${JSON.stringify(join(dir, 'thrower.js'))}).fail(); } catch (error) { stack = error.stack; }
    const result = {
      answer: main.answer(), file, dir, resolved, stack,
      fromEsm: require(${JSON.stringify(join(dir, 'esm.mjs'))}).kind,
      cli: require(${JSON.stringify(join(dir, 'cli.js'))}).name,
      stats: cache.stats,
    };
    cache.save();
    console.log(JSON.stringify(result));`;
  const child = spawnSync(process.execPath, ['-r', REGISTER, '-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH } });
  return { status: child.status, stderr: child.stderr, result: child.status === 0 ? JSON.parse(child.stdout) : undefined };
}

describe('the V8 code cache for a restarted bot (src/compileCache.ts)', () => {
  let dir: string;
  beforeEach(() => (dir = modules()));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the modules from the cache the next time, with the same results as compiling them', () => {
    const cacheDir = join(dir, 'cache');
    const first = run(dir, cacheDir);
    const second = run(dir, cacheDir);
    expect(first.stderr).toBe('');
    expect(first.result.stats).toEqual({ fromCache: 0, compiled: 4 });
    expect(second.result.stats).toEqual({ fromCache: 4, compiled: 0 });
    expect(second.result).toEqual({ ...first.result, stats: second.result.stats });
    expect(second.result).toMatchObject({
      answer: 42,
      file: join(dir, 'main.js'),
      dir,
      resolved: join(dir, 'b.js'),
      fromEsm: 'an ES module',
      cli: 'cli',
    });
  });

  it('compiles a module again when its code changed, even to the same length, and never runs the old code', () => {
    const cacheDir = join(dir, 'cache');
    run(dir, cacheDir);
    writeFileSync(join(dir, 'main.js'), readFileSync(join(dir, 'main.js'), 'utf8').replace('41 + b.one', '43 + b.one'));
    const changed = run(dir, cacheDir);
    expect(changed.result.answer).toBe(44);
    expect(changed.result.stats).toEqual({ fromCache: 3, compiled: 1 });
  });

  it('keeps the line of an error in its stack, from the cache as when compiled', () => {
    const cacheDir = join(dir, 'cache');
    for (const { result } of [run(dir, cacheDir), run(dir, cacheDir)]) {
      expect(result.stack).toContain('from line 3');
      expect(result.stack).toContain(`${join(dir, 'thrower.js')}:3:`);
    }
  });

  it('works without a cache where it cannot write one, and ignores a cache file that is not one', () => {
    writeFileSync(join(dir, 'a-file'), '');
    const readOnly = run(dir, join(dir, 'a-file', 'cache'));
    expect(readOnly.status).toBe(0);
    expect(readOnly.result).toMatchObject({ answer: 42, stats: { fromCache: 0, compiled: 4 } });

    const cacheDir = join(dir, 'cache');
    run(dir, cacheDir);
    const [cacheFile] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, cacheFile!), 'not a cache');
    const corrupt = run(dir, cacheDir);
    expect(corrupt.status).toBe(0);
    expect(corrupt.result).toMatchObject({ answer: 42, stats: { fromCache: 0, compiled: 4 } });
    expect(run(dir, cacheDir).result.stats).toEqual({ fromCache: 4, compiled: 0 });
  });

  it('is off under jest and the CLI: only `node dist/src/index.js` turns it on', () => {
    expect(botCompileCache).toBeUndefined();
  });
});
