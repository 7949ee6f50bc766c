/** Greeting on a card: 李女士，您好, the masked number, and "is this you?". */
import type { CardSummary } from '@rvw/shared';
import type { MessageKey } from '../i18n';

/** The card (only its masked number is shown), the greeting line, and the two taps. */
export interface GreetingScreenProps {
  card: CardSummary;
  greeting: string;
  tr: (key: MessageKey) => string;
  onConfirm: () => void;
  onNotMe: () => void;
}

/** Greets the resident by name and asks them to confirm the card is theirs. */
export function GreetingScreen({ card, greeting, tr, onConfirm, onNotMe }: GreetingScreenProps) {
  return (
    <section className="screen screen-greeting">
      <h1 className="headline" data-testid="greeting">
        {greeting}
      </h1>
      <div className="id-box">
        <span className="id-label">{tr('greeting.idLabel')}</span>
        <span className="id-number" data-testid="masked-id">
          {card.idNumberMasked}
        </span>
      </div>
      <p className="lead">{tr('greeting.confirm')}</p>
      <button
        type="button"
        className="btn btn-primary btn-huge"
        data-testid="confirm-identity"
        onClick={onConfirm}
      >
        {tr('greeting.yes')}
      </button>
      <button type="button" className="btn btn-secondary" data-testid="not-me" onClick={onNotMe}>
        {tr('greeting.no')}
      </button>
    </section>
  );
}
