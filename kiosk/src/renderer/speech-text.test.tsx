/**
 * Speech and screen agree (issue 8 #8): every screen state is rendered, and each sentence spoken
 * for it must be on it. Also: nothing is said about welcome before the reader's state is known,
 * a changed reader state or place in the queue is spoken again, and no typo'd sentence remains.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@rvw/shared';
import { IdCardErrorCode } from '@rvw/shared';
import { initialFlow } from './flow/machine';
import type { FlowState } from './flow/machine';
import { card, online, opened, position, rated, run, needAsked } from './flow/test-fixtures';
import { messages } from './i18n';
import { ScreenView } from './screens/ScreenView';
import { speechKey, spokenParts, spokenText } from './speech-text';
import { routingStates } from './test-routing-states';
import { fleetStates, preparingQuiet } from './test-fleet-states';

function shownText(flow: FlowState, locale: Locale): string {
  const html = renderToStaticMarkup(<ScreenView flow={flow} locale={locale} send={() => undefined} />);
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const up = run(online, { type: 'server-status', connected: true }).state;
const greeting = run(up, { type: 'card-placed', card }).state;
const consent = run(greeting, { type: 'confirm-identity' }).state;
const requesting = run(up, { type: 'call-without-card' }, ...needAsked).state;
const waiting = run(requesting, { type: 'ticket-issued', position: position() }).state;
const call = run(waiting, { type: 'session-opened', opened: opened() }).state;
const thanksCard = run(
  consent,
  { type: 'consent', agree: true },
  ...needAsked,
  { type: 'ticket-issued', position: position() },
  { type: 'session-opened', opened: opened() },
  { type: 'session-ended', sessionId: 's1', endedBy: 'agent' },
  rated,
).state;

const states: Array<[string, FlowState]> = [
  ['welcome', up],
  ['welcome, reader offline', run(up, { type: 'reader-status', status: { state: 'offline' } }).state],
  [
    'welcome, reader fault',
    run(up, { type: 'reader-status', status: { state: 'fault', reason: IdCardErrorCode.SamSelfTestFailed } })
      .state,
  ],
  ['welcome, server down', run(up, { type: 'server-status', connected: false }).state],
  [
    'welcome, server restarting',
    run(up, { type: 'server-status', connected: false, restarting: true }).state,
  ],
  ['welcome, card left', run(thanksCard, { type: 'timer', timer: 'thanks' }).state],
  ['greeting', greeting],
  ['greeting, idle notice', run(greeting, { type: 'timer', timer: 'idle' }).state],
  ['consent', consent],
  ['requesting', requesting],
  ['requesting, slow', run(requesting, { type: 'timer', timer: 'slow-request' }).state],
  ['waiting', waiting],
  ['waiting, next', run(waiting, { type: 'ticket-update', position: position('waiting', 1) }).state],
  [
    'waiting, next, with the mirror',
    run(waiting, { type: 'ticket-update', position: position('waiting', 1) }, { type: 'mirror', on: true })
      .state,
  ],
  ['call', call],
  ['call, asking to hang up', run(call, { type: 'ask-hang-up' }).state],
  ['thanks, card on the reader', thanksCard],
  ['thanks, no card', run(call, { type: 'session-ended', sessionId: 's1', endedBy: 'agent' }, rated).state],
  ['problem', run(requesting, { type: 'ticket-failed', code: 'SERVER_UNREACHABLE' }).state],
  ['problem, already queued', run(requesting, { type: 'ticket-failed', code: 'ALREADY_QUEUED' }).state],
  ...routingStates,
  ...fleetStates,
];

describe('what is spoken is what is shown', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it.each(states)(`${locale}: %s`, (_name, flow) => {
      const parts = spokenParts(flow, locale);
      expect(parts.length).toBeGreaterThan(0);
      const shown = shownText(flow, locale);
      for (const part of parts) expect(shown).toContain(part);
    });
  }

  it('the "already queued" screen does not speak the "cannot reach the service centre" sentence', () => {
    const queued = run(requesting, { type: 'ticket-failed', code: 'ALREADY_QUEUED' }).state;
    expect(spokenText(queued, 'zh-CN')).toContain('已经在排队');
    expect(spokenText(queued, 'zh-CN')).not.toContain('连不上');
  });

  it('getting ready says nothing while the check is quick, so a fast check does not flash words', () => {
    expect(spokenParts(preparingQuiet, 'zh-CN')).toEqual([]);
    expect(shownText(preparingQuiet, 'zh-CN').trim()).toBe('');
  });

  it('no sentence has a doubled character typo', () => {
    for (const text of Object.values(messages['zh-CN'])) expect(text).not.toContain('请请');
  });

  it('says nothing about the reader before its state is known, then speaks each change', () => {
    const start = run(online, { type: 'server-status', connected: true }).state;
    const unknown: FlowState = { ...start, reader: initialFlow.reader };
    expect(spokenText(unknown, 'zh-CN')).toBe('');
    const known = run(unknown, { type: 'reader-status', status: { state: 'online' } }).state;
    expect(spokenText(known, 'zh-CN')).toContain('请将身份证放在读卡器上');
    const down = run(known, { type: 'reader-status', status: { state: 'offline' } }).state;
    expect(speechKey(down, 'zh-CN')).not.toBe(speechKey(known, 'zh-CN'));
    expect(spokenText(down, 'zh-CN')).toContain('读卡器暂时无法使用');
  });

  it('speaks a change of place in the queue, honestly', () => {
    const next = run(waiting, { type: 'ticket-update', position: position('waiting', 1) }).state;
    expect(spokenText(waiting, 'zh-CN')).toContain('前面还有 2 位');
    expect(spokenText(next, 'zh-CN')).toContain('下一位就是您');
    expect(speechKey(next, 'zh-CN')).not.toBe(speechKey(waiting, 'zh-CN'));
    // Another resident's ticket moving the waiting count alone is not news.
    const sameRank = run(waiting, { type: 'ticket-update', position: { ...position(), waiting: 9 } }).state;
    expect(speechKey(sameRank, 'zh-CN')).toBe(speechKey(waiting, 'zh-CN'));
  });

  it('a resident who came without a card is not told to take it, nor that its data was erased', () => {
    const noCard = run(call, { type: 'session-ended', sessionId: 's1', endedBy: 'agent' }, rated).state;
    for (const locale of ['zh-CN', 'en'] as const) {
      const shown = shownText(noCard, locale);
      expect(shown).not.toContain(messages[locale]['thanks.takeCard']);
      expect(shown).not.toContain(messages[locale]['thanks.wiped']);
    }
    expect(shownText(thanksCard, 'zh-CN')).toContain(messages['zh-CN']['thanks.takeCard']);
  });

  it('welcome with a card left behind asks for the card first, and does not also ask to place one', () => {
    const left = run(thanksCard, { type: 'timer', timer: 'thanks' }).state;
    for (const locale of ['zh-CN', 'en'] as const) {
      const shown = shownText(left, locale);
      expect(shown).toContain(messages[locale]['welcome.takeCard']);
      expect(shown).not.toContain(messages[locale]['welcome.placeCard']);
      expect(spokenParts(left, locale)[0]).toBe(messages[locale]['welcome.takeCard']);
      expect(spokenParts(left, locale)).not.toContain(messages[locale]['welcome.placeCard']);
    }
  });

  it('welcome says in words when the video service is down, and offers no call', () => {
    const down = run(up, { type: 'server-status', connected: false }).state;
    const html = renderToStaticMarkup(<ScreenView flow={down} locale="zh-CN" send={() => undefined} />);
    expect(html).toContain('视频服务暂时无法使用');
    expect(html).not.toContain('call-without-card');
    expect(html).not.toContain('call-agent');
  });
});
