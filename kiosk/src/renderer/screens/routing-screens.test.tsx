/** The need tiles, the disability question and the wait as rendered: their test ids and words. */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ScreenView } from './ScreenView';
import { routingStates } from '../test-routing-states';
import { online, run } from '../flow/test-fixtures';

const html = (name: string, locale: 'zh-CN' | 'en' = 'zh-CN') => {
  const flow = routingStates.find(([n]) => n === name)?.[1];
  if (!flow) throw new Error(`no state ${name}`);
  return renderToStaticMarkup(<ScreenView flow={flow} locale={locale} send={() => undefined} />);
};
const testIds = (markup: string) => [...markup.matchAll(/data-testid="([^"]+)"/g)].map((m) => m[1]);

describe('the need tiles', () => {
  it('one tile per need, each a picture over its word; no booking without a consented card', () => {
    const ids = testIds(html('need tiles')).filter((id) => id!.startsWith('need-tile-'));
    expect(ids).toEqual([
      'need-tile-elderly-care',
      'need-tile-medical-insurance',
      'need-tile-disability',
      'need-tile-residence',
      'need-tile-family-planning',
      'need-tile-consultation',
      'need-tile-unsure',
    ]);
    const markup = html('need tiles');
    expect(markup.match(/<svg/g)).toHaveLength(7);
    expect(markup).toContain('我不知道，直接问工作人员');
    expect(html('need tiles', 'en')).toContain('Medical insurance');
  });

  it('with a consented card, 预约办理 comes before "I don\'t know", which stays last', () => {
    const ids = testIds(html('need tiles after consent (with booking)')).filter((id) =>
      id!.startsWith('need-tile-'),
    );
    expect(ids.slice(-2)).toEqual(['need-tile-appointment', 'need-tile-unsure']);
    expect(html('need tiles after consent (with booking)')).toContain('预约办理');
  });
});

describe('the disability question', () => {
  it('是 and 否, says what was pressed and that it may be left', () => {
    const markup = html('disability question');
    expect(testIds(markup)).toEqual(
      expect.arrayContaining(['screen-disability', 'disability-yes', 'disability-no', 'need-change']),
    );
    expect(markup).toContain('您选择了：医保');
    expect(markup).toContain('这个问题可以不回答');
  });
});

describe('the door-to-door machine', () => {
  it('welcome says the reader is the box beside the laptop, not below the screen', () => {
    const welcome = run(online, { type: 'server-status', connected: true }).state;
    const markup = (portable: boolean) =>
      renderToStaticMarkup(
        <ScreenView flow={welcome} locale="zh-CN" send={() => undefined} portable={portable} />,
      );
    expect(markup(true)).toContain('读卡器是连着电脑的小盒子');
    expect(markup(true)).not.toContain('读卡器在屏幕下方');
    expect(markup(false)).toContain('读卡器在屏幕下方');
  });
});

describe('the wait', () => {
  it('shows the estimate under the place, or the honest sentence', () => {
    expect(html('waiting, about 6 minutes')).toMatch(
      /data-testid="waiting-estimate"[^>]*>大约还要等 6 分钟</,
    );
    expect(html('waiting, nobody online for the need')).toMatch(
      /data-testid="waiting-estimate"[^>]*>现在没有能办这类事的工作人员在线，暂时说不准要等多久</,
    );
    expect(html('transferring')).toContain('data-testid="screen-transferring"');
  });
});
