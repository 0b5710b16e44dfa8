import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AzureBlobsStorage } from '../../src/state/azureBlobsStorage';
import { LowdbStorage } from '../../src/state/lowdbStorage';
import { startAzurite, type Azurite } from './azurite';
import { conversationKey, message, send, startCrampbot } from './crampbotHarness';

let azurite: Azurite;
let stateDir: string;

beforeAll(async () => {
  azurite = await startAzurite();
  stateDir = mkdtempSync(join(tmpdir(), 'crampbot-concurrency-'));
});

afterAll(async () => {
  await azurite?.dispose();
  rmSync(stateDir, { recursive: true, force: true });
});

it('answers 50 messages posted at once to one conversation and loses none of their state updates', async () => {
  const storage = new LowdbStorage(stateDir);
  const bot = await startCrampbot(storage);
  try {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) => send(bot.url, message('burst', `my calf cramps at night ${index}`))),
    );
    expect(results.map((result) => result.status)).toEqual(Array(50).fill(200));
    for (const result of results) expect(result.replies.length).toBeGreaterThan(0);
    const state = (await storage.read([conversationKey('burst')]))[conversationKey('burst')];
    expect(state.turnCount).toBe(50);
  } finally {
    await bot.close();
  }
});

it('loses no update when two bot instances share one blob container and race on one conversation', async () => {
  const container = 'two-instances';
  const first = await startCrampbot(new AzureBlobsStorage(azurite.connectionString, container), { LOG_LEVEL: 'debug' });
  const second = await startCrampbot(new AzureBlobsStorage(azurite.connectionString, container), { LOG_LEVEL: 'debug' });
  try {
    // Interleaved from the very first turn, so the two instances also race to create the state.
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        send(index % 2 === 0 ? first.url : second.url, message('shared', `cramp again ${index}`)),
      ),
    );
    expect(results.map((result) => result.status)).toEqual(Array(40).fill(200));
    for (const result of results) {
      expect(result.replies.length).toBeGreaterThan(0);
      // A turn that was run again sends only the replies of the attempt that was saved.
      expect(new Set(result.replies).size).toBe(result.replies.length);
    }
    // The instances did collide (and recovered by running turns again), so the test proves the retry.
    expect([...first.logs, ...second.logs].some((line) => line.includes('running the turn again'))).toBe(true);
    const reader = new AzureBlobsStorage(azurite.connectionString, container);
    const state = (await reader.read([conversationKey('shared')]))[conversationKey('shared')];
    expect(state.turnCount).toBe(40);
  } finally {
    await first.close();
    await second.close();
  }
});
