/**
 * A fleet action's failure in words. KIOSK_OFFLINE's own sentence speaks of answering a resident;
 * here it means the kiosk must be connected for the action, which the fleet's words say.
 */
import type { I18n } from '../i18n/I18nContext';

/** The sentence for `code` after a fleet action (diagnostics, rotate, revoke). */
export function fleetError(code: string, t: I18n['t'], err: I18n['err']): string {
  return code === 'KIOSK_OFFLINE' ? t('fleet.error.offline') : err(code);
}
