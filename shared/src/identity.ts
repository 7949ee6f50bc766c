import { z } from 'zod';

/** The four card layouts a GA 467 reader returns. */
export const CardType = z.enum([
  'resident',
  'hk-macao-taiwan',
  'foreign-permanent',
  'foreign-permanent-2023',
]);
export type CardType = z.infer<typeof CardType>;

/** GB 11643 gender codes: 0 unknown, 1 male, 2 female, 9 unspecified. */
export const Gender = z.enum(['male', 'female', 'unknown', 'unspecified']);
export type Gender = z.infer<typeof Gender>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/**
 * The identity a kiosk sends to the server after the resident consents. It is the minimum the
 * centre needs to serve the resident; the photo and card-specific extras never leave the kiosk.
 */
export const ResidentIdentity = z.object({
  cardType: CardType,
  name: z.string().min(1).max(120),
  englishName: z.string().max(120).optional(),
  gender: Gender,
  birthDate: isoDate,
  idNumber: z.string().min(6).max(36),
  idNumberValid: z.boolean(),
  nation: z.string().max(20).optional(),
  nationality: z.string().max(3).optional(),
  /** 住址 as printed on the card (resident and HK/Macao/Taiwan cards). Encrypted at rest, like the number. */
  address: z.string().max(200).optional(),
  /** 签发机关, the issuing authority. */
  issuer: z.string().max(120).optional(),
  /** First day of validity, YYYY-MM-DD. */
  validFrom: isoDate.optional(),
  /** Last day of validity, YYYY-MM-DD, or `long-term` (长期). */
  validTo: z.union([isoDate, z.literal('long-term')]).optional(),
});
export type ResidentIdentity = z.infer<typeof ResidentIdentity>;

/** What a screen may show without an explicit reveal: the number is masked. */
export const IdentitySummary = z.object({
  cardType: CardType,
  name: z.string(),
  gender: Gender,
  age: z.number().int().nonnegative(),
  idNumberMasked: z.string(),
});
export type IdentitySummary = z.infer<typeof IdentitySummary>;

/**
 * Masks an identity number for display: keeps the first 3 and the last 4 characters
 * (`310***********1234`). Shorter numbers keep only their last two characters.
 */
export function maskIdNumber(idNumber: string): string {
  const s = idNumber.trim();
  if (s.length <= 4) return '*'.repeat(s.length);
  if (s.length < 10) return '*'.repeat(s.length - 2) + s.slice(-2);
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643 (ISO 7064 MOD 11-2) check character for the first 17 digits, or null if they are not digits. */
export function idCheckDigit(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** True when an 18-character identity number carries a correct GB 11643 check digit. */
export function isValidIdNumber(idNumber: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(idNumber)) return false;
  return idCheckDigit(idNumber.slice(0, 17)) === idNumber[17]!.toUpperCase();
}

/** Whole years between an ISO birth date and `now` (default: today). */
export function ageOn(birthDate: string, now: Date = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = now.getFullYear() - y;
  const beforeBirthday = now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d);
  if (beforeBirthday) age -= 1;
  return Math.max(0, age);
}

/** Reduces a full identity to what screens may show. */
export function summarizeIdentity(identity: ResidentIdentity, now: Date = new Date()): IdentitySummary {
  return {
    cardType: identity.cardType,
    name: identity.name,
    gender: identity.gender,
    age: ageOn(identity.birthDate, now),
    idNumberMasked: maskIdNumber(identity.idNumber),
  };
}
