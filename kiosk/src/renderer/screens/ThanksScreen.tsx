/**
 * Thank-you at the end of a session. A resident who came with a card is reminded to take it (while
 * it is on the reader) and told its data is wiped; one who came without is told neither.
 */
import type { MessageKey } from '../i18n';

/** The words, what the visit had, readiness, and the "done" tap (the flow's thanks timer also goes home). */
export interface ThanksScreenProps {
  /** This visit began with a card (its data was on this kiosk). */
  hadCard: boolean;
  /** A card still lies on the reader. */
  cardOnReader: boolean;
  ready: boolean;
  tr: (key: MessageKey) => string;
  onDone: () => void;
}

/** Thanks; the done button sits in the start half, away from welcome's call button in the end half. */
export function ThanksScreen({ hadCard, cardOnReader, ready, tr, onDone }: ThanksScreenProps) {
  return (
    <section className="screen screen-thanks" data-testid="screen-thanks">
      <h1 className="headline">{tr('thanks.title')}</h1>
      {hadCard && cardOnReader && (
        <p className="lead strong" data-testid="take-card">
          {tr('thanks.takeCard')}
        </p>
      )}
      {hadCard && <p className="hint">{tr('thanks.wiped')}</p>}
      <div className="actions actions-start">
        <button
          type="button"
          className="btn btn-primary btn-huge"
          data-testid="thanks-done"
          data-main-action
          disabled={!ready}
          onClick={onDone}
        >
          {tr('thanks.done')}
        </button>
      </div>
    </section>
  );
}
