import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CREDENTIAL_FILE, fileCredentialStore, type CredentialCipher } from './credential-store';

const TOKEN = 'kt_3f9a0c1d2e4b5a6978812345abcdef';
const posix = process.platform !== 'win32';

/** A reversible stand-in for safeStorage that counts its calls and marks its output. */
function fakeCipher() {
  const calls = { encrypt: 0, decrypt: 0 };
  const cipher: CredentialCipher = {
    encrypt(text) {
      calls.encrypt++;
      return Buffer.from('ENC:' + Buffer.from(text).reverse().toString('base64'));
    },
    decrypt(data) {
      calls.decrypt++;
      const s = data.toString();
      if (!s.startsWith('ENC:')) throw new Error('not ciphertext');
      return Buffer.from(s.slice(4), 'base64').reverse().toString();
    },
  };
  return { cipher, calls };
}

let root: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'rvw-cred-'));
  dir = join(root, 'data', 'rvw-kiosk'); // does not exist yet
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('fileCredentialStore', () => {
  it('answers null when nothing is stored', async () => {
    expect(await fileCredentialStore(dir).load()).toBeNull();
  });

  it('round-trips the token in a 0600 file inside a 0700 folder it creates', async () => {
    const store = fileCredentialStore(dir);
    await store.save(TOKEN);
    expect(await store.load()).toBe(TOKEN);
    expect(await fileCredentialStore(dir).load()).toBe(TOKEN);
    if (posix) {
      expect((await stat(join(dir, CREDENTIAL_FILE))).mode & 0o777).toBe(0o600);
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
    }
    // Atomic: no temp file is left behind.
    expect(await readdir(dir)).toEqual([CREDENTIAL_FILE]);
  });

  it('replaces an earlier token (rotation)', async () => {
    const store = fileCredentialStore(dir);
    await store.save(TOKEN);
    await store.save('kt_second_token_0123456789');
    expect(await store.load()).toBe('kt_second_token_0123456789');
  });

  it('with a cipher the file holds only ciphertext, and the cipher is used both ways', async () => {
    const { cipher, calls } = fakeCipher();
    const store = fileCredentialStore(dir, cipher);
    await store.save(TOKEN);
    expect(calls.encrypt).toBe(1);
    expect(await readdir(dir)).toEqual([`${CREDENTIAL_FILE}.enc`]);
    const raw = await readFile(join(dir, `${CREDENTIAL_FILE}.enc`), 'utf8');
    expect(raw.startsWith('ENC:')).toBe(true);
    expect(raw).not.toContain(TOKEN);
    if (posix) expect((await stat(join(dir, `${CREDENTIAL_FILE}.enc`))).mode & 0o777).toBe(0o600);
    expect(await store.load()).toBe(TOKEN);
    expect(calls.decrypt).toBe(1);
  });

  it('with a cipher, moves a plain file written by kiosk-doctor into the encrypted one', async () => {
    await fileCredentialStore(dir).save(TOKEN);
    const { cipher, calls } = fakeCipher();
    expect(await fileCredentialStore(dir, cipher).load()).toBe(TOKEN);
    expect(calls.encrypt).toBe(1);
    expect(await readdir(dir)).toEqual([`${CREDENTIAL_FILE}.enc`]);
    expect(await fileCredentialStore(dir, cipher).load()).toBe(TOKEN);
  });

  it('a corrupt file loads as null without throwing', async () => {
    await fileCredentialStore(dir).save(TOKEN);
    await writeFile(join(dir, CREDENTIAL_FILE), Buffer.from([0, 1, 2, 0xff, 0xfe]));
    expect(await fileCredentialStore(dir).load()).toBeNull();
    await writeFile(join(dir, CREDENTIAL_FILE), '');
    expect(await fileCredentialStore(dir).load()).toBeNull();
  });

  it('ciphertext that does not decrypt loads as null without throwing', async () => {
    const { cipher } = fakeCipher();
    await fileCredentialStore(dir, cipher).save(TOKEN);
    await writeFile(join(dir, `${CREDENTIAL_FILE}.enc`), 'garbage');
    expect(await fileCredentialStore(dir, cipher).load()).toBeNull();
  });

  it('refuses to save something that is not a token, and clear forgets it', async () => {
    const store = fileCredentialStore(dir);
    await expect(store.save('has white space in it')).rejects.toThrow();
    await store.save(TOKEN);
    await store.clear();
    expect(await store.load()).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });
});
