import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpusArtefact, readArtefact, writeCorpusArtefact, type CorpusArtefact } from '../../src/corpusArtefact';
import { ARTEFACTS } from '../../src/buildArtefacts';
import { CORPUS_DIR } from '../../src/paths';

describe('a corpus artefact', () => {
  let dir: string;
  let builds: number;
  const words = () => join(dir, 'corpus', 'words.yml');
  const code = () => join(dir, 'code.js');
  const artefact = (corpusFile = words()): CorpusArtefact<{ words: string[] }> => ({
    name: 'word-list',
    corpusFiles: [corpusFile],
    codeFiles: [code()],
    build: () => {
      builds++;
      return { words: ['calf', 'cramp'] };
    },
  });
  const artefactDir = () => join(dir, 'dist', 'artefacts');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crampbot-artefact-'));
    builds = 0;
    writeFileSync(join(dir, 'code.js'), 'module.exports = 1;');
    mkdirSync(join(dir, 'corpus'));
    writeFileSync(words(), '- calf\n- cramp\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is built from the corpus when nothing was built before', () => {
    expect(loadCorpusArtefact(artefact(), artefactDir())).toEqual({ words: ['calf', 'cramp'] });
    expect(builds).toBe(1);
  });

  it('is read from its file, without building, once the build wrote it', () => {
    writeCorpusArtefact(artefact(), artefactDir());
    builds = 0;
    expect(loadCorpusArtefact(artefact(), artefactDir())).toEqual({ words: ['calf', 'cramp'] });
    expect(builds).toBe(0);
  });

  it('is written in ASCII and read back with every other character as it was', () => {
    const text = { words: ['抽筋', 'crème', 'ƙafa', '°', 'calf\u2019s', '😖'] };
    writeCorpusArtefact({ ...artefact(), build: () => text }, artefactDir());
    expect(readFileSync(join(artefactDir(), 'word-list.json')).every((byte) => byte < 0x80)).toBe(true);
    expect(readArtefact(artefact(), artefactDir())).toEqual(text);
  });

  it('is built again when a corpus file changed after the build', () => {
    writeCorpusArtefact(artefact(), artefactDir());
    writeFileSync(words(), '- calf\n- cramp\n- thigh\n');
    expect(readArtefact(artefact(), artefactDir())).toBeUndefined();
    builds = 0;
    loadCorpusArtefact(artefact(), artefactDir());
    expect(builds).toBe(1);
  });

  it('is built again when the code that builds it changed', () => {
    writeCorpusArtefact(artefact(), artefactDir());
    writeFileSync(code(), 'module.exports = 2;');
    expect(readArtefact(artefact(), artefactDir())).toBeUndefined();
  });

  it('serves the same corpus copied to another folder', () => {
    writeCorpusArtefact(artefact(), artefactDir());
    const copy = join(dir, 'copy');
    mkdirSync(copy);
    writeFileSync(join(copy, 'words.yml'), '- calf\n- cramp\n');
    expect(readArtefact(artefact(join(copy, 'words.yml')), artefactDir())).toEqual({ words: ['calf', 'cramp'] });
  });

  it('falls back to building when its file is cut short', () => {
    const path = writeCorpusArtefact(artefact(), artefactDir());
    writeFileSync(path, '{"name":"word-list","hash":"');
    builds = 0;
    expect(loadCorpusArtefact(artefact(), artefactDir())).toEqual({ words: ['calf', 'cramp'] });
    expect(builds).toBe(1);
  });
});

describe('the artefacts npm run build writes', () => {
  it.each(ARTEFACTS.map((artefact) => [artefact(CORPUS_DIR).name, artefact] as const))('%s survives being stored as JSON', (_name, artefact) => {
    const data = artefact(CORPUS_DIR).build();
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});
