/**
 * Decodes the 256-byte text block of the four GA 467 card layouts into an IdCard. Pure functions;
 * the photo is never passed in. Field offsets are in bytes, UCS-2 little-endian, space-padded.
 */
import type { CardType, Gender } from '@rvw/shared';
import { isValidIdNumber } from '@rvw/shared';
import { IdCardError } from './errors';
import { nationName } from './nations';
import type { IdCard } from './types';

/** Bytes of the card's text block (UCS-2 fields, card type at the end). */
export const TEXT_BLOCK_LENGTH = 256;
/** Size of the appended-address block (command 30 03). */
export const APPENDED_ADDRESS_LENGTH = 70;
/** Byte offset of the card-type character. */
export const CARD_TYPE_OFFSET = 248;
/** What 长期 (no expiry) becomes in `validTo`. */
export const LONG_TERM = 'long-term';

/** Card-type character at offset 248 -> card type (' ' resident, J, I, Y). */
export const CARD_TYPE_BY_CHAR: Readonly<Record<string, CardType>> = {
  ' ': 'resident',
  J: 'hk-macao-taiwan',
  I: 'foreign-permanent',
  Y: 'foreign-permanent-2023',
};

/** GB 11643 gender code -> gender; codes outside 0/1/2/9 read as 'unknown'. */
export function decodeGender(code: string): Gender {
  switch (code) {
    case '1':
      return 'male';
    case '2':
      return 'female';
    case '9':
      return 'unspecified';
    default:
      return 'unknown';
  }
}

/** Raw UCS-2 LE characters of a field, untrimmed. */
export function rawField(text: Uint8Array, offset: number, length: number): string {
  return Buffer.from(text.buffer, text.byteOffset + offset, length).toString('utf16le');
}

/** A field with its padding (spaces, NULs) trimmed from both ends. */
export function field(text: Uint8Array, offset: number, length: number): string {
  return trimPadding(rawField(text, offset, length));
}

/** Trims spaces (incl. U+3000) and NULs: readers pad fields with either. */
function trimPadding(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isPadding(s.charCodeAt(start))) start++;
  while (end > start && isPadding(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

function isPadding(c: number): boolean {
  return c === 0 || c === 0x20 || c === 0x3000 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** YYYYMMDD -> YYYY-MM-DD; throws IDCARD_BAD_CARD_DATA naming the field (never its value). */
export function decodeDate(value: string, fieldName: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) throw IdCardError.badCardData(fieldName);
  const [, y, mo, d] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) throw IdCardError.badCardData(fieldName);
  return `${y}-${mo}-${d}`;
}

/** A valid-to value: a date, or 长期 -> 'long-term'. */
export function decodeValidTo(value: string): string {
  return value === '长期' ? LONG_TERM : decodeDate(value, 'validTo');
}

/** A small counter field; blank -> undefined (some cards leave it empty). */
function decodeCount(value: string, fieldName: string): number | undefined {
  if (value === '') return undefined;
  if (!/^\d+$/.test(value)) throw IdCardError.badCardData(fieldName);
  return Number(value);
}

/** Copies the entries of `extra` whose value is defined, so absent fields stay absent. */
function withDefined(card: IdCard, extra: Partial<IdCard>): IdCard {
  for (const [k, v] of Object.entries(extra)) {
    if (v !== undefined && v !== '') (card as unknown as Record<string, unknown>)[k] = v;
  }
  return card;
}

/** The card type of a text block, from the character at offset 248. */
export function cardTypeOf(text: Uint8Array): CardType {
  const c = rawField(text, CARD_TYPE_OFFSET, 2);
  // Some older readers pad the tail of a resident card with NULs instead of spaces.
  const type = CARD_TYPE_BY_CHAR[c === '\u0000' ? ' ' : c];
  if (!type) throw IdCardError.fromStatus(0x40);
  return type;
}

/** Decodes a 256-byte text block (any of the four layouts) into an IdCard. */
export function decodeCardText(text: Uint8Array): IdCard {
  if (text.length < TEXT_BLOCK_LENGTH) throw IdCardError.badCardData('text block length');
  const cardType = cardTypeOf(text);
  switch (cardType) {
    case 'resident':
    case 'hk-macao-taiwan':
      return decodeResidentLayout(text, cardType);
    case 'foreign-permanent':
      return decodeForeignOld(text);
    case 'foreign-permanent-2023':
      return decodeForeign2023(text);
  }
}

function decodeResidentLayout(text: Uint8Array, cardType: 'resident' | 'hk-macao-taiwan'): IdCard {
  const idNumber = field(text, 122, 36);
  const card: IdCard = {
    cardType,
    name: field(text, 0, 30),
    gender: decodeGender(field(text, 30, 2)),
    birthDate: decodeDate(field(text, 36, 16), 'birthDate'),
    address: field(text, 52, 70),
    idNumber,
    idNumberValid: isValidIdNumber(idNumber),
    issuer: field(text, 158, 30),
    validFrom: decodeDate(field(text, 188, 16), 'validFrom'),
    validTo: decodeValidTo(field(text, 204, 16)),
  };
  if (cardType === 'resident') return withDefined(card, { nation: nationName(field(text, 32, 4)) });
  return withDefined(card, {
    passNumber: field(text, 220, 18),
    issueCount: decodeCount(field(text, 238, 4), 'issueCount'),
  });
}

function decodeForeignOld(text: Uint8Array): IdCard {
  const idNumber = field(text, 122, 30);
  const card: IdCard = {
    cardType: 'foreign-permanent',
    name: field(text, 158, 30),
    gender: decodeGender(field(text, 120, 2)),
    birthDate: decodeDate(field(text, 220, 16), 'birthDate'),
    idNumber,
    idNumberValid: isValidIdNumber(idNumber),
    validFrom: decodeDate(field(text, 188, 16), 'validFrom'),
    validTo: decodeValidTo(field(text, 204, 16)),
  };
  return withDefined(card, {
    englishName: field(text, 0, 120),
    nationality: field(text, 152, 6),
    cardVersion: field(text, 236, 4),
    issuerCode: field(text, 240, 8),
  });
}

function decodeForeign2023(text: Uint8Array): IdCard {
  const idNumber = field(text, 122, 36);
  // The English name is split over two fields and may break at a space: join raw, then trim.
  const englishName = trimPadding(rawField(text, 52, 70) + rawField(text, 220, 22));
  const card: IdCard = {
    cardType: 'foreign-permanent-2023',
    name: field(text, 0, 30),
    gender: decodeGender(field(text, 30, 2)),
    birthDate: decodeDate(field(text, 36, 16), 'birthDate'),
    idNumber,
    idNumberValid: isValidIdNumber(idNumber),
    validFrom: decodeDate(field(text, 188, 16), 'validFrom'),
    validTo: decodeValidTo(field(text, 204, 16)),
  };
  return withDefined(card, {
    englishName,
    renewalCount: decodeCount(field(text, 32, 4), 'renewalCount'),
    nationality: field(text, 242, 6),
  });
}

/** Decodes the 70-byte appended-address block; empty (all padding) -> undefined. */
export function decodeAppendedAddress(block: Uint8Array): string | undefined {
  const s = field(block, 0, Math.min(block.length, APPENDED_ADDRESS_LENGTH) & ~1);
  return s.length > 0 ? s : undefined;
}
