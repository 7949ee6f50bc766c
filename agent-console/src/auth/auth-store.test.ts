import { describe, expect, it } from 'vitest';
import type { LoginResponse } from '@rvw/shared';
import { AUTH_STORAGE_KEY, clearAuth, loadAuth, saveAuth, type KeyValueStorage } from './auth-store';

/** An in-memory Web Storage, the same contract as sessionStorage. */
function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
  };
}

const now = Date.parse('2025-05-01T08:00:00Z');
const auth: LoginResponse = {
  token: 'tok-123',
  agent: { id: 'a1', username: 'wang', displayName: '王芳', role: 'agent', centreId: 'main', skills: [] },
  expiresAt: '2025-05-01T16:00:00Z',
};

describe('auth store', () => {
  it('round-trips a login', () => {
    const storage = memoryStorage();
    saveAuth(storage, auth);
    expect(loadAuth(storage, now)).toEqual(auth);
    clearAuth(storage);
    expect(loadAuth(storage, now)).toBeNull();
  });

  it('drops an expired login', () => {
    const storage = memoryStorage();
    saveAuth(storage, auth);
    expect(loadAuth(storage, Date.parse(auth.expiresAt))).toBeNull();
    expect(storage.map.has(AUTH_STORAGE_KEY)).toBe(false);
  });

  it('drops garbage instead of throwing', () => {
    const storage = memoryStorage();
    storage.setItem(AUTH_STORAGE_KEY, '{not json');
    expect(loadAuth(storage, now)).toBeNull();
    storage.setItem(AUTH_STORAGE_KEY, JSON.stringify({ token: 'x' }));
    expect(loadAuth(storage, now)).toBeNull();
    expect(storage.map.has(AUTH_STORAGE_KEY)).toBe(false);
  });
});
