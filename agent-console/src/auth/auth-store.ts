/**
 * The signed-in agent's token, kept in sessionStorage: it survives a reload of the tab but is not
 * shared with other tabs, and it is gone when the tab closes.
 */
import { LoginResponse } from '@rvw/shared';

/** The sessionStorage key (default `rvw.console.auth`). */
export const AUTH_STORAGE_KEY = 'rvw.console.auth';

/** The subset of the Web Storage API the store uses (so tests can pass an in-memory one). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Saves a login answer. */
export function saveAuth(storage: KeyValueStorage, auth: LoginResponse): void {
  storage.setItem(AUTH_STORAGE_KEY, JSON.stringify(auth));
}

/** The saved login if it is well-formed and not expired at `nowMs`; otherwise clears it and returns null. */
export function loadAuth(storage: KeyValueStorage, nowMs: number): LoginResponse | null {
  const raw = storage.getItem(AUTH_STORAGE_KEY);
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = null;
  }
  const result = LoginResponse.safeParse(parsed);
  const expires = result.success ? Date.parse(result.data.expiresAt) : NaN;
  if (!result.success || (Number.isFinite(expires) && expires <= nowMs)) {
    storage.removeItem(AUTH_STORAGE_KEY);
    return null;
  }
  return result.data;
}

/** Forgets the saved login. */
export function clearAuth(storage: KeyValueStorage): void {
  storage.removeItem(AUTH_STORAGE_KEY);
}
