/**
 * The case effects run as bridge calls (the controller's part for issue 9): the flag, the
 * confirmation and the signature with the consent text the screen showed, and the rating. Each
 * answer comes back to the flow as an event; a failure carries its code (CONFLICT when the form
 * moved on). The rating is sent once more after a failure, then left: the resident is not bothered.
 */
import { bridgeErrorCode } from '@rvw/shared';
import type { KioskBridge, Locale } from '@rvw/shared';
import { confirmConsentText, signConsentText } from '../consent-text';
import type { Effect, FlowEvent } from '../flow/machine';

/** The case effects. */
export type CaseEffectOf = Extract<
  Effect,
  { type: 'flag-field' | 'confirm-form' | 'sign-form' | 'submit-rating' }
>;

/** True for an effect this module runs. */
export function isCaseEffect(effect: Effect): effect is CaseEffectOf {
  return (
    effect.type === 'flag-field' ||
    effect.type === 'confirm-form' ||
    effect.type === 'sign-form' ||
    effect.type === 'submit-rating'
  );
}

/** Runs `effect` through `bridge`; `locale` is the language on screen; answers go to `send`. */
export async function runCaseEffect(
  bridge: KioskBridge,
  effect: CaseEffectOf,
  locale: Locale,
  send: (event: FlowEvent) => void,
): Promise<void> {
  switch (effect.type) {
    case 'flag-field': {
      const { caseId, field, revision } = effect;
      const ok = await bridge
        .invoke('form:flag', { caseId, field, revision })
        .then(() => true)
        .catch(() => false);
      send({ type: 'flag-result', caseId, field, ok });
      return;
    }
    case 'confirm-form': {
      const { caseId, revision, hash } = effect;
      const consentText = confirmConsentText(locale);
      try {
        await bridge.invoke('form:confirm', { caseId, revision, hash, consentText, locale });
        send({ type: 'confirm-result', ok: true });
      } catch (err) {
        send({ type: 'confirm-result', ok: false, code: bridgeErrorCode(err) });
      }
      return;
    }
    case 'sign-form': {
      const { caseId, revision, hash, strokes } = effect;
      const consentText = signConsentText(locale);
      try {
        await bridge.invoke('form:sign', { caseId, revision, hash, strokes, consentText, locale });
        send({ type: 'sign-result', ok: true });
      } catch (err) {
        send({ type: 'sign-result', ok: false, code: bridgeErrorCode(err) });
      }
      return;
    }
    case 'submit-rating': {
      const request = { sessionId: effect.sessionId, rating: effect.rating };
      await bridge
        .invoke('rating:submit', request)
        .catch(() => bridge.invoke('rating:submit', request))
        .catch(() => undefined);
      return;
    }
  }
}
