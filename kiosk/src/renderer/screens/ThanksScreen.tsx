/** Thank-you at the end of a session; the card data is wiped and the resident reminded to take their card. */
import type { MessageKey } from '../i18n';

/** The words, and the "done" tap (the flow's thanks timer also goes home by itself). */
export interface ThanksScreenProps {
  tr: (key: MessageKey) => string;
  onDone: () => void;
}

/** Reminds the resident to take their card and says their data is wiped. */
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
