/** The offer prompt: the ticket's number, tags, need, place and the countdown, Accept and pass on. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { offerOf, place, queueEntry } from '../queue/test-entries';
import { all, html, one } from '../queue/test-render';
import { OfferPrompt } from './OfferPrompt';
import type { OfferSnapshot } from './offer-store';

const entry = queueEntry('A015', {
  tags: ['appointment'],
  need: 'disability',
  place: place({ kioskKind: 'portable', kioskName: '田林 上门办 2' }),
});

function view(offers: OfferSnapshot) {
  return html(
    <OfferPrompt
      offers={offers}
      ownCentreId="xuhui-tianlin"
      connected
      onAccept={() => undefined}
      onDecline={() => undefined}
    />,
  );
}

const NOW = Date.parse('2026-11-22T01:00:00.000Z');
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('the offer prompt', () => {
  it('shows nothing without an offer', () => {
    expect(one(view({ held: null, busy: null }), 'offer-prompt')).toBeNull();
  });

  it('shows who is calling, from where, and the seconds left on the server’s clock', () => {
    const offeredAt = new Date(NOW).toISOString();
    // The server is 5 s ahead of this machine: 10 of the 15 s are left.
    const markup = view({ held: { offer: offerOf(entry, offeredAt, 15), offsetMs: 5000 }, busy: null });
    const prompt = one(markup, 'offer-prompt')!;
    expect(prompt.attr('data-ticket-number')).toBe('A015');
    expect(prompt.text).toContain('残疾人服务');
    expect(all(markup, 'queue-tag').map((c) => c.text)).toEqual(['预约']);
    expect(one(markup, 'offer-place')!.text).toContain('上门办');
    expect(one(markup, 'offer-countdown')!.attr('data-seconds')).toBe('10');
    expect(one(markup, 'offer-countdown')!.text).toContain('10 秒后转给下一位工作人员');
    expect(one(markup, 'offer-accept')!.text).toBe('接听');
    expect(one(markup, 'offer-decline')!.text).toBe('转给下一位');
  });

  it('locks both answers while one is on its way', () => {
    const markup = view({
      held: { offer: offerOf(entry, new Date(NOW).toISOString()), offsetMs: 0 },
      busy: 'accepting',
    });
    expect(one(markup, 'offer-accept')!.text).toBe('正在接听…');
    expect(one(markup, 'offer-accept')!.tag).toContain('disabled');
    expect(one(markup, 'offer-decline')!.tag).toContain('disabled');
  });
});
