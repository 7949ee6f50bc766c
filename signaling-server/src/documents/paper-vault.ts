/**
 * Bytes at rest (archived PDFs, captured images): AES-256-GCM with the identity key, through the
 * same helper as the case records (identity/identity-crypto.ts), bound to the case and the item
 * (`<caseId>#document-<id>`, `<caseId>#material-<id>`) so that content cannot be moved to another
 * row unnoticed. The helper encrypts text: the bytes travel inside it as base64.
 */
import { createHash } from 'node:crypto';
import type { IdentityCipher } from '../identity/identity-crypto';

/** SHA-256 of bytes, lower-case hex. */
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Seals and opens the bytes of a case's documents and materials. */
export class PaperVault {
  constructor(private readonly cipher: IdentityCipher) {}

  /** The stored form of `bytes`, bound to the case and `label` (e.g. `document-<id>`). */
  seal(caseId: string, label: string, bytes: Uint8Array): string {
    return this.cipher.encrypt(Buffer.from(bytes).toString('base64'), `${caseId}#${label}`);
  }

  /** The bytes `seal` stored; throws if the key, the binding or the content is wrong. */
  open(caseId: string, label: string, stored: string): Buffer<ArrayBuffer> {
    return Buffer.from(this.cipher.decrypt(stored, `${caseId}#${label}`), 'base64');
  }

  /** Any small JSON bound to the case (the resident of a document source). */
  sealJson(caseId: string, label: string, value: unknown): string {
    return this.cipher.encrypt(JSON.stringify(value), `${caseId}#${label}`);
  }

  /** The JSON `sealJson` stored. */
  openJson<T>(caseId: string, label: string, stored: string): T {
    return JSON.parse(this.cipher.decrypt(stored, `${caseId}#${label}`)) as T;
  }
}
