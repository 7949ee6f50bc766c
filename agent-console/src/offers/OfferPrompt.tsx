/**
 * The offer prompt over the workbench (offer mode): who is calling (number, tags, need, where, the
 * masked identity), a countdown on the server's clock, Accept and "pass to the next agent". It
 * rings on arrival and every few seconds while it waits (use-offer-ring.ts).
 */
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { IdentityLine } from '../resident/IdentityLine';
import { NeedText, PlaceLine, TagChips } from '../queue/TicketBits';
import { KioskProblemChips } from '../queue/KioskProblemChips';
import { ReturnedNote } from '../queue/ReturnedNote';
import { useNow } from '../ui/use-now';
import { offerRemainingMs, offerTotalMs, type OfferSnapshot } from './offer-store';
import { useOfferRing } from './use-offer-ring';
import './offers.css';

/** Props of the prompt: the store's snapshot and the agent's two answers. */
export interface OfferPromptProps {
  offers: OfferSnapshot;
  ownCentreId: string;
  connected: boolean;
  onAccept(): void;
  onDecline(): void;
}

/** The prompt, or nothing without an offer. */
export function OfferPrompt({ offers, ownCentreId, connected, onAccept, onDecline }: OfferPromptProps) {
  const { t } = useI18n();
  const now = useNow(250);
  const held = offers.held;
  useOfferRing(held?.offer.offerId ?? null);
  const acceptRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (held) acceptRef.current?.focus();
  }, [held]);
  if (!held) return null;

  const { offer } = held;
  const { entry } = offer;
  const left = offerRemainingMs(held, now);
  const share = Math.min(1, left / offerTotalMs(offer));
  const seconds = Math.ceil(left / 1000);
  const busy = offers.busy;
  return (
    <div className="offer-backdrop">
      <section
        className="offer-prompt"
        data-testid="offer-prompt"
        data-offer-id={offer.offerId}
        data-ticket-number={entry.number}
        role="alertdialog"
        aria-modal="false"
        aria-labelledby="offer-heading"
        aria-describedby="offer-countdown"
      >
        <h2 id="offer-heading" className="offer-heading">
          {t('offer.heading')}
        </h2>
        <div className="offer-ticket">
          <span className="offer-number mono" aria-label={t('offer.number')}>
            {entry.number}
          </span>
          <TagChips tags={entry.tags} large />
        </div>
        <dl className="offer-facts">
          <dt>{t('offer.need')}</dt>
          <dd className="offer-need">
            <NeedText need={entry.need} />
          </dd>
          <dt>{t('offer.place')}</dt>
          <dd>
            <PlaceLine place={entry.place} ownCentreId={ownCentreId} testId="offer-place" compact />
            <KioskProblemChips problems={entry.kioskProblems} />
          </dd>
          <dt>{t('offer.resident')}</dt>
          <dd>
            <IdentityLine identity={entry.identity} intent={entry.identityIntent} />
          </dd>
        </dl>
        <ReturnedNote note={entry.returned} />
        <div
          className="offer-countdown"
          id="offer-countdown"
          data-testid="offer-countdown"
          data-seconds={seconds}
        >
          <div className="offer-bar" aria-hidden="true">
            <div
              className={`offer-bar-fill${seconds <= 5 ? ' offer-bar-low' : ''}`}
              style={{ width: `${share * 100}%` }}
            />
          </div>
          <span role="timer">{left > 0 ? t('offer.countdown', { seconds }) : t('offer.expired')}</span>
        </div>
        <div className="offer-actions">
          <button
            ref={acceptRef}
            type="button"
            className="btn btn-primary offer-accept"
            data-testid="offer-accept"
            disabled={!connected || busy !== null}
            aria-busy={busy === 'accepting'}
            onClick={onAccept}
          >
            {busy === 'accepting' ? t('offer.accepting') : t('offer.accept')}
          </button>
          <button
            type="button"
            className="btn btn-secondary offer-decline"
            data-testid="offer-decline"
            disabled={!connected || busy !== null}
            aria-busy={busy === 'declining'}
            onClick={onDecline}
          >
            {busy === 'declining' ? t('offer.declining') : t('offer.decline')}
          </button>
        </div>
      </section>
    </div>
  );
}
