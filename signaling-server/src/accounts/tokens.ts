/** Bearer tokens: 32 random bytes, base64url; the database keeps only their SHA-256. */
import { createHash, randomBytes } from 'node:crypto';

/** A new secret token (43 characters, 256 bits). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The SHA-256 (hex) of a token, as stored and looked up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token of an `Authorization: Bearer <token>` header, or null when absent or malformed. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S{1,256})\s*$/i.exec(header);
  return m ? m[1]! : null;
}
