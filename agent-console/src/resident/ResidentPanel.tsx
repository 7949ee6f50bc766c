/**
 * Who the agent is serving: ticket, kiosk, masked identity, and the deliberate reveal of the full
 * number (recorded by the server), which hides itself again after 30 s.
 */
import { useEffect, useState } from 'react';
import type { IdentityIntent, IdentitySummary, Kiosk } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { useNow } from '../ui/use-now';
import { errorCodeOf } from '../lib/errors';
import { REVEAL_MS, revealSecondsLeft } from './reveal';
import { IdentityLine } from './IdentityLine';

/** Props of the resident panel. */
export interface ResidentPanelProps {
  ticketId: string;
  ticketNumber: string;
  kiosk: Kiosk;
  identity: IdentitySummary | null;
  /** Why there is no identity (declined, no card), when known. */
  identityIntent?: IdentityIntent;
  duration: string;
  /** Asks the server for the full number; rejects with a coded error. */
  onReveal(ticketId: string): Promise<string>;
}

type Reveal =
  | { state: 'hidden' }
  | { state: 'loading' }
  | { state: 'shown'; idNumber: string; untilMs: number }
  | { state: 'failed'; code: string };

/** The side panel of the call: ticket, kiosk, the resident's identity and the reveal. */
export function ResidentPanel(props: ResidentPanelProps) {
  const { ticketId, ticketNumber, kiosk, identity, identityIntent, duration, onReveal } = props;
  const { t, err } = useI18n();
  const now = useNow(1000);
  const [reveal, setReveal] = useState<Reveal>({ state: 'hidden' });

  const untilMs = reveal.state === 'shown' ? reveal.untilMs : null;
  useEffect(() => {
    if (untilMs === null) return;
    const timer = setTimeout(() => setReveal({ state: 'hidden' }), Math.max(0, untilMs - Date.now()));
    return () => clearTimeout(timer);
  }, [untilMs]);

  async function doReveal() {
    setReveal({ state: 'loading' });
    try {
      const idNumber = await onReveal(ticketId);
      setReveal({ state: 'shown', idNumber, untilMs: Date.now() + REVEAL_MS });
    } catch (e) {
      setReveal({ state: 'failed', code: errorCodeOf(e) });
    }
  }

  return (
    <aside className="resident-panel" aria-label={t('call.resident')}>
      <div className="rp-ticket">
        <span className="rp-label">{t('call.ticket')}</span>
        <span className="rp-ticket-number mono" data-testid="call-ticket-number">
          {ticketNumber}
        </span>
        <span className="rp-duration">
          {t('call.duration')} <span className="mono">{duration}</span>
        </span>
      </div>
      <dl className="rp-facts">
        <dt>{t('call.kiosk')}</dt>
        <dd data-testid="call-kiosk-name">{kiosk.name}</dd>
        <dt>{t('call.location')}</dt>
        <dd>{kiosk.location}</dd>
      </dl>
      <h2 className="rp-heading">{t('call.resident')}</h2>
      <div className="rp-identity">
        <IdentityLine identity={identity} intent={identityIntent} showCardType />
      </div>
      {identity && (
        <div className="rp-reveal">
          {reveal.state === 'shown' ? (
            <div className="revealed" role="status">
              <span className="revealed-id mono" data-testid="revealed-id">
                {reveal.idNumber}
              </span>
              <span className="muted">
                {t('call.revealedNote', { seconds: revealSecondsLeft(reveal.untilMs, now) })}
              </span>
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => setReveal({ state: 'hidden' })}
              >
                {t('call.hide')}
              </button>
            </div>
          ) : (
            <>
              <button
                type="button"
                className="btn btn-secondary"
                data-testid="reveal-id"
                disabled={reveal.state === 'loading'}
                onClick={doReveal}
              >
                {reveal.state === 'loading' ? t('call.revealing') : t('call.reveal')}
              </button>
              <p className="muted rp-note">{t('call.revealNote')}</p>
              {reveal.state === 'failed' && (
                <p className="rp-error" role="alert" data-testid="reveal-error">
                  {err(reveal.code)}
                </p>
              )}
            </>
          )}
        </div>
      )}
    </aside>
  );
}
