/** The call view's badge while the kiosk is away (issue 13 #1): both languages, the seconds left ticking on the server's clock. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionOpened } from '@rvw/shared';
import { html, one } from '../queue/test-render';
import { secondsLeft } from '../ui/time';
import { CallView } from './CallView';

const NOW = Date.parse('2026-12-07T08:00:00.000Z');
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

const opened: SessionOpened = {
  session: {
    id: 's1',
    ticketId: 't1',
    ticketNumber: 'A001',
    kiosk: {
      id: 'k1',
      name: '第一居委会',
      location: '徐汇区 · 第一居委会',
      centreId: 'xuhui-tianlin',
      kind: 'fixed',
    },
    agent: { id: 'a1', displayName: '王芳' },
    startedAt: '2026-12-07T07:58:00Z',
    endedAt: null,
    endedBy: null,
  },
  iceServers: [],
  initiator: true,
  graceSeconds: 60,
};

function view(kioskAway: string | null, locale: 'zh-CN' | 'en' = 'zh-CN', offsetMs = 0) {
  return html(
    <CallView
      call={{ opened, identity: null }}
      media={null}
      offsetMs={offsetMs}
      ending={false}
      kioskAway={kioskAway}
      onEnd={() => undefined}
      onMedia={() => undefined}
      onReveal={async () => ''}
      workspace={null}
    />,
    locale,
  );
}

describe('the kiosk-away badge', () => {
  it('is absent while the kiosk is connected', () => {
    expect(one(view(null), 'member-away')).toBeNull();
  });

  it('says the resident’s network is down and how long the session waits, in both languages', () => {
    const deadline = new Date(NOW + 42_000).toISOString();
    expect(one(view(deadline), 'member-away')?.text).toContain('居民端网络中断，正在等待重新连接');
    expect(one(view(deadline), 'member-away')?.text).toContain('42 秒');
    const en = one(view(deadline, 'en'), 'member-away')?.text;
    expect(en).toContain("The resident's kiosk lost its network; waiting for it to reconnect");
    expect(en).toContain('42 s left');
    // The server is 2 s ahead of this machine: 40 s are left on its clock.
    expect(one(view(deadline, 'zh-CN', 2000), 'member-away')?.text).toContain('40 秒');
  });

  it('counts whole seconds up to the deadline and never below zero', () => {
    expect(secondsLeft(new Date(NOW + 1500).toISOString(), NOW, 0)).toBe(2);
    expect(secondsLeft(new Date(NOW - 5000).toISOString(), NOW, 0)).toBe(0);
    expect(secondsLeft('not a time', NOW, 0)).toBe(0);
  });
});
