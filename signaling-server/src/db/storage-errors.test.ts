import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './database';
import { isUniqueViolation, mappingStorageErrors, UniqueViolation } from './storage-errors';

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
