/** The offer's sound: the console's alert when an offer arrives, again every few seconds while it waits. */
import { useEffect } from 'react';
import { playAlertSound } from '../ui/alert-sound';

/** How often the prompt rings again while it waits (5 s: three rings in the default 15 s). */
export const OFFER_RING_EVERY_MS = 5000;

/** Rings for the offer `offerId` while it is shown (null: nothing shown). */
export function useOfferRing(offerId: string | null): void {
  useEffect(() => {
    if (!offerId) return;
    playAlertSound();
    const timer = setInterval(playAlertSound, OFFER_RING_EVERY_MS);
    return () => clearInterval(timer);
  }, [offerId]);
}
