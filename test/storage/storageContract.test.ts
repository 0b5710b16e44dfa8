import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversationState, MemoryStorage, TestAdapter, type Storage, type StoreItem } from 'botbuilder';
import { DialogSet, TextPrompt, WaterfallDialog, type DialogState } from 'botbuilder-dialogs';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { AzureBlobsStorage } from '../../src/state/azureBlobsStorage';
import { ExpiringMemoryStorage } from '../../src/state/expiringMemoryStorage';
import { LowdbStorage } from '../../src/state/lowdbStorage';
import { PreconditionFailedError } from '../../src/state/errors';
import { canCreate } from '../../src/state/storageCapabilities';
import { startAzurite, type Azurite } from './azurite';

// One contract, every backend: what ConversationState and UserState rely on, and what the
// turn machinery relies on for eTags. Modelled on botbuilder-js' storageBaseTests.

let azurite: Azurite;
const directories: string[] = [];
let containerCount = 0;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await azurite?.dispose();
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

function tempDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'crampbot-contract-'));
  directories.push(directory);
  return directory;
}

const backends: Array<[string, () => Storage]> = [
  ['MemoryStorage (botbuilder)', () => new MemoryStorage()],
  ['ExpiringMemoryStorage', () => new ExpiringMemoryStorage()],
  ['LowdbStorage', () => new LowdbStorage(tempDirectory())],
  ['BlobsStorage on Azurite', () => new BlobsStorage(azurite.connectionString, `contract-${++containerCount}`)],
  ['AzureBlobsStorage on Azurite', () => new AzureBlobsStorage(azurite.connectionString, `contract-${++containerCount}`)],
];

const teamsConversation = 'msteams/conversations/a:1XyZ_abc-DEF;messageid=1712345678901@thread.tacv2/../x';
const oddKeys = [
  '!@#$%^&*()~/\\><,.?\';"`~',
  teamsConversation,
  '29:1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_aBcDeFgHiJkLmNoPqRsTuVwXyZ',
  '../../../etc/passwd',
  'ünïcödé ключ 🦵',
  `webchat/conversations/${'a:B;c@d/'.repeat(40)}`,
];

describe.each(backends)('%s', (_name, makeStorage) => {
  let storage: Storage;
  beforeEach(() => {
    storage = makeStorage();
  });

  it('returns nothing for keys it has never seen', async () => {
    expect(await storage.read(['never-written'])).toEqual({});
  });

  it('rejects a read without keys and a write without changes', async () => {
    await expect(storage.read(null as unknown as string[])).rejects.toThrow();
    await expect(storage.write(null as unknown as Record<string, StoreItem>)).rejects.toThrow();
  });

  it('accepts a write with no items', async () => {
    await expect(storage.write({})).resolves.toBeUndefined();
  });

  it('reads back what it wrote, with an eTag', async () => {
    await storage.write({ one: { id: 1, nested: { list: [1, 'two'] } }, two: { id: 2 } });
    const items = await storage.read(['one', 'two', 'three']);
    expect(items.one).toMatchObject({ id: 1, nested: { list: [1, 'two'] } });
    expect(items.two).toMatchObject({ id: 2 });
    expect(typeof items.one.eTag).toBe('string');
    expect(items.one.eTag).not.toBe('*');
    expect(items).not.toHaveProperty('three');
  });

  it('keeps non-ASCII message text intact', async () => {
    await storage.write({ text: { recent: ['crampe au mollet, ça fait mal 🦵', 'Wadenkrämpfe'] } });
    expect((await storage.read(['text'])).text.recent).toEqual(['crampe au mollet, ça fait mal 🦵', 'Wadenkrämpfe']);
  });

  it('stores Teams-style and hostile keys each under its own name', async () => {
    await storage.write(Object.fromEntries(oddKeys.map((key, index) => [key, { index }])));
    const items = await storage.read(oddKeys);
    oddKeys.forEach((key, index) => expect(items[key]).toMatchObject({ index }));
  });

  it('keeps keys that differ only in letter case apart', async () => {
    await storage.write({ 'a:Conversation': { which: 'upper' }, 'a:conversation': { which: 'lower' } });
    const items = await storage.read(['a:Conversation', 'a:conversation']);
    expect(items['a:Conversation']).toMatchObject({ which: 'upper' });
    expect(items['a:conversation']).toMatchObject({ which: 'lower' });
  });

  it('updates with the current eTag, refuses a stale one, and overwrites with * or no eTag', async () => {
    await storage.write({ item: { count: 1 } });
    const first = (await storage.read(['item'])).item;

    await storage.write({ item: { ...first, count: 2 } });
    const second = (await storage.read(['item'])).item;
    expect(second.count).toBe(2);
    expect(second.eTag).not.toBe(first.eTag);

    await expect(storage.write({ item: { ...first, count: 99 } })).rejects.toThrow(/eTag conflict/);
    expect((await storage.read(['item'])).item.count).toBe(2);

    await storage.write({ item: { ...first, count: 3, eTag: '*' } });
    expect((await storage.read(['item'])).item.count).toBe(3);

    const { eTag: _dropped, ...withoutETag } = first;
    await storage.write({ item: { ...withoutETag, count: 4 } });
    expect((await storage.read(['item'])).item.count).toBe(4);
  });

  it('deletes items, and deleting an unknown key is not an error', async () => {
    await storage.write({ gone: { count: 1 }, kept: { count: 2 } });
    await storage.delete(['gone', 'never-there']);
    const items = await storage.read(['gone', 'kept']);
    expect(items).not.toHaveProperty('gone');
    expect(items.kept).toMatchObject({ count: 2 });
  });

  it('writes, reads and deletes several items in one call', async () => {
    await storage.write({ batch1: { count: 10 }, batch2: { count: 20 }, batch3: { count: 30 } });
    expect(Object.values(await storage.read(['batch1', 'batch2', 'batch3'])).map((item) => item.count)).toEqual([10, 20, 30]);
    await storage.delete(['batch1', 'batch2', 'batch3']);
    expect(await storage.read(['batch1', 'batch2', 'batch3'])).toEqual({});
  });

  it('carries a dialog across turns through ConversationState', async () => {
    const conversationState = new ConversationState(storage);
    const dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
    dialogs.add(new TextPrompt('where'));
    dialogs.add(
      new WaterfallDialog('guide', [
        async (step) => step.prompt('where', 'Where is the cramp?'),
        async (step) => {
          await step.context.sendActivity(`Noted: ${step.result}.`);
          return step.endDialog();
        },
      ]),
    );
    const adapter = new TestAdapter(async (context) => {
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === 'empty') await dc.beginDialog('guide');
      await conversationState.saveChanges(context);
    });
    await adapter.send('hello').assertReply('Where is the cramp?').send('left calf').assertReply('Noted: left calf.').startTest();
  });
});

const ourBackends = backends.filter(([name]) => !/botbuilder|^BlobsStorage/.test(name));

describe.each(ourBackends)('%s create-if-absent', (_name, makeStorage) => {
  it('creates an absent item and refuses to replace an existing one', async () => {
    const storage = makeStorage();
    if (!canCreate(storage)) throw new Error(`${_name} cannot create-if-absent`);
    // A real key's shape (slashes, a colon, a space, non-ASCII): create() must name the item as read() does.
    const key = 'msteams/conversations/a:Zoë 1//';
    await storage.create({ [key]: { count: 1 } });
    expect((await storage.read([key]))[key]).toMatchObject({ count: 1 });
    await expect(storage.create({ [key]: { count: 2 } })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await storage.read([key]))[key].count).toBe(1);
  });

  it('reports a stale eTag with the typed error', async () => {
    const storage = makeStorage();
    await storage.write({ item: { count: 1 } });
    const stale = (await storage.read(['item'])).item;
    await storage.write({ item: { ...stale, count: 2 } });
    await expect(storage.write({ item: { ...stale, count: 3 } })).rejects.toBeInstanceOf(PreconditionFailedError);
  });
});
