/**
 * A ticket back at the front after the system ended its call (issue 13 #1): its queue row and its
 * offer say plainly why the last call ended, whose it was and when (Shanghai's clock), in both
 * languages; any other ticket says nothing of the kind.
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

// 06:02 UTC is 14:02 in Shanghai.
const back = queueEntry('A001', {
  tags: ['requeued'],
  returned: { reason: 'kiosk-lost', agentName: '李敏', at: '2026-12-07T06:02:30.000Z' },
});

describe('the returned note', () => {
  it('on the queue row: why, whose call and when, in Chinese', () => {
    const notes = all(view([back, queueEntry('A002')]), 'returned-note');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.attr('data-reason')).toBe('kiosk-lost');
    expect(notes[0]!.text).toBe('↺ 上次通话因居民网络中断结束 · 李敏 14:02');
  });

  it('in English, for each reason', () => {
    const entries = (['kiosk-lost', 'agent-lost', 'media-lost'] as const).map((reason, i) =>
      queueEntry(`A00${i + 1}`, {
        returned: { reason, agentName: 'Li Min', at: '2026-12-07T06:02:30.000Z' },
      }),
    );
    expect(all(view(entries, 'en'), 'returned-note').map((n) => n.text)).toEqual([
      "↺ Last call ended: the resident's network dropped · Li Min 14:02",
      "↺ Last call ended: the agent's connection dropped · Li Min 14:02",
      '↺ Last call ended: the video could not be restored · Li Min 14:02',
    ]);
  });

  it('nothing for a ticket without one (absent or null)', () => {
    expect(
      one(view([queueEntry('A003'), queueEntry('A004', { returned: null })]), 'returned-note'),
    ).toBeNull();
  });

  it('on the offer too', () => {
    const markup = html(
      <OfferPrompt
        offers={{ held: { offer: offerOf(back, new Date().toISOString()), offsetMs: 0 }, busy: null }}
        ownCentreId="xuhui-tianlin"
        connected
        onAccept={() => undefined}
        onDecline={() => undefined}
      />,
    );
    expect(one(markup, 'returned-note')?.text).toBe('↺ 上次通话因居民网络中断结束 · 李敏 14:02');
  });
});
