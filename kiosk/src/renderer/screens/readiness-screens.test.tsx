/** Readiness before a call (issue 12 #4) as rendered: its test ids, its words in both languages. */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FlowEvent } from '../flow/machine';
import { settled } from '../flow/test-fixtures';
import { fleetStates, preparingQuiet } from '../test-fleet-states';
import { ScreenView } from './ScreenView';

const state = (name: string) => {
  const flow = fleetStates.find(([n]) => n === name)?.[1];
  if (!flow) throw new Error(`no state ${name}`);
  return flow;
};
const html = (name: string, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  renderToStaticMarkup(<ScreenView flow={state(name)} locale={locale} send={() => undefined} />);
const testIds = (markup: string) => [...markup.matchAll(/data-testid="([^"]+)"/g)].map((m) => m[1]);

describe('getting ready for a call', () => {
  it('is blank while the check is quick, then a spinner and 正在准备', () => {
    const quiet = renderToStaticMarkup(
      <ScreenView flow={preparingQuiet} locale="zh-CN" send={() => undefined} />,
    );
    expect(testIds(quiet)).toEqual(['screen-preparing']);
    expect(html('preparing, slow')).toContain('正在准备，请稍等…');
    expect(html('preparing, slow', 'en')).toContain('Getting ready, one moment…');
    expect(testIds(html('preparing, slow'))).not.toContain('no-video-back');
  });
});

describe('video is not available right now', () => {
  it('says so without blame, names the committee staff, and has one button: back to the start', () => {
    const zh = html('no video');
    expect(zh).toContain('视频通话暂时无法使用');
    expect(zh).toContain('请告诉居委会工作人员，他们会帮您办理。');
    expect(zh).toContain('这不是您操作的问题');
    expect(zh.match(/<button/g)).toHaveLength(1);
    expect(testIds(zh)).toEqual(['screen-no-video', 'no-video-hint', 'no-video-back']);
    const en = html('no video', 'en');
    expect(en).toContain('Video calls are not available right now');
    expect(en).toContain('Please tell the committee staff.');
    expect(en).toContain('Back to the start');
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('its button takes no tap while the screen settles, then goes home', () => {
    const sent: FlowEvent[] = [];
    const markup = (flow = state('no video')) =>
      renderToStaticMarkup(<ScreenView flow={flow} locale="zh-CN" send={(e) => sent.push(e)} />);
    expect(markup()).toMatch(/data-testid="no-video-back"[^>]*disabled/);
    expect(markup(settled(state('no video')))).not.toMatch(/data-testid="no-video-back"[^>]*disabled/);
  });

  it('a failed check is the existing "cannot reach the service centre" problem', () => {
    expect(testIds(html('readiness failed'))).toContain('screen-problem');
  });
});
