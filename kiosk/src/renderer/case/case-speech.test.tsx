/**
 * The case screens speak only what they show, in both languages (as speech-text.test does for the
 * rest of the journey); the consent texts sent to the ledger are made of sentences the screens
 * show; the identity number stays masked on every screen; each screen has the test ids the
 * end-to-end tests use.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@rvw/shared';
import { confirmConsentText, identityConsentText, signConsentText } from '../consent-text';
import type { FlowState } from '../flow/machine';
import { card, online, opened, position, run, settled, needAsked } from '../flow/test-fixtures';
import { ScreenView } from '../screens/ScreenView';
import { spokenParts, spokenText } from '../speech-text';
import { sampleCase, seniorAllowance } from './test-cases';

function html(flow: FlowState, locale: Locale): string {
  return renderToStaticMarkup(<ScreenView flow={flow} locale={locale} send={() => undefined} />);
}
function shownText(flow: FlowState, locale: Locale): string {
  return html(flow, locale)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const waiting = run(
  online,
  { type: 'card-placed', card },
  { type: 'confirm-identity' },
  { type: 'consent', agree: true },
  ...needAsked,
  { type: 'ticket-issued', position: position() },
).state;
const call = run(waiting, { type: 'session-opened', opened: opened() }).state;
const withCase = run(call, {
  type: 'case-state',
  state: sampleCase(2, { lastChanged: 'contactPhone' }),
}).state;
const asked = run(call, {
  type: 'case-state',
  state: sampleCase(5, { confirmRequested: 5, lastChanged: 'visitAddress' }),
}).state;
const lastPage = run(asked, { type: 'review-page', page: 1 }, { type: 'review-page', page: 2 }).state;
const sign = run(lastPage, { type: 'review-confirm' }, { type: 'confirm-result', ok: true }).state;
const notDone = {
  type: 'case-state' as const,
  state: sampleCase(5, {}, 'c1', {
    status: 'closed',
    outcome: {
      outcome: 'not-done',
      reason: '缺少户口簿',
      nextStep: '请带户口簿到社区事务受理服务中心',
      at: '2026-12-07T02:00:00Z',
    },
  }),
};
const ended = { type: 'session-ended' as const, sessionId: 's1', endedBy: 'agent' as const };
const outcome = run(withCase, notDone, ended).state;
const rating = run(outcome, { type: 'outcome-seen' }).state;
const low = run(rating, { type: 'rate', level: 'dissatisfied' }).state;

const states: Array<[string, FlowState]> = [
  [
    'waiting, with entitlements',
    run(waiting, { type: 'entitlements', ticketId: 't1', entitlements: [seniorAllowance] }).state,
  ],
  [
    'call, entitlements before any form',
    run(call, { type: 'entitlements', ticketId: 't1', entitlements: [seniorAllowance] }).state,
  ],
  ['call, the form beside it', withCase],
  ['call, a flagged field', run(withCase, { type: 'flag-field', caseId: 'c1', field: 'contactPhone' }).state],
  [
    'call, the form changed under the walk',
    run(lastPage, { type: 'case-state', state: sampleCase(6) }).state,
  ],
  [
    'call, a change voided the signature',
    run(call, { type: 'case-state', state: sampleCase(7, { voided: true, lastChanged: 'contactPhone' }) })
      .state,
  ],
  ['call, signed', run(sign, { type: 'sign-result', ok: true }, { type: 'sign-result', ok: true }).state],
  ['confirm, first page', asked],
  ['confirm, last page', lastPage],
  [
    'confirm, send failed',
    run(lastPage, { type: 'review-confirm' }, { type: 'confirm-result', ok: false }).state,
  ],
  ['sign', sign],
  ['outcome', outcome],
  ['outcome, left alone', run(outcome, { type: 'timer', timer: 'rate-idle' }).state],
  ['rating', rating],
  ['rating, a low one asks why', low],
  ['rating, left alone', run(rating, { type: 'timer', timer: 'rate-idle' }).state],
];

describe('the case screens speak what they show', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it.each(states)(`${locale}: %s`, (_name, flow) => {
      const parts = spokenParts(flow, locale);
      expect(parts.length).toBeGreaterThan(0);
      const shown = shownText(flow, locale);
      for (const part of parts) expect(shown).toContain(part);
    });
  }

  it('reads each row of the page being checked, the masked number as hidden, and asks on the last page', () => {
    const first = spokenText(asked, 'zh-CN');
    expect(first).toContain('请核对表格的内容。第 1 页，共 3 页。申请人与被评估人的关系。本人');
    expect(first).toContain('身份证号码。部分数字已隐藏');
    expect(first).not.toContain('*');
    expect(first).not.toContain('以上内容都正确吗');
    expect(spokenText(lastPage, 'zh-CN')).toContain('以上内容都正确吗');
  });

  it('says the case number in groups, and why and what next, before the rating', () => {
    const said = spokenText(outcome, 'zh-CN');
    expect(said).toContain('原因：缺少户口簿');
    expect(said).toContain('下一步：请带户口簿到社区事务受理服务中心');
    expect(said).toContain('J A 2026 1207 0042');
    expect(shownText(outcome, 'zh-CN')).toContain('JA-20261207-0042');
  });

  it('speaks the five levels, best first', () => {
    expect(spokenParts(rating, 'zh-CN').slice(-5)).toEqual([
      '非常满意',
      '满意',
      '基本满意',
      '不满意',
      '非常不满意',
    ]);
  });

  it('never shows the full identity number, only as the server masked it', () => {
    for (const [, flow] of states) expect(html(flow, 'zh-CN')).not.toMatch(/310106\s*1949/);
    expect(shownText(asked, 'zh-CN')).toContain('310***********0021');
  });

  it('gives every row, flag, button and screen the test ids the end-to-end tests use', () => {
    const form = html(withCase, 'zh-CN');
    for (const id of [
      'kiosk-field-contactPhone',
      'kiosk-flag-contactPhone',
      'kiosk-speak-contactPhone',
      'form-prev',
    ])
      expect(form).toContain(`data-testid="${id}"`);
    const flagged = html(
      run(withCase, { type: 'flag-field', caseId: 'c1', field: 'contactPhone' }).state,
      'zh-CN',
    );
    expect(flagged).toContain('data-testid="kiosk-flagged-contactPhone"');
    expect(flagged).not.toContain('data-testid="kiosk-flag-contactPhone"');
    expect(html(asked, 'zh-CN')).toContain('data-testid="review-next"');
    expect(html(lastPage, 'zh-CN')).toContain('data-testid="review-confirm"');
    const signing = html(sign, 'zh-CN');
    for (const id of ['signature-canvas', 'sign-submit', 'sign-clear'])
      expect(signing).toContain(`data-testid="${id}"`);
    expect(html(outcome, 'zh-CN')).toContain('data-testid="outcome-ok"');
    expect(html(outcome, 'zh-CN')).toContain('data-testid="outcome-notice"');
    for (const level of [
      'very-satisfied',
      'satisfied',
      'basically-satisfied',
      'dissatisfied',
      'very-dissatisfied',
    ])
      expect(html(rating, 'zh-CN')).toContain(`data-testid="rating-${level}"`);
    for (const id of ['rating-reason-not-solved', 'rating-staff-note', 'rating-submit', 'rating-back'])
      expect(html(low, 'zh-CN')).toContain(`data-testid="${id}"`);
  });
});

describe('the consent texts the ledger records are the ones on screen', () => {
  const consent = run(online, { type: 'card-placed', card }, { type: 'confirm-identity' }).state;
  for (const locale of ['zh-CN', 'en'] as const)
    it(`${locale}: identity, confirmation and signature`, () => {
      const cases: Array<[string, FlowState]> = [
        [identityConsentText(locale), settled(consent)],
        [confirmConsentText(locale), lastPage],
        [signConsentText(locale), sign],
      ];
      for (const [text, flow] of cases) {
        const shown = shownText(flow, locale);
        for (const line of text.split('\n')) expect(shown).toContain(line);
      }
    });
});
