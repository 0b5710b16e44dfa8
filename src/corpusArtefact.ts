import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PROJECT_ROOT } from './paths';

/**
 * Something slow to build from the corpus (a trained model, compiled rules) that `npm run build` builds once and
 * start-up then reads. Register one by writing a function that returns its spec, using it in the loader, and
 * adding it to the list in src/buildArtefacts.ts:
 *
 * ```ts
 * export const triageArtefact = (corpusDir: string): CorpusArtefact<CompiledRules> => ({
 *   name: 'triage-rules',
 *   corpusFiles: [join(corpusDir, 'triage.yml')],
 *   codeFiles: [__filename, require.resolve('./ruleSet')],
 *   build: () => compileRules(readFileSync(join(corpusDir, 'triage.yml'), 'utf8')),
 * });
 * // in the loader:
 * const rules = loadCorpusArtefact(triageArtefact(corpusDir));
 * ```
 *
 * Require the parser inside `build` (`require('yaml')`), not at the top of the module, so that a start-up that
 * finds every artefact fresh never loads it.
 *
 * @remarks The artefact is used only when it was built from exactly these files: a hash of the corpus files and
 * of the code that builds it is stored with the data and checked on every load. A missing or stale artefact is
 * built in memory from the corpus instead (a corpus edited after the build, jest running the TypeScript
 * sources), so start-up and tests always work; only `npm run build` writes the file.
 */
export interface CorpusArtefact<T> {
  /** The file name in dist/artefacts (letters, digits, dashes). */
  name: string;
  /** The corpus files the data is built from, read in this order. */
  corpusFiles: readonly string[];
  /**
   * The modules whose code decides the data (their `__filename`), so changing the training code rebuilds the
   * artefact as surely as changing the corpus does.
   */
  codeFiles?: readonly string[];
  /** Builds the data from the corpus; it must survive JSON.stringify / JSON.parse unchanged. */
  build: () => T;
}

/** A YAML file of the corpus as data, so that start-up skips the YAML parser (tens of milliseconds to load). */
export function yamlArtefact<T>(name: string, file: string): CorpusArtefact<T> {
  // The parser is required only to build: start-up reads the artefact.
  return { name, corpusFiles: [file], build: () => (require('yaml') as typeof import('yaml')).parse(readFileSync(file, 'utf8')) as T };
}

/** Where `npm run build` writes artefacts: next to the compiled code, never in the source tree. */
export const ARTEFACT_DIR = join(PROJECT_ROOT, 'dist', 'artefacts');

interface ArtefactFile<T> {
  name: string;
  hash: string;
  data: T;
}

/** The hash of everything the artefact's data depends on: its name, the corpus files and the code files. */
export function artefactHash(artefact: CorpusArtefact<unknown>): string {
  const hash = createHash('sha256').update(artefact.name);
  for (const file of [...artefact.corpusFiles, ...(artefact.codeFiles ?? [])]) {
    // File names but not their folders: the same corpus elsewhere (a test's copy) gives the same hash.
    hash.update(`\u0000${basename(file)}\u0000`).update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** The artefact's data: from its file when that was built from the same corpus and code, else built now. */
export function loadCorpusArtefact<T>(artefact: CorpusArtefact<T>, dir = ARTEFACT_DIR): T {
  return readArtefact(artefact, dir) ?? artefact.build();
}

/** The data stored for this artefact, or undefined when it is missing, unreadable or stale. */
export function readArtefact<T>(artefact: CorpusArtefact<T>, dir = ARTEFACT_DIR): T | undefined {
  let stored: ArtefactFile<T>;
  try {
    stored = JSON.parse(readFileSync(artefactPath(artefact, dir), 'utf8')) as ArtefactFile<T>;
  } catch {
    return undefined;
  }
  return stored?.name === artefact.name && stored.hash === artefactHash(artefact) ? stored.data : undefined;
}

/** Builds the artefact and writes it (temp file + rename, so a reader never sees half a file); `npm run build`. */
export function writeCorpusArtefact(artefact: CorpusArtefact<unknown>, dir = ARTEFACT_DIR): string {
  const file: ArtefactFile<unknown> = { name: artefact.name, hash: artefactHash(artefact), data: artefact.build() };
  mkdirSync(dir, { recursive: true });
  const path = artefactPath(artefact, dir);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, asciiJson(file));
  renameSync(temp, path);
  return path;
}

/**
 * JSON with every character beyond ASCII written as a \u escape: one "ß" or "抽" in 2.5 MB made V8 decode the whole
 * file into a two-byte string, and reading and parsing the second opinion took about 80 ms rather than 55.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function artefactPath(artefact: CorpusArtefact<unknown>, dir: string): string {
  if (!/^[a-z0-9-]+$/i.test(artefact.name)) throw new Error(`artefact name "${artefact.name}" must be letters, digits and dashes`);
  return join(dir, `${artefact.name}.json`);
}
