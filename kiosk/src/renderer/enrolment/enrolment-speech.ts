/**
 * What the enrolment gate's screens say aloud: only sentences they show (the same i18n keys), so
 * speech and screen agree (enrolment-views.test.tsx checks it).
 */
import type { Locale } from '@rvw/shared';
import { t } from '../i18n';
import type { MessageKey } from '../i18n';
import { asSentences } from '../speech-text';
import type { EnrolError, EnrolmentView } from './enrolment-model';

/** The sentence for a redemption's failure. */
export function enrolErrorKey(error: EnrolError): MessageKey {
  return `enrol.error.${error}`;
}

/** The sentences read aloud for the gate's screen, in order; each is shown on it. */
export function gateSpokenParts(view: EnrolmentView, locale: Locale): string[] {
  const tr = (key: MessageKey, params?: Record<string, string>) => t(locale, key, params);
  switch (view.screen) {
    case 'enrol':
      if (view.sending) return [tr('enrol.sending')];
      if (view.error) return [tr(enrolErrorKey(view.error))];
      return [tr('enrol.title'), tr('enrol.hint')];
    case 're-enrol':
      return [tr('reEnrol.title'), tr('reEnrol.hint')];
    case 'enrolled':
      return view.kiosk
        ? [tr('enrol.done'), tr('enrol.doneWhere', { name: view.kiosk.name, location: view.kiosk.location })]
        : [tr('enrol.done')];
    case null:
      return [];
  }
}

/** The gate's spoken text and the key that changes when it must be spoken again. */
export function gateSpeech(view: EnrolmentView, locale: Locale): { key: string; text: string } {
  const text = asSentences(gateSpokenParts(view, locale), locale);
  return { key: `gate|${view.screen}|${locale}|${text}`, text };
}
