import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { AzureBlobsStorage } from '../../src/state/azureBlobsStorage';
import { createStorage } from '../../src/state/createStorage';
import { ExpiringMemoryStorage } from '../../src/state/expiringMemoryStorage';
import { LowdbStorage } from '../../src/state/lowdbStorage';

// The fs module object itself (not an import's copy of it), so that a spy sees the storage's calls.
const fs = require('node:fs') as typeof import('node:fs');
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

it('flushes every lowdb write to the disk before it resolves with STATE_FSYNC=1, and not without', async () => {
  const flushes = jest.spyOn(fs, 'fdatasync');
  try {
    await createStorage(loadConfig({ STATE_DIR: stateDir }), logger).write({ 'webchat/conversations/c2/': { turnCount: 1 } });
    expect(flushes).not.toHaveBeenCalled();
    const durable = createStorage(loadConfig({ STATE_DIR: stateDir, STATE_FSYNC: '1' }), logger);
    await durable.write({ 'webchat/conversations/c3/': { turnCount: 1 } });
    const created = flushes.mock.calls.length;
    expect(created).toBeGreaterThan(0);
    await durable.write({ 'webchat/conversations/c3/': { turnCount: 2 } });
    expect(flushes.mock.calls.length).toBeGreaterThan(created);
  } finally {
    flushes.mockRestore();
  }
});
