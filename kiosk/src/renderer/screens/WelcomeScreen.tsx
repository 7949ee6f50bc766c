/** Welcome: place the ID card, or call without one; when the reader is down, calling is the main action. */
import type { CardType } from '@rvw/shared';
import type { MessageKey } from '../i18n';
import { ReaderIllustration } from './ReaderIllustration';

/** Props of the welcome screen. */
export interface WelcomeScreenProps {
  readerUsable: boolean;
  demo: boolean;
  tr: (key: MessageKey) => string;
  onCall: () => void;
  onDemoCard: (cardType: CardType | null) => void;
}

const DEMO_CARDS: Array<{ type: CardType; key: MessageKey }> = [
  { type: 'resident', key: 'demo.resident' },
  { type: 'hk-macao-taiwan', key: 'demo.hkMacaoTaiwan' },
  { type: 'foreign-permanent', key: 'demo.foreignPermanent' },
  { type: 'foreign-permanent-2023', key: 'demo.foreignPermanent2023' },
];

export function WelcomeScreen({ readerUsable, demo, tr, onCall, onDemoCard }: WelcomeScreenProps) {
  return (
    <section className="screen screen-welcome" data-testid="screen-welcome">
      {readerUsable ? (
        <>
          <h1 className="headline" data-testid="place-card-prompt">
            {tr('welcome.placeCard')}
          </h1>
          <ReaderIllustration />
          <p className="hint">{tr('welcome.placeCardHint')}</p>
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="call-without-card"
            onClick={onCall}
          >
            {tr('welcome.callWithoutCard')}
          </button>
        </>
      ) : (
        <>
          <h1 className="headline" data-testid="reader-offline">
            {tr('welcome.readerOffline')}
          </h1>
          <p className="lead">{tr('welcome.readerOfflineHint')}</p>
          <button
            type="button"
            className="btn btn-primary btn-huge"
            data-testid="call-agent"
            onClick={onCall}
          >
            {tr('welcome.callAgent')}
          </button>
        </>
      )}
      {demo && (
        <aside className="demo-panel" aria-label={tr('demo.title')}>
          <h2 className="demo-title">{tr('demo.title')}</h2>
          <div className="demo-buttons">
            {DEMO_CARDS.map(({ type, key }) => (
              <button
                key={type}
                type="button"
                className="btn btn-demo"
                data-testid={`demo-card-${type}`}
                onClick={() => onDemoCard(type)}
              >
                {tr(key)}
              </button>
            ))}
            <button
              type="button"
              className="btn btn-demo"
              data-testid="demo-card-remove"
              onClick={() => onDemoCard(null)}
            >
              {tr('demo.remove')}
            </button>
          </div>
        </aside>
      )}
    </section>
  );
}
