/**
 * Constraint violations as one storage error, whatever the engine: better-sqlite3 reports a
 * duplicate with `code` SQLITE_CONSTRAINT_UNIQUE or SQLITE_CONSTRAINT_PRIMARYKEY, PostgreSQL with
 * SQLSTATE 23505. Stores catch `UniqueViolation`, never an engine's message text.
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

/** Maps an engine error to the storage error it stands for; other errors pass through unchanged. */
export function toStorageError(err: unknown): unknown {
  return isUniqueViolation(err) && !(err instanceof UniqueViolation) ? new UniqueViolation(err) : err;
}

/** Runs a database operation and rethrows engine constraint errors as storage errors. */
export async function mappingStorageErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toStorageError(err);
  }
}
