import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContainerClient } from '@azure/storage-blob';
import type { Storage } from 'botbuilder';
import pino from 'pino';
import { AzureBlobsStorage } from '../../src/state/azureBlobsStorage';
import { ExpiringMemoryStorage } from '../../src/state/expiringMemoryStorage';
import { LowdbStorage } from '../../src/state/lowdbStorage';
import { stateFilePath } from '../../src/state/stateFileName';
import { purgeExpiredState, startStatePurge } from '../../src/state/statePurge';
import { startAzurite, type Azurite } from './azurite';
import { conversationKey, message, send, startCrampbot, userKey } from './crampbotHarness';

const DAY = 24 * 60 * 60 * 1000;
let azurite: Azurite;
let root: string;
let containers = 0;

beforeAll(async () => {
  azurite = await startAzurite();
  root = mkdtempSync(join(tmpdir(), 'crampbot-forget-'));
});

afterAll(async () => {
  await azurite?.dispose();
  rmSync(root, { recursive: true, force: true });
});

/** Every state file's content under a lowdb directory. */
function filesOnDisk(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

async function blobNames(container: string): Promise<string[]> {
  const names: string[] = [];
  for await (const blob of new ContainerClient(azurite.connectionString, container).listBlobsFlat()) names.push(blob.name);
  return names;
}

describe('forget me', () => {
  async function talkThenForget(storage: Storage) {
    const bot = await startCrampbot(storage);
    try {
      await send(bot.url, message('to-forget', 'my calf cramps at night', 'forgetful-user'));
      await send(bot.url, message('to-keep', 'my calf cramps at night', 'other-user'));
      // What a user profile would hold; the bot may or may not keep one.
      await storage.write({ [userKey('forgetful-user')]: { profile: { pregnant: true } } });
      expect(Object.keys(await storage.read([conversationKey('to-forget'), userKey('forgetful-user')]))).toHaveLength(2);

      const reply = await send(bot.url, message('to-forget', 'forget me', 'forgetful-user'));
      expect(reply.replies.join(' ')).toMatch(/deleted everything/i);
    } finally {
      await bot.close();
    }
  }

  it('deletes that user and that conversation from disk, and nobody else', async () => {
    const directory = join(root, 'lowdb');
    const storage = new LowdbStorage(directory);
    await talkThenForget(storage);
    const files = filesOnDisk(directory);
    expect(files.some((content) => content.includes('to-forget') || content.includes('forgetful-user'))).toBe(false);
    expect(files.some((content) => content.includes('"webchat/conversations/to-keep/"'))).toBe(true);
  });

  it('deletes that user and that conversation from blob storage, and nobody else', async () => {
    await talkThenForget(new AzureBlobsStorage(azurite.connectionString, 'forget'));
    const names = (await blobNames('forget')).map((name) => decodeURIComponent(name));
    expect(names.filter((name) => name.includes('to-forget') || name.includes('forgetful-user'))).toEqual([]);
    expect(names).toContain('webchat/conversations/to-keep');
  });
});

describe('STATE_TTL_DAYS', () => {
  const logger = pino({ level: 'silent' });

  it.each<[string, (now: () => number) => Storage]>([
    ['lowdb', () => new LowdbStorage(mkdtempSync(join(root, 'ttl-')))],
    ['memory', (now) => new ExpiringMemoryStorage(now)],
    ['blobs', () => new AzureBlobsStorage(azurite.connectionString, `ttl-${++containers}`)],
  ])('keeps %s state younger than the TTL and purges it once it is older', async (_name, make) => {
    let now = Date.now();
    const storage = make(() => now);
    await storage.write({ first: { turnCount: 3 }, second: { turnCount: 1 } });

    now += 29 * DAY;
    expect(await purgeExpiredState(storage, 30, () => now)).toBe(0);
    expect(Object.keys(await storage.read(['first', 'second'])).sort()).toEqual(['first', 'second']);

    now += 2 * DAY;
    expect(await purgeExpiredState(storage, 30, () => now)).toBe(2);
    expect(await storage.read(['first', 'second'])).toEqual({});
  });

  it('purges only the state files that were not written for longer than the TTL', async () => {
    const directory = mkdtempSync(join(root, 'ttl-'));
    const storage = new LowdbStorage(directory);
    await storage.write({ stale: { turnCount: 1 }, fresh: { turnCount: 1 } });
    const { shard, name } = stateFilePath('stale');
    const monthAgo = new Date(Date.now() - 31 * DAY);
    utimesSync(join(directory, shard, name), monthAgo, monthAgo);

    expect(await purgeExpiredState(storage, 30)).toBe(1);
    expect(Object.keys(await storage.read(['stale', 'fresh']))).toEqual(['fresh']);
  });

  it('purges a state file set aside as damaged once it is older than the TTL', async () => {
    const directory = mkdtempSync(join(root, 'ttl-'));
    await new LowdbStorage(directory).write({ damaged: { recent: ['my calf cramps at night'] } });
    const { shard, name } = stateFilePath('damaged');
    writeFileSync(join(directory, shard, name), 'not a state record');
    const storage = new LowdbStorage(directory);
    expect(await storage.read(['damaged'])).toEqual({});
    const [setAside] = readdirSync(join(directory, shard)).filter((file) => file.includes('.corrupt-'));
    const monthAgo = new Date(Date.now() - 31 * DAY);
    utimesSync(join(directory, shard, setAside), monthAgo, monthAgo);

    await purgeExpiredState(storage, 30);
    expect(filesOnDisk(directory)).toEqual([]);
  });

  it('purges at start-up and then periodically, on the clock it is given', async () => {
    let now = Date.now();
    const storage = new ExpiringMemoryStorage(() => now);
    await storage.write({ ancient: { turnCount: 1 } });
    now += 31 * DAY;

    const purges: number[] = [];
    let notify = () => undefined as void;
    const stop = startStatePurge(storage, {
      ttlDays: 30,
      logger,
      intervalMs: 5,
      now: () => now,
      onPurged: (count) => {
        purges.push(count);
        notify();
      },
    });
    const nextPurge = () => new Promise<void>((resolve) => (notify = resolve));
    try {
      await nextPurge();
      expect(purges[0]).toBe(1);

      await storage.write({ newer: { turnCount: 1 } });
      await nextPurge();
      expect(await storage.read(['newer'])).toHaveProperty('newer');

      now += 31 * DAY;
      while (purges.at(-1) !== 1) await nextPurge();
      expect(await storage.read(['newer'])).toEqual({});
    } finally {
      stop();
    }
  });
});
