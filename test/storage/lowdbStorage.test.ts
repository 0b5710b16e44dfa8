import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { LowdbStorage } from '../../src/state/lowdbStorage';
import { PreconditionFailedError } from '../../src/state/errors';
import { stateFilePath } from '../../src/state/stateFileName';
import { lastIntactRecord } from '../../src/state/stateRecord';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'crampbot-lowdb-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const fresh = () => mkdtempSync(join(root, 'case-'));

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)));
}

describe('state file names', () => {
  it('turn any key into a name inside one shard folder, with no path tricks', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (key) => {
        const { shard, name } = stateFilePath(key);
        expect(shard).toMatch(/^[0-9a-f]{2}$/);
        expect(name).toMatch(/^[a-z0-9_%~-]+\.json$/);
        expect(name.length).toBeLessThanOrEqual(230);
      }),
    );
  });

  it('give different keys different names, including keys differing only in case or beyond the shortening point', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: 'binary', maxLength: 300 }), { minLength: 2, maxLength: 30 }), (keys) => {
        const paths = keys.map((key) => Object.values(stateFilePath(key)).join('/'));
        expect(new Set(paths).size).toBe(keys.length);
      }),
    );
    const long = 'msteams/conversations/a:' + 'X'.repeat(400);
    const names = ['A:b', 'a:b', 'a:B', '\uD800', '\uD801', '\uFFFD', 'é', `${long}1`, `${long}2`, `${long}`].map((key) => stateFilePath(key).name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('LowdbStorage on disk', () => {
  it('keeps one state file per key inside its directory, whatever the key', async () => {
    const directory = fresh();
    const storage = new LowdbStorage(directory);
    const keys = ['../../escape', '/etc/passwd', 'C:\\Windows\\system32', '.', '..', '', 'msteams/conversations/19:abc;messageid=1@thread.v2/'];
    await storage.write(Object.fromEntries(keys.map((key, index) => [key, { index }])));

    const files = filesUnder(directory);
    expect(files).toHaveLength(keys.length);
    for (const file of files) {
      expect(file.split(sep)).toHaveLength(2);
      expect(keys).toContain(lastIntactRecord(readFileSync(join(directory, file)))?.key);
    }
    const items = await storage.read(keys);
    keys.forEach((key, index) => expect(items[key]).toMatchObject({ index }));
  });

  it('leaves no temp file behind after writes', async () => {
    const directory = fresh();
    const storage = new LowdbStorage(directory);
    await Promise.all(Array.from({ length: 30 }, (_, index) => storage.write({ [`key-${index % 5}`]: { index } })));
    expect(filesUnder(directory).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(filesUnder(directory)).toHaveLength(5);
  });

  it('lets exactly one of many racing writes with the same eTag win', async () => {
    const storage = new LowdbStorage(fresh());
    await storage.write({ counter: { count: 0 } });
    const read = (await storage.read(['counter'])).counter;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) => storage.write({ counter: { ...read, count: index + 1 } })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results.filter((r) => r.status === 'rejected')) {
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(PreconditionFailedError);
    }
  });

  it('refuses an eTag write to an item that was deleted meanwhile', async () => {
    const storage = new LowdbStorage(fresh());
    await storage.write({ item: { count: 1 } });
    const read = (await storage.read(['item'])).item;
    await storage.delete(['item']);
    await expect(storage.write({ item: { ...read, count: 2 } })).rejects.toBeInstanceOf(PreconditionFailedError);
  });

  it('sets a damaged file aside and starts that conversation afresh', async () => {
    const directory = fresh();
    const damaged: string[] = [];
    await new LowdbStorage(directory).write({ broken: { count: 1 } });
    const { shard, name } = stateFilePath('broken');
    writeFileSync(join(directory, shard, name), '{"key":"broken","eTag":"x","item":{"cou');

    // As after a restart: this instance has nothing in memory.
    const storage = new LowdbStorage(directory, { onCorruptFile: (path) => damaged.push(path) });

    expect(await storage.read(['broken'])).toEqual({});
    expect(damaged).toHaveLength(1);
    expect(readdirSync(join(directory, shard)).some((file) => file.includes('.corrupt-'))).toBe(true);
    await storage.write({ broken: { count: 2 } });
    expect((await storage.read(['broken'])).broken.count).toBe(2);
  });

  it('serves a file it wrote from memory, identical to what is on disk', async () => {
    const directory = fresh();
    const writer = new LowdbStorage(directory);
    await writer.write({ item: { nested: { list: [1, 'two'] } } });
    const fromMemory = await writer.read(['item']);
    fromMemory.item.nested.list.push('changed by the caller');
    expect(await writer.read(['item'])).toEqual(await new LowdbStorage(directory).read(['item']));
  });

  it('writes again when its state directory was emptied underneath it', async () => {
    const directory = fresh();
    const storage = new LowdbStorage(directory);
    await storage.write({ item: { count: 1 } });
    rmSync(directory, { recursive: true, force: true });
    await storage.write({ item: { count: 2 } });
    expect((await new LowdbStorage(directory).read(['item'])).item.count).toBe(2);
  });
});
