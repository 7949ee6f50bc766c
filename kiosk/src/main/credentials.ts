/**
 * The kiosk app's credential store (issue 12 #1): the main process decides the cipher. Electron's
 * safeStorage encrypts the token when `isEncryptionAvailable()` (on Linux only with a real secret
 * store: a backend other than 'basic_text', whose key is hard-coded, or 'unknown'); otherwise the
 * token is kept in a plain file of mode 0600 in the data folder, readable by the kiosk's user only.
 * Call after the app is ready (safeStorage answers only then on Linux).
 */
import { safeStorage } from 'electron';
import {
  fileCredentialStore,
  type CredentialCipher,
  type ErasableCredentialStore,
} from '../host/credential-store';
import { kioskDataDir } from '../host/data-dir';

/** The part of Electron's safeStorage this uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only: 'basic_text', 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6' or 'unknown'. */
  getSelectedStorageBackend?(): string;
  encryptString(text: string): Buffer;
  decryptString(data: Buffer): string;
}

/** Linux backends that do not protect the key (basic_text: a hard-coded password). */
const WEAK_BACKENDS = new Set(['basic_text', 'unknown']);

/** safeStorage as a cipher, or undefined when it would not protect the token. */
export function credentialCipher(
  storage: SafeStorageLike = safeStorage,
  platform: NodeJS.Platform = process.platform,
): CredentialCipher | undefined {
  if (!storage.isEncryptionAvailable()) return undefined;
  if (platform === 'linux') {
    const backend = storage.getSelectedStorageBackend?.() ?? 'unknown';
    if (WEAK_BACKENDS.has(backend)) return undefined;
  }
  return {
    encrypt: (text) => storage.encryptString(text),
    decrypt: (data) => storage.decryptString(data),
  };
}

/** The store the kiosk app uses, and whether it encrypts (for the start-up log line). */
export function kioskCredentialStore(
  env: NodeJS.ProcessEnv = process.env,
  storage: SafeStorageLike = safeStorage,
  platform: NodeJS.Platform = process.platform,
): { store: ErasableCredentialStore; encrypted: boolean } {
  const cipher = credentialCipher(storage, platform);
  return { store: fileCredentialStore(kioskDataDir(env, platform), cipher), encrypted: cipher !== undefined };
}
