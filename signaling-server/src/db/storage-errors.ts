/**
 * Engine errors as storage errors, whatever the engine. A duplicate: better-sqlite3 reports
 * `code` SQLITE_CONSTRAINT_UNIQUE or SQLITE_CONSTRAINT_PRIMARYKEY, PostgreSQL SQLSTATE 23505.
 * A failing store (disk full, I/O error, read-only): SQLITE_FULL, SQLITE_IOERR*, SQLITE_READONLY*,
 * PostgreSQL class 53 (insufficient resources: 53100 disk full) and 58030 (I/O error). Stores catch
 * `UniqueViolation`; `StorageUnavailable` travels up to the client as UNAVAILABLE.
 */

/** A row would duplicate a unique key (a unique index, constraint or primary key). */
export class UniqueViolation extends Error {
  constructor(
    /** The engine's own error, kept for the log. */
    readonly cause: unknown,
  ) {
    super('A unique constraint was violated.');
    this.name = 'UniqueViolation';
  }
}

const SQLITE_UNIQUE = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
const PG_UNIQUE_VIOLATION = '23505';

/** True when an engine error reports a duplicate key. */
export function isUniqueViolation(err: unknown): boolean {
  if (err instanceof UniqueViolation) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (SQLITE_UNIQUE.has(code) || code === PG_UNIQUE_VIOLATION);
}

/** The store cannot write (or read) right now: its disk is full, failing or read-only. */
export class StorageUnavailable extends Error {
  constructor(
    /** The engine's own error, kept for the log. */
    readonly cause: unknown,
  ) {
    super(`The storage is failing: ${engineCode(cause) ?? 'unknown'}.`);
    this.name = 'StorageUnavailable';
  }

  /** The engine's code (SQLITE_FULL, 53100, …), for the log. */
  get engineCode(): string | undefined {
    return engineCode(this.cause);
  }
}

function engineCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True when an engine error says the store itself is failing (full, I/O, read-only), not the query. */
export function isStorageFailure(err: unknown): boolean {
  if (err instanceof StorageUnavailable) return true;
  const code = engineCode(err);
  if (!code) return false;
  return (
    code === 'SQLITE_FULL' ||
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('SQLITE_READONLY') ||
    code === 'SQLITE_CANTOPEN' ||
    /^53[0-9A-Z]{3}$/.test(code) ||
    code === '58030'
  );
}

/** Maps an engine error to the storage error it stands for; other errors pass through unchanged. */
export function toStorageError(err: unknown): unknown {
  if (err instanceof UniqueViolation || err instanceof StorageUnavailable) return err;
  if (isUniqueViolation(err)) return new UniqueViolation(err);
  if (isStorageFailure(err)) return new StorageUnavailable(err);
  return err;
}

/** Runs a database operation and rethrows engine constraint errors as storage errors. */
export async function mappingStorageErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toStorageError(err);
  }
}
