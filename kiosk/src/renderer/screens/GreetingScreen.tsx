/** Greeting on a card: 李女士，您好, the masked number, and "is this you?". */
import type { CardSummary } from '@rvw/shared';
import type { MessageKey } from '../i18n';

/** The card (only its masked number is shown), the greeting line, and the two taps. */
export interface GreetingScreenProps {
  card: CardSummary;
  greeting: string;
  /** False while the screen is settling: its buttons take no tap yet. */
  ready: boolean;
  tr: (key: MessageKey) => string;
  onConfirm: () => void;
  onNotMe: () => void;
}

/**
 * Greets the resident by name and asks them to confirm the card is theirs. Its buttons sit in the
 * start half, consent's in the end half, so a double tap cannot answer consent.
 */
export function GreetingScreen({ card, greeting, ready, tr, onConfirm, onNotMe }: GreetingScreenProps) {
  return (
    <section className="screen screen-greeting" data-testid="screen-greeting">
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
      <div className="actions actions-start">
        <button
          type="button"
          className="btn btn-primary btn-huge"
          data-testid="confirm-identity"
          data-main-action
          disabled={!ready}
          onClick={onConfirm}
        >
          {tr('greeting.yes')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="not-me"
          disabled={!ready}
          onClick={onNotMe}
        >
          {tr('greeting.no')}
        </button>
      </div>
    </section>
  );
}
