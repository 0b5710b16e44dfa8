import { mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AzureBlobsStorage } from '../../src/state/azureBlobsStorage';
import { LowdbStorage } from '../../src/state/lowdbStorage';
import { stateFilePath } from '../../src/state/stateFileName';
import { startAzurite, type Azurite } from './azurite';
import { conversationKey, message, send, startCrampbot } from './crampbotHarness';

const POLITE = /can't reach my memory/;
const SECRET_TEXT = 'my calf cramps every night since tuesday';

let azurite: Azurite;
let root: string;

beforeAll(async () => {
  azurite = await startAzurite();
  root = mkdtempSync(join(tmpdir(), 'crampbot-failure-'));
});

afterAll(async () => {
  await azurite?.dispose();
  rmSync(root, { recursive: true, force: true });
});

function expectLoggedWithoutText(logs: string[]) {
  const line = logs.find((entry) => entry.includes('state storage failed'));
  expect(line).toBeDefined();
  expect(logs.join('\n')).not.toContain('since tuesday');
}

it('answers politely when the state directory cannot be read, and carries on once it can', async () => {
  const stateDir = join(root, 'unreadable');
  const storage = new LowdbStorage(stateDir);
  const bot = await startCrampbot(storage);
  try {
    expect((await send(bot.url, message('disk', 'hello'))).replies.join(' ')).not.toMatch(POLITE);

    // Something that is not a directory where the state directory should be (like a lost mount).
    // A new conversation, so that nothing of it is remembered in memory either.
    renameSync(stateDir, `${stateDir}.away`);
    writeFileSync(stateDir, 'not a directory');
    const failed = await send(bot.url, message('disk-2', SECRET_TEXT));
    expect(failed.status).toBe(200);
    expect(failed.replies.join(' ')).toMatch(POLITE);
    expectLoggedWithoutText(bot.logs);

    rmSync(stateDir);
    renameSync(`${stateDir}.away`, stateDir);
    const recovered = await send(bot.url, message('disk-2', 'what helps a cramp right now'));
    expect(recovered.replies.join(' ')).not.toMatch(POLITE);
    expect(recovered.replies.length).toBeGreaterThan(0);
    expect((await storage.read([conversationKey('disk-2')]))[conversationKey('disk-2')].turnCount).toBe(1);
  } finally {
    await bot.close();
  }
});

it('still delivers the answer, then says it may not remember, when the state cannot be written', async () => {
  const stateDir = join(root, 'unwritable');
  const storage = new LowdbStorage(stateDir);
  const bot = await startCrampbot(storage);
  try {
    await send(bot.url, message('full', 'hello'));
    // The conversation's file swapped for the system's always-full device: every append fails with ENOSPC.
    const { shard, name } = stateFilePath(conversationKey('full'));
    const file = join(stateDir, shard, name);
    const saved = readFileSync(file);
    rmSync(file);
    symlinkSync('/dev/full', file);
    const failed = await send(bot.url, message('full', 'what helps a cramp right now'));
    expect(failed.replies.length).toBeGreaterThan(1);
    expect(failed.replies.at(-1)).toMatch(POLITE);
    expect(failed.replies.slice(0, -1).join(' ')).not.toMatch(POLITE);
    expectLoggedWithoutText(bot.logs);

    rmSync(file);
    writeFileSync(file, saved);
    const recovered = await send(bot.url, message('full', 'hello again'));
    expect(recovered.replies.join(' ')).not.toMatch(POLITE);
    expect((await new LowdbStorage(stateDir).read([conversationKey('full')]))[conversationKey('full')].turnCount).toBe(2);
  } finally {
    await bot.close();
  }
});

it('answers politely while Azure storage is down, and works again when it is back', async () => {
  const bot = await startCrampbot(new AzureBlobsStorage(azurite.connectionString, 'outage'));
  try {
    expect((await send(bot.url, message('outage', 'hello'))).replies.join(' ')).not.toMatch(POLITE);

    await azurite.stop();
    const failed = await send(bot.url, message('outage', SECRET_TEXT));
    expect(failed.status).toBe(200);
    expect(failed.replies.join(' ')).toMatch(POLITE);
    expectLoggedWithoutText(bot.logs);

    await azurite.start();
    const recovered = await send(bot.url, message('outage', 'hello'));
    expect(recovered.replies.join(' ')).not.toMatch(POLITE);
    expect(recovered.replies.length).toBeGreaterThan(0);
  } finally {
    await bot.close();
  }
});
