import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './database';
import {
  isStorageFailure,
  isUniqueViolation,
  mappingStorageErrors,
  StorageUnavailable,
  toStorageError,
  UniqueViolation,
} from './storage-errors';

describe('storage errors', () => {
  let db: Db;
  beforeEach(async () => {
    db = await openDatabase(':memory:');
  });
  afterEach(() => db.destroy());

  it("maps SQLite's unique and primary-key violations (by code) to UniqueViolation", async () => {
    const row = { day: '2026-01-01', last: 1 };
    await db.insertInto('ticket_counters').values(row).execute();
    const dup = mappingStorageErrors(() => db.insertInto('ticket_counters').values(row).execute());
    await expect(dup).rejects.toBeInstanceOf(UniqueViolation);
  });

  it("recognises PostgreSQL's SQLSTATE 23505 and leaves other errors alone", async () => {
    expect(isUniqueViolation(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_CHECK' }))).toBe(false);
    const other = new Error('boom');
    await expect(mappingStorageErrors(() => Promise.reject(other))).rejects.toBe(other);
  });
});

describe('storage failures', () => {
  it('maps a failing store (SQLITE_FULL, IOERR, READONLY, PostgreSQL class 53) to StorageUnavailable', () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_READONLY', '53100', '53000']) {
      const mapped = toStorageError(Object.assign(new Error('x'), { code }));
      expect(mapped).toBeInstanceOf(StorageUnavailable);
      expect(isStorageFailure(mapped)).toBe(true);
    }
    for (const code of ['SQLITE_CONSTRAINT_CHECK', '23505', '42P01', undefined]) {
      expect(isStorageFailure(Object.assign(new Error('x'), { code }))).toBe(false);
    }
  });
});
