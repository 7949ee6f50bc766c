/**
 * The first-run screen's form rules, pure: the code as typed shown grouped (K7QX-93RM-TD; small
 * letters, spaces and hyphens accepted), how much is typed, and whether the server address is one.
 */
import {
  ENROLMENT_CODE_ALPHABET,
  ENROLMENT_CODE_LENGTH,
  formatEnrolmentCode,
  normaliseEnrolmentCode,
} from '@rvw/shared';

/** What the code field shows and whether the code can be sent. */
export interface CodeField {
  /** The characters typed, capitals, grouped by four with hyphens. */
  shown: string;
  /** How many characters are typed (without spaces and hyphens). */
  count: number;
  /** The code to send (normalised); null until it is a whole code. */
  code: string | null;
  /** A typed character can never be in a code (0, 1, O, I, L and the like). */
  badChar: boolean;
}

/** The code field for what was typed (anything beyond the code's length is dropped). */
export function codeField(typed: string): CodeField {
  const chars = typed.toUpperCase().replace(/[\s-]/g, '').slice(0, ENROLMENT_CODE_LENGTH);
  return {
    shown: formatEnrolmentCode(chars),
    count: chars.length,
    code: normaliseEnrolmentCode(chars),
    badChar: [...chars].some((c) => !ENROLMENT_CODE_ALPHABET.includes(c)),
  };
}

/** True for an http(s) address the host can enrol with. */
export function serverUrlValid(url: string): boolean {
  try {
    const parsed = new URL(url.trim());
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}
