/**
 * Kiosk problems on a queue row (issue 12 #4): the agent sees before accepting that the kiosk's
 * printer is out of paper (amber) or that it cannot hold a video call (red), in words in both
 * languages, red first, the device's detail on hover; a well kiosk's row shows nothing.
 */
import { describe, expect, it } from 'vitest';
import type { QueueEntry } from '@rvw/shared';
import { QueueView } from './QueueView';
import { OfferPrompt } from '../offers/OfferPrompt';
import { offerOf, queueEntry } from './test-entries';
import { all, html, one } from './test-render';

function view(entries: QueueEntry[], locale: 'zh-CN' | 'en' = 'zh-CN') {
  return html(
    <QueueView
      entries={entries}
      offsetMs={0}
      accepting={null}
      connected
      onAccept={() => undefined}
      onAcceptNext={() => undefined}
      ownCentreId="xuhui-tianlin"
      modeOf={() => 'pull'}
    />,
    locale,
  );
}

const sick = queueEntry('A001', {
  kioskProblems: [
    { code: 'printer-out-of-paper', level: 'amber', detail: 'media-empty-error' },
    { code: 'cannot-call', level: 'red', detail: 'NotFoundError' },
  ],
});

describe('kiosk problems on a queue row', () => {
  it('shows each problem as a chip with its words and level, red first, detail on hover', () => {
    const markup = view([sick, queueEntry('A002')]);
    const chips = all(markup, 'kiosk-problem');
    expect(chips.map((c) => c.attr('data-level'))).toEqual(['red', 'amber']);
    expect(chips.map((c) => c.text)).toEqual(['✖ 无法进行视频通话', '▲ 打印机缺纸']);
    expect(chips[1]!.attr('title')).toBe('media-empty-error');
    // Only the sick kiosk's row carries chips.
    expect(all(markup, 'kiosk-problems')).toHaveLength(1);
  });

  it('says them in English', () => {
    const chips = all(view([sick], 'en'), 'kiosk-problem');
    expect(chips.map((c) => c.text)).toEqual(['✖ Cannot hold a video call', '▲ Printer out of paper']);
  });

  it('shows nothing for a kiosk without problems (absent or empty)', () => {
    const markup = view([queueEntry('A003', { kioskProblems: [] }), queueEntry('A004')]);
    expect(one(markup, 'kiosk-problems')).toBeNull();
  });
});

describe('kiosk problems on an offer', () => {
  it('shows them in the offer prompt too (offer-mode agents accept there)', () => {
    const markup = html(
      <OfferPrompt
        offers={{ held: { offer: offerOf(sick, new Date().toISOString()), offsetMs: 0 }, busy: null }}
        ownCentreId="xuhui-tianlin"
        connected
        onAccept={() => undefined}
        onDecline={() => undefined}
      />,
    );
    expect(all(markup, 'kiosk-problem').map((c) => c.attr('data-code'))).toEqual([
      'cannot-call',
      'printer-out-of-paper',
    ]);
  });
});
