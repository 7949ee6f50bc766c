/**
 * The enrolment gate's screens as rendered, in both languages: what they show, that what is
 * spoken is on them, and that the calm screen holds nothing of a resident.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@rvw/shared';
import { t } from '../i18n';
import type { MessageKey } from '../i18n';
import { EnrolmentGate } from './EnrolmentGate';
import { initialEnrolment } from './enrolment-model';
import type { EnrolmentView } from './enrolment-model';
import { gateSpokenParts } from './enrolment-speech';

const where = { name: '静安寺街道 1 号机', location: '愚园路居委会' };
const noop = () => undefined;
const actions = { redeem: async () => undefined, edited: noop, back: noop, finish: noop, openEnrol: noop };

/** [name, view] for each state of the gate. */
const gateStates: Array<[string, EnrolmentView]> = [
  ['first run, no server', { ...initialEnrolment, screen: 'enrol' }],
  [
    'first run, server configured',
    { ...initialEnrolment, screen: 'enrol', serverUrl: 'https://rvw.example.gov.cn' },
  ],
  ['first run, from the calm screen', { ...initialEnrolment, screen: 'enrol', fromReEnrol: true }],
  ['first run, sending', { ...initialEnrolment, screen: 'enrol', sending: true }],
  ['code refused', { ...initialEnrolment, screen: 'enrol', error: 'ENROLMENT_CODE_INVALID' }],
  ['rate limited', { ...initialEnrolment, screen: 'enrol', error: 'RATE_LIMITED' }],
  ['server unreachable', { ...initialEnrolment, screen: 'enrol', error: 'SERVER_UNREACHABLE' }],
  ['other failure', { ...initialEnrolment, screen: 'enrol', error: 'other' }],
  ['enrolled', { ...initialEnrolment, screen: 'enrolled', kiosk: where }],
  ['needs enrolling again', { ...initialEnrolment, screen: 're-enrol', kiosk: where }],
];

const html = (view: EnrolmentView, locale: Locale = 'zh-CN') =>
  renderToStaticMarkup(
    <EnrolmentGate
      view={view}
      tr={(key: MessageKey, params?: Record<string, string | number>) => t(locale, key, params)}
      actions={actions}
    />,
  );
const text = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
const state = (name: string) => gateStates.find(([n]) => n === name)![1];

describe('the gate says what it shows', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it.each(gateStates)(`${locale}: %s`, (_name, view) => {
      const parts = gateSpokenParts(view, locale);
      expect(parts.length).toBeGreaterThan(0);
      const shown = text(html(view, locale));
      for (const part of parts) expect(shown).toContain(part);
      // The kiosk's name and place are data, in the centre's words; the sentences are English.
      const words = shown.replace(where.name, '').replace(where.location, '');
      if (locale === 'en') expect(words).not.toMatch(/[\u4e00-\u9fff]/);
    });
  }
});

describe('the first-run screen', () => {
  it('asks for the server address only when the configuration has none', () => {
    expect(html(state('first run, no server'))).toContain('data-testid="enrol-server"');
    expect(html(state('first run, server configured'))).not.toContain('data-testid="enrol-server"');
  });

  it('登记 waits for a whole code; the way back is offered only when it came from the calm screen', () => {
    expect(html(state('first run, server configured'))).toMatch(/data-testid="enrol-submit"[^>]*disabled/);
    expect(html(state('first run, server configured'))).not.toContain('enrol-back');
    expect(html(state('first run, from the calm screen'))).toContain('data-testid="enrol-back"');
    expect(html(state('first run, server configured'))).toContain('登记本机');
    expect(html(state('first run, server configured'), 'en')).toContain('Enrol this kiosk');
  });

  it('each failure in words, for the technician', () => {
    expect(html(state('code refused'))).toContain('请向主管要一个新的登记码');
    expect(html(state('rate limited'))).toContain('请等一分钟再试');
    expect(html(state('server unreachable'))).toContain('请检查网络连接');
    expect(html(state('code refused'), 'en')).toContain('Ask the supervisor for a new code');
  });

  it('once enrolled, says where the kiosk stands and how to go on', () => {
    const markup = html(state('enrolled'));
    expect(markup).toContain('登记成功');
    expect(markup).toContain('静安寺街道 1 号机');
    expect(markup).toContain('愚园路居委会');
    expect(markup).toContain('data-testid="enrolled-start"');
  });
});

describe('needs enrolling again', () => {
  it('calm words, the committee staff named, a technician button, and nothing of a resident', () => {
    const markup = html(state('needs enrolling again'));
    expect(markup).toContain('此设备需要重新登记');
    expect(markup).toContain('请告诉居委会工作人员');
    expect(markup).toContain('data-testid="re-enrol-technician"');
    expect(markup).not.toContain('愚园路居委会');
    expect(markup.match(/<button/g)).toHaveLength(1);
    expect(html(state('needs enrolling again'), 'en')).toContain('This kiosk needs to be enrolled again');
  });
});
