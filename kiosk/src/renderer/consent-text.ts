/**
 * The consent texts the resident is shown, as the consent ledger records them (issue 9 part 10):
 * built from the same i18n sentences the screens show, so what is recorded is what was on screen.
 */
import type { Locale } from '@rvw/shared';
import { t } from './i18n';
import type { MessageKey } from './i18n';

/** The consent screen's sentences, in the order it shows them. */
export const IDENTITY_CONSENT_KEYS = [
  'consent.title',
  'consent.question',
  'consent.note',
] as const satisfies readonly MessageKey[];

/** The text of the consent screen, in `locale`: what sharing the identity was agreed to under. */
export function identityConsentText(locale: Locale): string {
  return IDENTITY_CONSENT_KEYS.map((key) => t(locale, key)).join('\n');
}

/** The confirm screen's sentences: what confirming the form was agreed to under. */
export const CONFIRM_CONSENT_KEYS = [
  'review.title',
  'review.question',
  'review.confirm',
] as const satisfies readonly MessageKey[];

/** The text of the confirm screen's last page, in `locale`. */
export function confirmConsentText(locale: Locale): string {
  return CONFIRM_CONSENT_KEYS.map((key) => t(locale, key)).join('\n');
}

/** The signature screen's sentences: what signing was agreed to under. */
export const SIGN_CONSENT_KEYS = [
  'sign.title',
  'sign.hint',
  'sign.submit',
] as const satisfies readonly MessageKey[];

/** The text of the signature screen, in `locale`. */
export function signConsentText(locale: Locale): string {
  return SIGN_CONSENT_KEYS.map((key) => t(locale, key)).join('\n');
}
