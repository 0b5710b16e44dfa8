/**
 * A write carried an eTag that no longer matches the stored item (HTTP 412 in Azure terms).
 * The message matches botbuilder's own ("…due to eTag conflict."), so code written for
 * MemoryStorage or BlobsStorage recognises it too.
 */
export class PreconditionFailedError extends Error {
  readonly statusCode = 412;
  readonly code = 'PreconditionFailed';
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'PreconditionFailedError';
  }
}

/** The state store could not be read or written (disk full, permission denied, Azure unreachable). */
export class StorageUnavailableError extends Error {
  constructor(
    readonly operation: 'read' | 'write' | 'delete',
    readonly cause: unknown,
  ) {
    super(`Storage: ${operation} failed (${describe(cause)}).`);
    this.name = 'StorageUnavailableError';
  }
}

/** A turn kept colliding with turns of the same conversation in other processes and was given up. */
export class TurnConflictError extends Error {
  constructor(readonly attempts: number) {
    super(`State of this conversation kept changing underneath the turn (${attempts} attempts).`);
    this.name = 'TurnConflictError';
  }
}

/** True for an eTag conflict from any of our stores or botbuilder's (which throw a plain Error). */
export function isETagConflict(error: unknown): boolean {
  if (error instanceof PreconditionFailedError) return true;
  if (!(error instanceof Error)) return false;
  const status = (error as { statusCode?: number }).statusCode;
  return status === 412 || /due to eTag conflict/.test(error.message);
}

/** True when a turn failed because state storage failed, as opposed to a bug in the bot. */
export function isStorageFailure(error: unknown): boolean {
  return storageFailure(error) !== undefined;
}

/** The storage failure behind an error, looking inside botbuilder-dialogs' DialogContextError (`.error`). */
function storageFailure(error: unknown): StorageUnavailableError | TurnConflictError | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof StorageUnavailableError || current instanceof TurnConflictError) return current;
    current = (current as { error?: unknown; cause?: unknown }).error ?? (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The error's code or name, never its message (which may quote paths or state). */
function describe(cause: unknown): string {
  if (cause && typeof cause === 'object') {
    const { code, name } = cause as { code?: unknown; name?: unknown };
    if (typeof code === 'string') return code;
    if (typeof name === 'string') return name;
  }
  return 'unknown error';
}

/** For logs: the failed operation and the underlying error's code or name, no message text. */
export function storageFailureCause(error: unknown): Record<string, unknown> | undefined {
  const failure = storageFailure(error);
  if (failure instanceof StorageUnavailableError) return { operation: failure.operation, code: describe(failure.cause) };
  if (failure instanceof TurnConflictError) return { code: 'TurnConflict', attempts: failure.attempts };
  return undefined;
}
