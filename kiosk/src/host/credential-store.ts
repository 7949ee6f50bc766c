/**
 * The kiosk's credential (issue 12 #1): the token the server gave at enrolment, kept where only the
 * kiosk's user can read it: a file of mode 0600 in the kiosk's data folder (created 0700), written
 * atomically (a temp file in the same folder, then a rename). The main process decides the cipher:
 * Electron's safeStorage where it is available (then the file holds only ciphertext), else none.
 *
 * Two files, so that a plain file written by `kiosk-doctor enrol` (no Electron there) is still read
 * by a kiosk app that encrypts: `kiosk-credential` (plain) and `kiosk-credential.enc` (ciphertext).
 * With a cipher, load reads the .enc file, else the plain one and moves it into the .enc file; save
 * writes the .enc file and removes the plain one. Without a cipher only the plain file is used.
 * Anything unreadable (corrupt, not decryptable, not a token) loads as null: "not enrolled".
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the kiosk keeps its token. */
export interface CredentialStore {
  load(): Promise<string | null>;
  save(token: string): Promise<void>;
}

/** Encrypts the token at rest (Electron's safeStorage in the main process). */
export interface CredentialCipher {
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
}

/** A store that can also forget its token (a revoked credential never works again). */
export interface ErasableCredentialStore extends CredentialStore {
  clear(): Promise<void>;
  /** The file that holds (or would hold) the token, for messages to the technician. */
  readonly path: string;
}

/** The plain file's name in the data folder (the .enc file adds ".enc"). */
export const CREDENTIAL_FILE = 'kiosk-credential';

/** A token as the server hands them out: printable, no white space, bounded. */
const TOKEN_SHAPE = /^[\x21-\x7e]{8,1000}$/;

/** The token, or null when `text` is not one. */
function asToken(text: string): string | null {
  const token = text.trim();
  return TOKEN_SHAPE.test(token) ? token : null;
}

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Writes `data` to `path` with mode 0600 through a temp file and a rename. */
async function writePrivate(dir: string, path: string, data: Buffer | string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${CREDENTIAL_FILE}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data, { mode: 0o600, flag: 'wx' });
    await chmod(tmp, 0o600); // explicit whatever the umask (a no-op on Windows)
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** The credential store in `dir` (the kiosk's data folder), encrypted with `cipher` when given. */
export function fileCredentialStore(dir: string, cipher?: CredentialCipher): ErasableCredentialStore {
  const plainPath = join(dir, CREDENTIAL_FILE);
  const encPath = `${plainPath}.enc`;

  async function loadPlain(): Promise<string | null> {
    const data = await readOrNull(plainPath).catch(() => null);
    return data ? asToken(data.toString('utf8')) : null;
  }

  async function save(token: string): Promise<void> {
    const clean = asToken(token);
    if (clean === null) throw new Error('not a kiosk token');
    if (cipher) {
      await writePrivate(dir, encPath, cipher.encrypt(clean));
      await rm(plainPath, { force: true });
    } else {
      await writePrivate(dir, plainPath, clean + '\n');
    }
  }

  return {
    path: cipher ? encPath : plainPath,
    async load() {
      if (!cipher) return loadPlain();
      const data = await readOrNull(encPath).catch(() => null);
      if (data) {
        try {
          return asToken(cipher.decrypt(data));
        } catch {
          return null;
        }
      }
      // Written by kiosk-doctor enrol (no cipher there): encrypt it now, best effort.
      const plain = await loadPlain();
      if (plain !== null) await save(plain).catch(() => undefined);
      return plain;
    },
    save,
    async clear() {
      await rm(encPath, { force: true });
      await rm(plainPath, { force: true });
    },
  };
}
