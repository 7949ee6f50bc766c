/** The status in the header: the word (not colour alone), the buttons per status, 就绪 with the time left. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentPresence } from '@rvw/shared';
import { presence } from '../queue/test-entries';
import { html, one } from '../queue/test-render';
import { StatusControl } from './StatusControl';

function view(
  p: AgentPresence | null,
  opts: { inCall?: boolean; offsetMs?: number } = {},
  locale: 'zh-CN' | 'en' = 'zh-CN',
) {
  return html(
    <StatusControl
      status={{ presence: p, pending: null }}
      inCall={opts.inCall ?? false}
      connected
      offsetMs={opts.offsetMs ?? 0}
      onChoose={() => undefined}
    />,
    locale,
  );
}

const NOW = Date.parse('2026-11-22T01:00:00.000Z');
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('the status control', () => {
  it('says each status in words', () => {
    const words = (['available', 'wrap-up', 'away'] as const).map(
      (status) => one(view(presence({ status })), 'status-current')!.text,
    );
    expect(words).toEqual(['空闲', '整理中', '离开']);
    expect(one(view(presence(), { inCall: true }), 'status-current')!.text).toBe('服务中');
    expect(one(view(presence({ status: 'away' }), {}, 'en'), 'status-current')!.text).toBe('Away');
    expect(one(view(null), 'status-current')!.attr('data-status')).toBe('unknown');
  });

  it('available: only "set away"; away: only "set available", made prominent', () => {
    const available = view(presence({ status: 'available' }));
    expect(one(available, 'status-away')!.tag).not.toContain('disabled');
    expect(one(available, 'status-available')).toBeNull();
    expect(one(available, 'status-ready')).toBeNull();
    const away = view(presence({ status: 'away' }));
    expect(one(away, 'status-available')!.text).toBe('设为空闲');
    expect(one(away, 'status-available')!.attr('class')).toContain('status-go');
    expect(one(away, 'status-away')).toBeNull();
  });

  it('wrap-up: a 就绪 button and the time left until the centre’s limit', () => {
    const endsAt = new Date(NOW + 95_000).toISOString();
    const markup = view(presence({ status: 'wrap-up', wrapUpEndsAt: endsAt }));
    expect(one(markup, 'status-ready')!.text).toBe('就绪');
    expect(one(markup, 'status-available')).toBeNull();
    expect(one(markup, 'wrap-up-left')!.text).toBe('1:35 后自动就绪');
  });

  it('in a session the button is disabled and says why', () => {
    const markup = view(presence({ status: 'in-session' }), { inCall: true });
    expect(one(markup, 'status-away')!.tag).toContain('disabled');
    expect(one(markup, 'status-away')!.attr('title')).toBe('通话中不能更改状态；通话结束后进入整理。');
    expect(one(markup, 'status-available')).toBeNull();
  });
});
