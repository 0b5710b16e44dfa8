import Module from 'node:module';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Script, constants as vmConstants } from 'node:vm';

/**
 * A V8 code cache for the modules the bot loads, so that a restarted bot does not compile them again: about 1,200
 * modules and 7.7 MB of JavaScript, most of them botbuilder's and restify's, whose compiling is a sixth of the time
 * from start to first reply (`npm run bench -- http`).
 *
 * @remarks Node 22 has this built in (`module.enableCompileCache`), and it is used when present. Node 20 has not, and
 * the `v8-compile-cache` package wraps the ES modules that lowdb's dependencies bring in through `require()` as if
 * they were CommonJS ("Cannot use import statement outside a module"). So on Node 20 CommonJS modules are compiled
 * here with their cached code, and everything else (ES modules, a `.js` file that is an ES module by its syntax,
 * TypeScript under the tests' loader) is left to Node. A cache entry is used only for the same file with the same
 * content (a SHA-1 of it) and the same Node; V8 refuses data from another V8 or other flags itself.
 */
export interface CompileCache {
  /** Writes what was compiled since the last save (on exit, and once the start-up modules have loaded). */
  save(): void;
  readonly stats: { fromCache: number; compiled: number };
}

interface Entry {
  hash: string;
  data: Buffer;
}

/** Node's own CommonJS loader hooks, which @types/node does not declare. */
interface LoaderModule {
  _compile(content: string, filename: string, format?: string): unknown;
  require(id: string): unknown;
  exports: unknown;
}
interface LoaderStatics {
  _resolveFilename(request: string, parent: LoaderModule, isMain: boolean, options?: { paths?: string[] }): string;
  _resolveLookupPaths(request: string, parent: LoaderModule): string[] | null;
  _extensions: NodeJS.RequireExtensions;
  _cache: NodeJS.Dict<NodeModule>;
  wrap(script: string): string;
  enableCompileCache?: (directory?: string) => unknown;
}

const loader = Module as unknown as LoaderStatics & { prototype: LoaderModule };
const SAVE_AFTER_MS = 10_000;

/** Turns the cache on for this process, keeping it in `directory`; undefined when Node caches itself or it is turned off. */
export function enableCompileCache(directory: string): CompileCache | undefined {
  if (process.env.NODE_DISABLE_COMPILE_CACHE || process.sourceMapsEnabled) return undefined;
  if (loader.enableCompileCache) {
    loader.enableCompileCache(directory);
    return undefined;
  }
  const file = join(directory, `v8-${process.versions.v8}.cache`);
  const entries = readCache(file);
  const compiledNow = new Map<string, { hash: string; script: Script }>();
  const stats = { fromCache: 0, compiled: 0 };
  const compile = loader.prototype._compile;

  loader.prototype._compile = function cachedCompile(this: LoaderModule, content: string, filename: string, format?: string) {
    if (format === 'module' || !/\.c?js$/.test(filename)) return compile.call(this, content, filename, format);
    const hash = createHash('sha1').update(content).digest('base64');
    const entry = entries.get(filename);
    let script: Script;
    try {
      // A "#!" line is a comment to Node; inside the wrapper it would not be the first line.
      script = new Script(loader.wrap(content.startsWith('#!') ? `//${content}` : content), {
        filename,
        cachedData: entry?.hash === hash ? entry.data : undefined,
        importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
      });
    } catch {
      // Not CommonJS after all (an ES module by its syntax): Node decides, and reports a real syntax error itself.
      return compile.call(this, content, filename, format);
    }
    if (entry?.hash === hash && !script.cachedDataRejected) stats.fromCache++;
    else {
      stats.compiled++;
      compiledNow.set(filename, { hash, script });
    }
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, dirname(filename));
  };

  const save = () => {
    if (compiledNow.size === 0) return;
    // Each module's code as V8 has compiled it so far: the functions start-up ran are in it, not only the top level.
    for (const [filename, { hash, script }] of compiledNow) entries.set(filename, { hash, data: script.createCachedData() });
    compiledNow.clear();
    writeCache(file, entries);
  };
  process.once('exit', save);
  setTimeout(save, SAVE_AFTER_MS).unref();
  return { save, stats };
}

/** The `require` a module's code gets, as Node makes it. */
function requireFor(module: LoaderModule): NodeJS.Require {
  const requireIt = ((id: string) => module.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: { paths?: string[] }) => loader._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => loader._resolveLookupPaths(request, module);
  requireIt.resolve = resolve;
  requireIt.main = require.main;
  requireIt.extensions = loader._extensions;
  requireIt.cache = loader._cache;
  return requireIt;
}

/** The file: a 4-byte length, a JSON index of [file, hash, length], then the data of each entry in that order. */
function readCache(file: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  try {
    const bytes = readFileSync(file);
    const indexLength = bytes.readUInt32LE(0);
    let offset = 4 + indexLength;
    for (const [filename, hash, length] of JSON.parse(bytes.subarray(4, offset).toString('utf8')) as Array<[string, string, number]>) {
      entries.set(filename, { hash, data: bytes.subarray(offset, offset + length) });
      offset += length;
    }
  } catch {
    // No cache yet, or an unreadable one: everything is compiled and the cache written again.
    entries.clear();
  }
  return entries;
}

function writeCache(file: string, entries: Map<string, Entry>): void {
  const index = JSON.stringify([...entries].map(([filename, { hash, data }]) => [filename, hash, data.length]));
  const header = Buffer.alloc(4);
  header.writeUInt32LE(Buffer.byteLength(index));
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch {
    return; // a read-only install keeps working, without the cache
  }
  // Whole or not at all: several bots starting together each write their own file and rename it.
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, Buffer.concat([header, Buffer.from(index), ...[...entries.values()].map((entry) => entry.data)]));
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}

/** dist/compile-cache: next to the code it caches, written by `npm run build` and by the bot. */
export const COMPILE_CACHE_DIR = join(__dirname, '..', 'compile-cache');

/** The cache when this process is the bot (`node dist/src/index.js`), not jest, the CLI or a test running the TypeScript sources. */
export const botCompileCache = require.main?.filename === join(__dirname, 'index.js') ? enableCompileCache(COMPILE_CACHE_DIR) : undefined;
