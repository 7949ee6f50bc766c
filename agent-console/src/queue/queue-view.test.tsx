/**
 * The queue as an agent sees it: rows in the server's order (never re-sorted), each tag a labelled
 * chip with its words, the need, where the resident is (上门办 for a portable kiosk, another
 * centre's region and name), the away line, offer mode replacing the pull buttons by a note, and
 * no Accept on a row whose centre offers its tickets.
 */
import { describe, expect, it } from 'vitest';
import type { QueueEntry, RoutingMode } from '@rvw/shared';
import { QueueView, type QueueViewProps } from './QueueView';
import { place, queueEntry } from './test-entries';
import { all, html, one } from './test-render';

const entries: QueueEntry[] = [
  queueEntry('A009', { position: 1, tags: ['overdue'], need: 'residence' }),
  queueEntry('A012', { position: 2, tags: ['age80', 'disability'], need: 'elderly-care' }),
  queueEntry('A003', {
    position: 3,
    tags: ['overflow'],
    need: 'unsure',
    place: place({
      centreId: 'suzhou-gusu',
      centreName: '姑苏区便民服务中心',
      region: '江苏省苏州市姑苏区',
      committee: '平江居委会',
      kioskName: '姑苏 上门办 1',
      kioskKind: 'portable',
    }),
  }),
];

function view(patch: Partial<QueueViewProps> = {}, locale: 'zh-CN' | 'en' = 'zh-CN') {
  return html(
    <QueueView
      entries={entries}
      offsetMs={0}
      accepting={null}
      connected
      onAccept={() => undefined}
      onAcceptNext={() => undefined}
      ownCentreId="xuhui-tianlin"
      {...patch}
    />,
    locale,
  );
}

describe('the queue view', () => {
  it('keeps the server’s order, whatever the numbers or times', () => {
    expect(all(view(), 'queue-row').map((r) => r.attr('data-ticket-number'))).toEqual([
      'A009',
      'A012',
      'A003',
    ]);
  });

  it('shows each tag as a chip with its words and data-tag, in each language', () => {
    const markup = view();
    const chips = all(markup, 'queue-tag').map((c) => [c.attr('data-tag'), c.text]);
    expect(chips).toEqual([
      ['overdue', '超时'],
      ['age80', '80+'],
      ['disability', '助残'],
      ['overflow', '外溢'],
    ]);
    expect(all(view({}, 'en'), 'queue-tag').map((c) => c.text)).toEqual([
      'Overdue',
      '80+',
      'Disability',
      'Overflow',
    ]);
    // Each chip says why in its title, not by colour alone.
    expect(one(markup, 'queue-tag')!.attr('title')).toBe('等候已超过本中心的最长时限，排在所有优先之前');
  });

  it('names the need, and where the resident is: committee and kiosk (the own centre goes without saying)', () => {
    const markup = view();
    expect(markup).toContain('居住登记');
    expect(markup).toContain('不确定');
    const places = all(markup, 'queue-place');
    expect(places).toHaveLength(3);
    expect(places[0]!.text).toBe('华悦居委会田林 一体机 1');
    expect(places[0]!.attr('data-kiosk-kind')).toBe('fixed');
  });

  it('marks a portable kiosk as 上门办 and a resident of another centre with its region and name', () => {
    const places = all(view(), 'queue-place');
    expect(places[2]!.attr('data-kiosk-kind')).toBe('portable');
    expect(places[2]!.attr('data-centre-id')).toBe('suzhou-gusu');
    expect(places[2]!.text).toBe('上门办江苏省苏州市姑苏区平江居委会姑苏 上门办 1 · 姑苏区便民服务中心');
    expect(places[0]!.text).not.toContain('上门办');
    expect(all(view(), 'place-portable')).toHaveLength(1);
    expect(all(view(), 'place-other-centre')).toHaveLength(1);
  });

  it('in pull mode offers "take the next one" and Accept on each row; no offer-mode note', () => {
    const markup = view();
    expect(one(markup, 'accept-next')).not.toBeNull();
    expect(all(markup, 'accept-button')).toHaveLength(3);
    expect(one(markup, 'offer-mode-note')).toBeNull();
  });

  it('in offer mode replaces the pull buttons by a note, and keeps the list', () => {
    const markup = view({ modeOf: () => 'offer' });
    expect(one(markup, 'accept-next')).toBeNull();
    expect(all(markup, 'accept-button')).toHaveLength(0);
    expect(one(markup, 'offer-mode-note')!.text).toContain('派单模式');
    expect(all(markup, 'queue-row')).toHaveLength(3);
  });

  it('gives Accept only to rows whose centre pulls (an offer centre’s overflow says 派单)', () => {
    const modes: Record<string, RoutingMode> = { 'xuhui-tianlin': 'pull', 'suzhou-gusu': 'offer' };
    const pullAgent = view({ modeOf: (id) => modes[id]! });
    expect(one(pullAgent, 'accept-next')).not.toBeNull();
    expect(all(pullAgent, 'accept-button')).toHaveLength(2);
    expect(all(pullAgent, 'row-offered').map((r) => r.text)).toEqual(['派单']);
    // An agent of the offer centre: the note, and Accept on the pull partner's overflowed rows.
    const offerAgent = view({ modeOf: (id) => modes[id]!, ownCentreId: 'suzhou-gusu' });
    expect(one(offerAgent, 'accept-next')).toBeNull();
    expect(one(offerAgent, 'offer-mode-note')).not.toBeNull();
    expect(all(offerAgent, 'accept-button')).toHaveLength(2);
  });

  it('when away, says no new calls will come, above the list that stays', () => {
    const markup = view({ away: true });
    expect(one(markup, 'away-note')!.text).toBe(
      '您处于离开状态，不会收到新的来电 回到座位后请点上方的“设为空闲”。',
    );
    expect(all(markup, 'queue-row')).toHaveLength(3);
    expect(one(view(), 'away-note')).toBeNull();
  });
});
