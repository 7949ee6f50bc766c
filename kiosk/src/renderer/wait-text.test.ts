/** The honest wait (issue 11 #5): what is shown and said for each estimate, and when it is said again. */
import { describe, expect, it } from 'vitest';
import { needAsked, online, opened, run } from './flow/test-fixtures';
import type { FlowState } from './flow/machine';
import { speechKey, spokenText } from './speech-text';
import { waitingWith } from './test-routing-states';
import { estimateText, waitingParts } from './wait-text';

const requesting = run({ ...online, server: 'up' }, { type: 'call-without-card' }, ...needAsked).state;
const waiting = (ticket: ReturnType<typeof waitingWith>): FlowState =>
  run(requesting, { type: 'ticket-issued', position: ticket }).state;
const minutes = (n: number) => ({
  kind: 'minutes' as const,
  minutes: n,
  agentsOnline: 2,
  meanHandlingS: 180,
});

describe('the wait estimate', () => {
  it('says the place and about how long: "前面还有 2 位" then "大约还要等 6 分钟"', () => {
    const w = waiting(waitingWith(minutes(6), 3));
    expect(waitingParts(w, 'zh-CN')).toEqual(['前面还有 2 位', '大约还要等 6 分钟']);
    expect(waitingParts(w, 'en')).toEqual(['2 ahead of you', 'About 6 more minutes']);
    expect(spokenText(w, 'zh-CN')).toContain('前面还有 2 位。大约还要等 6 分钟');
    expect(estimateText(waitingWith(minutes(1)), 'en')).toBe('About 1 more minute');
  });

  it('next with an agent free: "马上为您接通"', () => {
    const w = waiting(waitingWith({ kind: 'next' }, 1));
    expect(waitingParts(w, 'zh-CN')).toEqual(['下一位就是您', '马上为您接通']);
  });

  it('no basis: says so plainly, never a number', () => {
    const nobody = waiting(waitingWith({ kind: 'none', reason: 'no-agent-online' }, 3, 'medical-insurance'));
    expect(waitingParts(nobody, 'zh-CN')).toEqual([
      '前面还有 2 位',
      '现在没有能办这类事的工作人员在线，暂时说不准要等多久',
    ]);
    // The screen's reassurance follows: staff serve everyone in turn, please wait.
    expect(spokenText(nobody, 'zh-CN')).toContain('工作人员会按顺序为您服务');
    // "I don't know" goes to any agent: then nobody at all is online.
    const anyone = waiting(waitingWith({ kind: 'none', reason: 'no-agent-online' }, 3, 'unsure'));
    expect(estimateText(anyone.ticket!, 'zh-CN')).toBe('现在没有工作人员在线，暂时说不准要等多久');
    const fresh = waiting(waitingWith({ kind: 'none', reason: 'no-history' }));
    expect(estimateText(fresh.ticket!, 'en')).toBe(
      'Too few matters were handled today to say how long the wait will be',
    );
    for (const w of [nobody, anyone, fresh]) expect(spokenText(w, 'zh-CN')).not.toMatch(/\d+ 分钟/);
  });

  it('is said again when its meaning changes, not each time the minutes are revised', () => {
    const six = waiting(waitingWith(minutes(6), 3));
    const update = (ticket: ReturnType<typeof waitingWith>) =>
      run(six, { type: 'ticket-update', position: ticket }).state;
    // The same place, a revised number: shown, not said again.
    const five = update(waitingWith(minutes(5), 3));
    expect(five.ticket?.estimate).toMatchObject({ minutes: 5 });
    expect(speechKey(five, 'zh-CN')).toBe(speechKey(six, 'zh-CN'));
    // One fewer ahead: said again. No estimate any more: said again. Connecting: said again.
    expect(speechKey(update(waitingWith(minutes(4), 2)), 'zh-CN')).not.toBe(speechKey(six, 'zh-CN'));
    const none = update(waitingWith({ kind: 'none', reason: 'no-agent-online' }, 3));
    expect(speechKey(none, 'zh-CN')).not.toBe(speechKey(six, 'zh-CN'));
    expect(speechKey(update(waitingWith({ kind: 'next' }, 1)), 'zh-CN')).not.toBe(speechKey(six, 'zh-CN'));
  });
});

describe('the need and disability screens speak', () => {
  const tiles = run({ ...online, server: 'up' }, { type: 'call-without-card' }).state;

  it('the tiles: the question, then every tile’s word', () => {
    const said = spokenText(tiles, 'zh-CN');
    for (const word of ['养老', '医保', '残疾人', '居住', '计生', '咨询', '我不知道，直接问工作人员'])
      expect(said).toContain(word);
    expect(said.startsWith('您要办哪一类事')).toBe(true);
  });

  it('the disability question: first what was pressed, then that it may be left', () => {
    const q = run(tiles, { type: 'choose-need', need: 'elderly-care' }).state;
    expect(spokenText(q, 'zh-CN')).toBe(
      '您选择了：养老。您是否有残疾，需要优先照顾。这个问题可以不回答：按“否”，照常排队。按“是”，工作人员会优先为您服务',
    );
    expect(spokenText(q, 'en')).toContain('You chose: Old age');
  });

  it('the transfer: "正在为您转接，请稍候", and nothing to do', () => {
    const transferring = run(
      waiting(waitingWith(minutes(2))),
      { type: 'session-opened', opened: opened() },
      { type: 'session-transfer', notice: { sessionId: 's1', phase: 'transferring' } },
    ).state;
    expect(spokenText(transferring, 'zh-CN')).toBe(
      '正在为您转接，请稍候。您不用做任何操作。刚才办的内容都保留着，不用重新说',
    );
  });
});
