/** Consent: may the agent know the resident's name and ID number? Both answers lead to a call. */
import type { MessageKey } from '../i18n';

/** The words, readiness, and the resident's answer (true: share name and ID number with the agent). */
export interface ConsentScreenProps {
  /** False until the question has been on screen long enough and its speech has started. */
  ready: boolean;
  tr: (key: MessageKey) => string;
  onAnswer: (agree: boolean) => void;
}

/**
 * One plain question with "yes" as the large button; either answer goes on to a ticket. The answers
 * sit in the end half, away from the greeting's "this is me" in the start half.
 */
export function ConsentScreen({ ready, tr, onAnswer }: ConsentScreenProps) {
  return (
    <section className="screen screen-consent" data-testid="screen-consent" aria-busy={!ready}>
      <h1 className="headline">{tr('consent.title')}</h1>
      <p className="lead">{tr('consent.question')}</p>
      <p className="hint">{tr('consent.note')}</p>
      <div className="actions actions-end">
        <button
          type="button"
          className="btn btn-primary btn-huge"
          data-testid="consent-yes"
          data-main-action
          disabled={!ready}
          onClick={() => onAnswer(true)}
        >
          {tr('consent.yes')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="consent-no"
          data-main-action
          disabled={!ready}
          onClick={() => onAnswer(false)}
        >
          {tr('consent.no')}
        </button>
      </div>
    </section>
  );
}
