/**
 * Encryption of full identity numbers at rest (AES-256-GCM), so that only ciphertext is ever
 * written to the database, its WAL or a backup. The key comes from RVW_IDENTITY_KEY (32 bytes,
 * base64 or hex) or from `identity.key` in the data folder, generated on first start with mode
 * 0600. Losing the key loses the numbers still held (never those already purged: they are gone).
 * Reusable by any area that stores a number (cases, a later issue).
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../errors';

const PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The key file's name inside the data folder. */
export const identityKeyFileName = 'identity.key';

/** Encrypts and decrypts identity numbers; `context` (e.g. the ticket id) binds a value to its row. */
export class IdentityCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('An identity key has 32 bytes.');
  }

  /** `v1:` + base64(iv | tag | ciphertext). A fresh random IV each time. */
  encrypt(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  /** The plain text of an `encrypt` result; throws if the key, the context or the value is wrong. */
  decrypt(stored: string, context: string): string {
    if (!IdentityCipher.isEncrypted(stored)) throw new Error('The value is not encrypted.');
    const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  }

  /**
   * A keyed hash of `plain` (HMAC-SHA-256, hex) for finding a row by a number without storing it:
   * its key is derived from the identity key by HKDF for `purpose`, so hashes of different purposes
   * never match and the identity key itself is never used for two jobs.
   */
  lookupHash(plain: string, purpose: string): string {
    const key = Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), `rvw lookup-hash ${purpose}`, 32));
    return createHmac('sha256', key).update(plain, 'utf8').digest('hex');
  }

  /** True for a value `encrypt` produced (anything else is a masked or legacy clear value). */
  static isEncrypted(stored: string): boolean {
    return stored.startsWith(PREFIX);
  }
}

function parseKey(text: string, source: string): Buffer {
  const s = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(s) ? Buffer.from(s, 'hex') : Buffer.from(s, 'base64');
  if (key.length !== 32) {
    throw ConfigError.invalid(`${source} must hold 32 bytes as base64 or 64 hex digits`);
  }
  return key;
}

/**
 * The identity key: `configured` (RVW_IDENTITY_KEY) if set, else the data folder's key file,
 * created with mode 0600 on first start. A ':memory:' store gets a key that lives as long as it.
 */
export function loadIdentityKey(dataDir: string, configured: string | null): Buffer {
  if (configured) return parseKey(configured, 'RVW_IDENTITY_KEY');
  if (dataDir === ':memory:') return randomBytes(32);
  const path = join(resolve(dataDir), identityKeyFileName);
  if (!existsSync(path)) {
    // 'wx': never overwrite a key another process wrote meanwhile.
    try {
      writeFileSync(path, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  chmodSync(path, 0o600);
  return parseKey(readFileSync(path, 'utf8'), `The identity key file ${path}`);
}
