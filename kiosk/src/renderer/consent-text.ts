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
