import { describe, expect, it } from 'vitest';
import { blockingProblem, readReason, realReasons } from './reasons';

describe('printer-state-reasons', () => {
  it.each([
    ['media-empty-error', 'out-of-paper'],
    ['media-empty', 'out-of-paper'],
    ['media-needed-error', 'out-of-paper'],
    ['media-jam-error', 'jammed'],
    ['offline-report', 'offline'],
    ['offline', 'offline'],
    ['connecting-to-device', 'offline'],
    ['shutdown', 'offline'],
    ['paused', 'stopped'],
    ['cover-open-error', 'cover-open'],
    ['door-open', 'cover-open'],
    ['toner-empty-error', 'out-of-toner'],
    ['marker-supply-empty-error', 'out-of-toner'],
  ])('%s blocks as %s', (keyword, problem) => {
    expect(readReason(keyword)).toMatchObject({ problem, blocking: true });
    expect(blockingProblem([keyword])).toBe(problem);
  });

  it.each([
    'media-empty-warning',
    'media-jam-warning',
    'toner-empty-warning',
    'media-empty-report',
    'cover-open-report',
  ])('%s does not block', (keyword) => {
    expect(readReason(keyword).blocking).toBe(false);
    expect(blockingProblem([keyword])).toBeNull();
  });

  it('reads the suffix and the base', () => {
    expect(readReason('Media-Jam-Error')).toEqual({
      keyword: 'media-jam-error',
      base: 'media-jam',
      severity: 'error',
      problem: 'jammed',
      blocking: true,
    });
    expect(readReason('toner-low-warning')).toMatchObject({
      severity: 'warning',
      problem: null,
      blocking: false,
    });
    expect(readReason('cups-missing-filter-error')).toMatchObject({ problem: null, blocking: false });
  });

  it('names the worst problem: a physical cause before the stop it caused', () => {
    expect(blockingProblem(['paused', 'media-jam-error'])).toBe('jammed');
    expect(blockingProblem(['media-empty-error', 'offline-report'])).toBe('offline');
    expect(blockingProblem(['toner-low-warning', 'paused'])).toBe('stopped');
    expect(blockingProblem([])).toBeNull();
  });

  it('drops "none" and empty keywords', () => {
    expect(realReasons(['none'])).toEqual([]);
    expect(realReasons(['', ' media-empty-error '])).toEqual(['media-empty-error']);
  });
});
