import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const FOLDERS = ['src', 'dialogs', 'scripts'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** Relative imports and re-exports of a file, type-only ones included: they tie two modules together for a reader too. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)'/gms)].map((match) => match[1]);
  return specifiers.flatMap((specifier) => {
    const base = resolve(dirname(file), specifier);
    const target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
    return target ? [target] : [];
  });
}

/** Every cycle in the graph, each as the chain of files that closes it. */
function findCycles(files: string[], importsOfFile: (file: string) => string[] = importsOf): string[][] {
  const graph = new Map(files.map((file) => [file, importsOfFile(file)]));
  const cycles: string[][] = [];
  const done = new Set<string>();
  const visit = (file: string, path: string[]) => {
    const at = path.indexOf(file);
    if (at >= 0) {
      cycles.push([...path.slice(at), file]);
      return;
    }
    if (done.has(file)) return;
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    done.add(file);
  };
  for (const file of files) visit(file, []);
  return cycles;
}

/** A file at the top of src/ or in dialogs/ or scripts/ stands for itself; a folder under src/ (http/, cli/, …) is one part. */
function partOf(file: string): string {
  const parts = relative(ROOT, file).split(sep);
  return parts.length > 2 ? parts.slice(0, 2).join('/') : parts.join('/');
}

describe('the module graph', () => {
  const files = FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)));

  it('has no import cycles between files of src/, dialogs/ or scripts/', () => {
    expect(files.length).toBeGreaterThan(50);
    const cycles = findCycles(files).map((cycle) => cycle.map((file) => relative(ROOT, file)).join(' → '));
    expect(cycles).toEqual([]);
  });

  it('has no cycles between the parts of src/ (a folder such as http/ imports nothing that imports it back)', () => {
    const parts = [...new Set(files.map(partOf))];
    const edges = new Map(parts.map((part) => [part, new Set<string>()]));
    for (const file of files) for (const target of importsOf(file)) if (partOf(target) !== partOf(file)) edges.get(partOf(file))!.add(partOf(target));
    const cycles = findCycles(parts, (part) => [...edges.get(part)!]).map((cycle) => cycle.join(' → '));
    expect(cycles).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    // src/adapter.ts and src/http/ as they were before TurnTracker and stackFrames moved: each imported the other.
    const graph: Record<string, string[]> = { adapter: ['http/server', 'logger'], 'http/server': ['adapter'], logger: [] };
    expect(findCycles(Object.keys(graph), (file) => graph[file])).toEqual([['adapter', 'http/server', 'adapter']]);
  });
});
