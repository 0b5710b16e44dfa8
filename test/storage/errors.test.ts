import { MemoryStorage } from 'botbuilder';
import {
  PreconditionFailedError,
  StorageUnavailableError,
  isETagConflict,
  isStorageFailure,
  storageFailureCause,
} from '../../src/state/errors';

it('recognises an eTag conflict from botbuilder stores as well as its own typed error', async () => {
  const storage = new MemoryStorage();
  await storage.write({ item: { count: 1 } });
  const stale = (await storage.read(['item'])).item;
  await storage.write({ item: { ...stale, count: 2 } });
  const botbuilderError = await storage.write({ item: stale }).catch((error: unknown) => error);
  expect(isETagConflict(botbuilderError)).toBe(true);
  expect(isETagConflict(new PreconditionFailedError('item'))).toBe(true);
  expect(new PreconditionFailedError('item').message).toBe('Storage: error writing "item" due to eTag conflict.');
  expect(isETagConflict(new Error('disk full'))).toBe(false);
});

it('finds a storage failure wrapped by a dialog, and describes it without any message text', () => {
  const cause = Object.assign(new Error("ENOSPC: no space left on device, write '/data/ab/webchat%2fconversations.json'"), { code: 'ENOSPC' });
  const failure = new StorageUnavailableError('write', cause);
  // botbuilder-dialogs' DialogContextError keeps the original error in `.error`.
  const wrapped = Object.assign(new Error(failure.message), { name: 'DialogContextError', error: failure });
  expect(isStorageFailure(wrapped)).toBe(true);
  expect(storageFailureCause(wrapped)).toEqual({ operation: 'write', code: 'ENOSPC' });
  expect(failure.message).not.toContain('/data');
  expect(isStorageFailure(new TypeError('a bug'))).toBe(false);
});
