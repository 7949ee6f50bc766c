import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IdentityCipher, identityKeyFileName, loadIdentityKey } from './identity-crypto';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rvw-key-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('identity crypto', () => {
  it('creates the key file once with mode 0600 and reads the same key afterwards', () => {
    const key = loadIdentityKey(dir, null);
    const path = join(dir, identityKeyFileName);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadIdentityKey(dir, null).equals(key)).toBe(true);
    expect(readFileSync(path, 'utf8')).not.toContain('310101');
  });

  it('takes RVW_IDENTITY_KEY as base64 or hex, and refuses a key of the wrong size', () => {
    const hex = 'ab'.repeat(32);
    expect(loadIdentityKey(dir, hex).toString('hex')).toBe(hex);
    expect(loadIdentityKey(dir, Buffer.from(hex, 'hex').toString('base64')).toString('hex')).toBe(hex);
    expect(() => loadIdentityKey(dir, 'short')).toThrow(/RVW_IDENTITY_KEY/);
  });

  it('round-trips, never repeats a ciphertext, and refuses another row or key', () => {
    const c = new IdentityCipher(loadIdentityKey(dir, null));
    const a = c.encrypt('310101194803157793', 'ticket-1');
    const b = c.encrypt('310101194803157793', 'ticket-1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('310101');
    expect(c.decrypt(a, 'ticket-1')).toBe('310101194803157793');
    expect(() => c.decrypt(a, 'ticket-2')).toThrow();
    const other = new IdentityCipher(Buffer.alloc(32, 7));
    expect(() => other.decrypt(a, 'ticket-1')).toThrow();
  });

  it('hashes a number with a key derived per purpose: stable, keyed, never the number', () => {
    const c = new IdentityCipher(Buffer.alloc(32, 1));
    const h = c.lookupHash('310101194803157793', 'appointment-id');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(c.lookupHash('310101194803157793', 'appointment-id')).toBe(h);
    expect(c.lookupHash('310101194803157793', 'other')).not.toBe(h);
    expect(
      new IdentityCipher(Buffer.alloc(32, 2)).lookupHash('310101194803157793', 'appointment-id'),
    ).not.toBe(h);
  });
});
