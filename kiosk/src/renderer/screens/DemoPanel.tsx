/**
 * Demo mode only: a small 演示 / Demo tab in the top bar (App puts it there, so it is on every
 * screen and never over a screen's buttons) that opens a panel of buttons placing a sample card on
 * the simulated reader, or taking it away. The panel lies over the screen below the top bar, sized
 * to the window, and closes after a choice (or on the tab again, or Escape).
 */
import { useEffect, useState } from 'react';
import type { CardType, Locale } from '@rvw/shared';
import type { MessageKey } from '../i18n';
import './demo-panel.css';

/** The panel's words, the language (for the tab), and what a button press asks for (a card type, or null to remove the card). */
export interface DemoPanelProps {
  tr: (key: MessageKey) => string;
  locale: Locale;
  onCard: (cardType: CardType | null) => void;
}

const DEMO_CARDS: Array<{ type: CardType; key: MessageKey }> = [
  { type: 'resident', key: 'demo.resident' },
  { type: 'hk-macao-taiwan', key: 'demo.hkMacaoTaiwan' },
  { type: 'foreign-permanent', key: 'demo.foreignPermanent' },
  { type: 'foreign-permanent-2023', key: 'demo.foreignPermanent2023' },
];

// The tab's one word: for the person running the demo, never shown to residents of a real kiosk.
const TAB_LABEL: Record<Locale, string> = { 'zh-CN': '演示', en: 'Demo' };

/**
 * The tab (test id `demo-tab`) and, when open, the panel (`demo-panel`): one button per sample card
 * type (`demo-card-<type>`), and `demo-card-remove`.
 */
export function DemoPanel({ tr, locale, onCard }: DemoPanelProps) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  // Closing first: the screen the card leads to must not stay hidden under the panel.
  const choose = (cardType: CardType | null) => {
    setOpen(false);
    onCard(cardType);
  };
  return (
    <div className="demo">
      <button
        type="button"
        className="btn-corner demo-tab"
        data-testid="demo-tab"
        aria-expanded={open}
        aria-controls="demo-panel"
        aria-label={tr('demo.title')}
        onClick={() => setOpen((was) => !was)}
      >
        {TAB_LABEL[locale]}
      </button>
      {open && (
        <div
          id="demo-panel"
          className="demo-sheet"
          role="group"
          aria-label={tr('demo.title')}
          data-testid="demo-panel"
        >
          <p className="demo-title">{tr('demo.title')}</p>
          <div className="demo-buttons">
            {DEMO_CARDS.map(({ type, key }) => (
              <button
                key={type}
                type="button"
                className="btn btn-demo"
                data-testid={`demo-card-${type}`}
                onClick={() => choose(type)}
              >
                {tr(key)}
              </button>
            ))}
            <button
              type="button"
              className="btn btn-demo"
              data-testid="demo-card-remove"
              onClick={() => choose(null)}
            >
              {tr('demo.remove')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
