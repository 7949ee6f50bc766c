/** The transfer views: the dialog's choices, the dock's lines and buttons, the read-back's record. */
import { describe, expect, it } from 'vitest';
import type { Transfer, TransferOption } from '@rvw/shared';
import { all, html, one } from '../queue/test-render';
import { TransferDialog } from './TransferDialog';
import { TransferDock } from './TransferDock';
import { TransferRecord } from './TransferRecord';
import type { TransferSnapshot } from './transfer-store';

const agent = (
  agentId: string,
  displayName: string,
  status: 'available' | 'away' | 'in-session',
  online = true,
  centreId = 'main',
): TransferOption => ({ kind: 'agent', agentId, displayName, centreId, skills: [], status, online });

const OPTIONS: TransferOption[] = [
  agent('a1', '王芳', 'available'),
  agent('a2', '赵强', 'away'),
  agent('a3', '陈静', 'in-session'),
  agent('a4', '刘洋', 'available', false),
  agent('a5', '周敏', 'available', true, 'gusu'),
  { kind: 'skill', skill: 'medical-insurance', agentsOnline: 2 },
  { kind: 'skill', skill: 'residence', agentsOnline: 0 },
];

const base: TransferSnapshot = {
  options: OPTIONS,
  optionsLoading: false,
  optionsError: null,
  outgoing: null,
  incoming: null,
  busy: false,
  error: null,
  consult: null,
  consultId: null,
};

const transfer = (patch: Partial<Transfer>): Transfer => ({
  transferId: 't1',
  sessionId: 's1',
  ticketNumber: 'A007',
  mode: 'consulted',
  target: { kind: 'agent', agentId: 'a1' },
  phase: 'inviting',
  from: { agentId: 'me', displayName: '李敏' },
  at: '2026-11-22T02:00:00.000Z',
  ...patch,
});

const noop = () => undefined;

describe('the transfer dialog', () => {
  it('lists colleagues (only the available ones can be chosen, the others with their status) and skill groups', () => {
    const markup = html(
      <TransferDialog
        sessionId="s1"
        snapshot={base}
        ownCentreId="main"
        centreName={(id) => (id === 'gusu' ? '姑苏中心' : id)}
        onReload={noop}
        onStart={async () => true}
        onClose={noop}
      />,
    );
    const options = all(markup, 'transfer-option');
    expect(options.map((o) => [o.attr('data-kind'), o.attr('data-id'), o.tag.includes('disabled')])).toEqual([
      ['agent', 'a1', false],
      ['agent', 'a2', true],
      ['agent', 'a3', true],
      ['agent', 'a4', true],
      ['agent', 'a5', false],
      ['skill', 'medical-insurance', false],
      ['skill', 'residence', false],
    ]);
    expect(options.map((o) => o.text)).toEqual([
      '王芳空闲',
      '赵强离开',
      '陈静服务中',
      '刘洋离线',
      '周敏空闲 · 姑苏中心',
      '医疗保障组2 人在线',
      '居住登记组暂无人在线',
    ]);
    expect(one(markup, 'transfer-mode-blind')?.tag).toContain('checked');
    expect(one(markup, 'transfer-mode-consulted')).not.toBeNull();
    // Nothing chosen yet: 转接 waits.
    expect(one(markup, 'transfer-start')?.tag).toContain('disabled');
  });

  it('says why a start was refused, in the words of transfers', () => {
    const markup = html(
      <TransferDialog
        sessionId="s1"
        snapshot={{ ...base, error: 'AGENT_UNAVAILABLE' }}
        ownCentreId="main"
        onReload={noop}
        onStart={async () => false}
        onClose={noop}
      />,
      'en',
    );
    expect(one(markup, 'transfer-error')?.text).toContain('They are not available now');
  });
});

describe('the transfer dock', () => {
  const dock = (snapshot: TransferSnapshot, locale: 'zh-CN' | 'en' = 'zh-CN') =>
    html(
      <TransferDock
        snapshot={snapshot}
        connected
        onAnswer={noop}
        onComplete={noop}
        onCancel={noop}
        onDismiss={noop}
      />,
      locale,
    );

  it('shows nothing when no transfer concerns the agent', () => {
    expect(dock(base)).toBe('');
  });

  it('asks the invited agent, with the note', () => {
    const markup = dock({
      ...base,
      incoming: transfer({ from: { agentId: 'x', displayName: '李敏' }, note: '材料已齐' }),
    });
    expect(one(markup, 'transfer-invite')?.text).toContain('李敏 请您接手 A007 号居民');
    expect(one(markup, 'transfer-invite')?.text).toContain('交接说明：材料已齐');
    expect(one(markup, 'transfer-invite-accept')).not.toBeNull();
    expect(one(markup, 'transfer-invite-decline')).not.toBeNull();
  });

  it('gives the first agent 完成转接 and 取消 during the hand-over, and 收回 for a queued blind one', () => {
    const consulting = dock({
      ...base,
      outgoing: transfer({ phase: 'consulting', to: { agentId: 'a1', displayName: '王芳' } }),
    });
    expect(one(consulting, 'transfer-status')?.text).toBe(
      '正在与 王芳 交接，居民仍与您通话。交接完后点“完成转接”。',
    );
    expect(one(consulting, 'transfer-complete')?.text).toBe('完成转接');
    expect(one(consulting, 'transfer-cancel')?.text).toBe('取消转接');
    const queued = dock({
      ...base,
      outgoing: transfer({ mode: 'blind', phase: 'queued', target: { kind: 'skill', skill: 'residence' } }),
    });
    expect(one(queued, 'transfer-status')?.text).toBe('A007 号已转给居住登记，排在队列最前，等待接听。');
    expect(one(queued, 'transfer-complete')).toBeNull();
    expect(one(queued, 'transfer-cancel')?.text).toBe('收回转接');
    const declined = dock({ ...base, outgoing: transfer({ phase: 'cancelled', reason: 'declined' }) }, 'en');
    expect(one(declined, 'transfer-status')?.text).toBe('王芳 declined; you keep serving the resident.');
    expect(one(declined, 'transfer-cancel')).toBeNull();
  });
});

describe('the read-back record', () => {
  it('lists each transfer with both agents, how and how it ended', () => {
    const markup = html(
      <TransferRecord
        transfers={[
          transfer({ phase: 'cancelled', reason: 'declined', target: { kind: 'agent', agentId: 'a2' } }),
          transfer({
            transferId: 't2',
            mode: 'blind',
            phase: 'completed',
            target: { kind: 'skill', skill: 'medical-insurance' },
            to: { agentId: 'a1', displayName: '王芳' },
          }),
        ]}
        agentName={(id) => (id === 'a2' ? '赵强' : id)}
      />,
    );
    const rows = all(markup, 'readback-transfer');
    expect(rows.map((r) => [r.attr('data-mode'), r.attr('data-phase'), r.attr('data-to')])).toEqual([
      ['consulted', 'cancelled', ''],
      ['blind', 'completed', 'a1'],
    ]);
    expect(rows[0]!.text).toContain('先沟通再转接 · 李敏 转给 赵强 · 已取消 (对方拒绝)');
    expect(rows[1]!.text).toContain('直接转接 · 李敏 转给 医疗保障组 · 由 王芳 接手 · 已转接');
  });
});
