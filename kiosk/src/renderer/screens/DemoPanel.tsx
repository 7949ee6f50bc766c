/**
 * Demo mode only: buttons that place a sample card on the simulated reader, or take it away. Shown
 * by App below the welcome screen's actions when the kiosk config says `demo`.
 */
import type { CardType } from '@rvw/shared';
import type { MessageKey } from '../i18n';

/** The panel's words and what a button press asks for (a card type, or null to remove the card). */
export interface DemoPanelProps {
  tr: (key: MessageKey) => string;
  onCard: (cardType: CardType | null) => void;
}

const DEMO_CARDS: Array<{ type: CardType; key: MessageKey }> = [
  { type: 'resident', key: 'demo.resident' },
  { type: 'hk-macao-taiwan', key: 'demo.hkMacaoTaiwan' },
  { type: 'foreign-permanent', key: 'demo.foreignPermanent' },
  { type: 'foreign-permanent-2023', key: 'demo.foreignPermanent2023' },
];

/** One button per sample card type (test id `demo-card-<type>`), and `demo-card-remove`. */
export function DemoPanel({ tr, onCard }: DemoPanelProps) {
  return (
    <aside className="demo-panel" aria-label={tr('demo.title')}>
      <h2 className="demo-title">{tr('demo.title')}</h2>
      <div className="demo-buttons">
        {DEMO_CARDS.map(({ type, key }) => (
          <button
            key={type}
            type="button"
            className="btn btn-demo"
            data-testid={`demo-card-${type}`}
            onClick={() => onCard(type)}
          >
            {tr(key)}
          </button>
        ))}
        <button
          type="button"
          className="btn btn-demo"
          data-testid="demo-card-remove"
          onClick={() => onCard(null)}
        >
          {tr('demo.remove')}
        </button>
      </div>
    </aside>
  );
}
