/**
 * The paper layer as the resident sees it: each view in both languages, with its test ids, and
 * each sentence spoken for it shown on it (the way speech-text.test.tsx checks the screens).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PRINT_FAILURE_TEXT } from '@rvw/shared';
import type { Locale } from '@rvw/shared';
import { t } from '../i18n';
import { emptyPaper, jobChanged, paperView, requestChanged, updateCapture, withContext } from './paper-model';
import type { CaptureEntry, PaperState } from './paper-model';
import type { PaperSnapshot } from './paper-controller';
import { PaperLayer } from './PaperLayer';
import type { PaperActions } from './PaperLayer';
import { paperSpokenParts } from './paper-text';
import { inCallContext, job, notice, request } from './test-paper';

const actions: PaperActions = {
  answerPrint: () => undefined,
  dismissPrint: () => undefined,
  answerCapture: () => undefined,
  stopCapture: () => undefined,
  takePhoto: () => undefined,
  attachVideo: () => undefined,
};
const call = withContext(emptyPaper, inCallContext);
const live = requestChanged(requestChanged(call, request('asked')), request('consented'));
const withCapture = (patch: Partial<CaptureEntry>) => updateCapture(live, 'm1', patch);

function html(state: PaperState, locale: Locale, settling = false): string {
  const snapshot: PaperSnapshot = { state, view: paperView(state), stream: null, settling };
  return renderToStaticMarkup(
    <PaperLayer paper={snapshot} actions={actions} locale={locale} tr={(k, p) => t(locale, k, p)} />,
  );
}
const text = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const states: Array<[string, PaperState, string]> = [
  ['print offer', jobChanged(call, job('offered')), 'print-offer'],
  ['printing', jobChanged(call, job('printing')), 'print-status'],
  ['receipt done', jobChanged(call, job('done')), 'print-status'],
  [
    'notice done',
    jobChanged(call, job('done', 'j1', { kind: 'item-notice', title: notice })),
    'print-status',
  ],
  ['print failed', jobChanged(call, job('failed')), 'print-status'],
  ['no printer here', jobChanged(call, job('failed', 'j1', { reason: 'no-printer' })), 'print-status'],
  ['capture asked', requestChanged(call, request('asked')), 'capture-ask'],
  ['camera opening', live, 'capture-live'],
  ['document camera live', withCapture({ camera: 'document' }), 'capture-live'],
  ['face camera live', withCapture({ camera: 'face' }), 'capture-live'],
  ['saving', withCapture({ camera: 'document', sending: true }), 'capture-live'],
  ['upload failed', withCapture({ camera: 'document', problem: 'upload-failed' }), 'capture-live'],
  ['camera failed', withCapture({ problem: 'camera-failed' }), 'capture-live'],
  ['captured', withCapture({ phase: 'done', thumb: 'data:image/jpeg;base64,QUJD' }), 'capture-done'],
];

describe('the paper layer shows what it says', () => {
  for (const locale of ['zh-CN', 'en'] as const)
    it.each(states)(`${locale}: %s`, (_name, state, testId) => {
      const markup = html(state, locale);
      expect(markup).toContain(`data-testid="${testId}"`);
      const parts = paperSpokenParts(paperView(state), locale);
      expect(parts.length).toBeGreaterThan(0);
      for (const part of parts) expect(text(markup)).toContain(part);
    });

  it('shows nothing when there is nothing', () => {
    expect(html(call, 'zh-CN')).toBe('');
  });

  it('asks to print with the title, a big 打印 and a smaller 不用了', () => {
    const markup = html(
      jobChanged(call, job('offered', 'j1', { kind: 'item-notice', title: notice })),
      'zh-CN',
    );
    expect(text(markup)).toContain(
      '工作人员要为您打印《老年照护统一需求评估结果告知书》，纸上有您的姓名等信息。要打印吗？',
    );
    expect(markup).toMatch(/class="btn btn-primary btn-huge" data-testid="print-accept"[^>]*>打印</);
    expect(markup).toMatch(/class="btn btn-secondary btn-small" data-testid="print-decline"[^>]*>不用了</);
  });

  it('its buttons take no tap while the view settles', () => {
    const markup = html(jobChanged(call, job('offered')), 'zh-CN', true);
    expect(markup).toMatch(/data-testid="print-accept"[^>]*disabled/);
    expect(html(jobChanged(call, job('offered')), 'zh-CN')).not.toMatch(
      /data-testid="print-accept"[^>]*disabled/,
    );
  });

  it('names the state, says where the paper comes out, and closes with 好的', () => {
    const done = html(jobChanged(call, job('done')), 'zh-CN');
    expect(done).toContain('data-state="done"');
    expect(text(done)).toContain('请取走您的回执');
    expect(text(done)).toContain('纸从屏幕下方的出纸口出来');
    expect(done).toContain('class="paper-illustration"');
    expect(done).toContain('data-testid="print-dismiss"');
    const other = text(
      html(jobChanged(call, job('done', 'j1', { kind: 'item-notice', title: notice })), 'zh-CN'),
    );
    expect(other).toContain('请取走您的《老年照护统一需求评估结果告知书》');
    const printing = html(jobChanged(call, job('queued')), 'zh-CN');
    expect(printing).toContain('data-state="queued"');
    expect(text(printing)).toContain('正在打印，请稍候');
    expect(printing).not.toContain('print-dismiss');
  });

  it("never shows the failure's real reason to the resident", () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const markup = html(jobChanged(call, job('failed')), locale);
      expect(markup).toContain('data-state="failed"');
      expect(markup).toContain('data-testid="print-dismiss"');
      expect(markup).not.toContain(PRINT_FAILURE_TEXT['out-of-paper'].zh);
      expect(markup).not.toContain(PRINT_FAILURE_TEXT['out-of-paper'].en);
      expect(markup).not.toContain('media-empty');
    }
  });

  it('a machine without a printer (上门办) says so plainly, not as a fault', () => {
    const markup = html(jobChanged(call, job('failed', 'j1', { reason: 'no-printer' })), 'zh-CN');
    expect(text(markup)).toContain('这里没有打印机，工作人员会另外把纸质材料交给您。');
    expect(text(markup)).not.toContain('打印机出了点问题');
    expect(markup).toContain('data-testid="print-dismiss"');
  });

  it('the live picture is muted, has 拍照 (only once the camera shows) and 不拍了', () => {
    const opening = html(live, 'zh-CN');
    expect(opening).toMatch(/<video[^>]*muted/);
    expect(opening).toMatch(/data-testid="capture-button"[^>]*disabled/);
    expect(opening).toContain('data-testid="capture-cancel"');
    // The button stays disabled without a stream (a static render has none); the camera failing removes it.
    const failed = html(withCapture({ problem: 'camera-failed' }), 'zh-CN');
    expect(failed).not.toContain('capture-button');
    expect(failed).not.toContain('<video');
    expect(failed).toContain('data-testid="capture-cancel"');
    expect(text(html(withCapture({ camera: 'document' }), 'zh-CN'))).toContain('请把材料放在下面的台子上');
  });

  it('asks before photographing, and shows the photo taken', () => {
    const asked = html(requestChanged(call, request('asked')), 'zh-CN');
    expect(text(asked)).toContain('工作人员需要拍下您的《户口簿本人页》。');
    expect(asked).toContain('data-testid="capture-accept"');
    expect(asked).toContain('data-testid="capture-decline"');
    const done = html(withCapture({ phase: 'done', thumb: 'data:image/jpeg;base64,QUJD' }), 'en');
    expect(done).toContain('src="data:image/jpeg;base64,QUJD"');
    expect(text(done)).toContain('Photo taken');
  });
});
