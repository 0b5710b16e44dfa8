import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { AzureBlobsStorage } from '../../src/state/azureBlobsStorage';
import { createStorage } from '../../src/state/createStorage';
import { ExpiringMemoryStorage } from '../../src/state/expiringMemoryStorage';
import { LowdbStorage } from '../../src/state/lowdbStorage';

const logger = pino({ level: 'silent' });
let stateDir: string;
beforeAll(() => {
  stateDir = mkdtempSync(join(tmpdir(), 'crampbot-create-'));
});
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

it('keeps state in lowdb files under STATE_DIR by default', async () => {
  const storage = createStorage(loadConfig({ STATE_DIR: stateDir }), logger);
  expect(storage).toBeInstanceOf(LowdbStorage);
  await storage.write({ 'webchat/conversations/c1/': { turnCount: 1 } });
  expect(readdirSync(stateDir, { recursive: true }).some((name) => String(name).endsWith('.json'))).toBe(true);
});

it('uses memory with STORAGE=memory and Azure blobs with STORAGE=blobs', () => {
  expect(createStorage(loadConfig({ STORAGE: 'memory' }), logger)).toBeInstanceOf(ExpiringMemoryStorage);
  const blobs = createStorage(
    loadConfig({ STORAGE: 'blobs', BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true', BLOB_CONTAINER: 'crampbot-state' }),
    logger,
  );
  expect(blobs).toBeInstanceOf(AzureBlobsStorage);
  // The connection string is a secret: it must not come out when the storage is logged.
  expect(JSON.stringify(blobs)).not.toContain('UseDevelopmentStorage');
});
