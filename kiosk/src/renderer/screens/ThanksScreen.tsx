/** Thank-you at the end of a session; the card data is wiped and the resident reminded to take their card. */
import type { MessageKey } from '../i18n';

/** Props of the thank-you screen. */
export interface ThanksScreenProps {
  tr: (key: MessageKey) => string;
  onDone: () => void;
}

export function ThanksScreen({ tr, onDone }: ThanksScreenProps) {
  return (
    <section className="screen screen-thanks" data-testid="screen-thanks">
      <h1 className="headline">{tr('thanks.title')}</h1>
      <p className="lead strong">{tr('thanks.takeCard')}</p>
      <p className="hint">{tr('thanks.wiped')}</p>
      <button type="button" className="btn btn-primary btn-huge" data-testid="thanks-done" onClick={onDone}>
        {tr('thanks.done')}
      </button>
    </section>
  );
}
