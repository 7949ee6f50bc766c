import { describe, expect, it } from 'vitest';
import { initialFlow } from '../flow/machine';
import { layoutPhaseOf, pageModeOf } from './page-mode';

const at = (pathname: string, search = '') => ({ pathname, search });

describe('pageModeOf', () => {
  it('a view named by ?view=, both by default', () => {
    expect(pageModeOf(at('/index.html', '?view=video'), true)).toEqual({ kind: 'view', view: 'video' });
    expect(pageModeOf(at('/index.html', '?view=touch'), true)).toEqual({ kind: 'view', view: 'touch' });
    expect(pageModeOf(at('/'), false)).toEqual({ kind: 'view', view: 'both' });
    expect(pageModeOf(at('/', '?view=nonsense'), false)).toEqual({ kind: 'view', view: 'both' });
  });

  it('the dual stand-in at /dual or ?layout=dual, in a plain browser', () => {
    expect(pageModeOf(at('/dual'), false)).toEqual({ kind: 'dual-preview' });
    expect(pageModeOf(at('/dual/'), false)).toEqual({ kind: 'dual-preview' });
    expect(pageModeOf(at('/', '?layout=dual'), false)).toEqual({ kind: 'dual-preview' });
  });

  it('the stand-in frames name their view and are views; Electron never shows the stand-in', () => {
    expect(pageModeOf(at('/', '?layout=dual&view=video'), false)).toEqual({ kind: 'view', view: 'video' });
    expect(pageModeOf(at('/dual', '?view=touch'), false)).toEqual({ kind: 'view', view: 'touch' });
    expect(pageModeOf(at('/index.html', '?layout=dual'), true)).toEqual({ kind: 'view', view: 'both' });
    expect(pageModeOf(at('/individual'), false)).toEqual({ kind: 'view', view: 'both' });
  });
});

describe('layoutPhaseOf', () => {
  it('is a call while the call screen shows, the journey otherwise', () => {
    expect(layoutPhaseOf({ ...initialFlow, screen: 'call' })).toBe('call');
    for (const screen of ['welcome', 'greeting', 'consent', 'waiting', 'thanks', 'problem'] as const)
      expect(layoutPhaseOf({ ...initialFlow, screen })).toBe('journey');
    for (const screen of ['outcome', 'rating'] as const)
      expect(layoutPhaseOf({ ...initialFlow, screen })).toBe('journey');
  });

  it('gives the touch screen more room while a form, its review or signature shows during the call', () => {
    const review = { caseId: 'c1', revision: 1, hash: 'h', page: 0, sending: false };
    expect(layoutPhaseOf({ ...initialFlow, screen: 'confirm', review })).toBe('call-form');
    expect(layoutPhaseOf({ ...initialFlow, screen: 'sign', review })).toBe('call-form');
    const entitlements = [
      { itemCode: 'x', itemName: { zh: '高龄津贴', en: 'Allowance' }, note: { zh: '自动', en: 'Paid' } },
    ];
    expect(layoutPhaseOf({ ...initialFlow, screen: 'call', entitlements })).toBe('call-form');
  });
});
