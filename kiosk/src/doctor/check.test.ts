/** How `all` picks its exit code and lays out its table. */
import { describe, expect, it } from 'vitest';
import { summaryTable, worstExit } from './check';
import type { CheckResult } from './check';

const r = (check: string, status: CheckResult['status'], exit: number): CheckResult => ({
  check,
  status,
  exit,
  summary: `${check} says ${status}`,
});

describe('worstExit and the summary table', () => {
  it('FAIL beats WARN, the first of equals wins, SKIPPED and OK do not count', () => {
    expect(worstExit([r('ports', 'ok', 0), r('cameras', 'skipped', 12)])).toBe(0);
    expect(worstExit([r('disk', 'warn', 17), r('printer', 'fail', 9), r('network', 'fail', 13)])).toBe(9);
    expect(worstExit([r('cameras', 'skipped', 12), r('disk', 'warn', 17)])).toBe(17);
  });

  it('one line per check with its word, then the overall line', () => {
    const lines = summaryTable([r('ports', 'ok', 0), r('idcard', 'skipped', 0), r('printer', 'fail', 8)]);
    expect(lines).toEqual([
      'ports    OK       ports says ok',
      'idcard   SKIPPED  idcard says skipped',
      'printer  FAIL     printer says fail',
      '总体 Overall: FAIL — exit 8 (printer)',
    ]);
  });
});
