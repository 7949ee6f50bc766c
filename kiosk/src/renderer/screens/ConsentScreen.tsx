/** Consent: may the agent know the resident's name and ID number? Both answers lead to a call. */
import type { MessageKey } from '../i18n';

/** The words, and the resident's answer (true: share name and ID number with the agent). */
export interface ConsentScreenProps {
  tr: (key: MessageKey) => string;
  onAnswer: (agree: boolean) => void;
}

/** One plain question with "yes" as the large button; either answer goes on to a ticket. */
export function ConsentScreen({ tr, onAnswer }: ConsentScreenProps) {
  return (
    <section className="screen screen-consent">
      <h1 className="headline">{tr('consent.title')}</h1>
      <p className="lead">{tr('consent.question')}</p>
      <p className="hint">{tr('consent.note')}</p>
      <button
        type="button"
        className="btn btn-primary btn-huge"
        data-testid="consent-yes"
        onClick={() => onAnswer(true)}
      >
        {tr('consent.yes')}
      </button>
      <button
        type="button"
        className="btn btn-secondary"
        data-testid="consent-no"
        onClick={() => onAnswer(false)}
      >
        {tr('consent.no')}
      </button>
    </section>
  );
}
