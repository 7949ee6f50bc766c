import { describe, expect, it } from 'vitest';
import { DisplayReport } from '@rvw/shared';
import { displayReports } from './displays';

describe('displayReports', () => {
  it('maps Electron’s displays, marking the primary and touch', () => {
    const reports = displayReports(
      [
        { id: 1, bounds: { width: 1920, height: 1080 }, touchSupport: 'unavailable' },
        { id: 2, bounds: { width: 1080, height: 1920 }, touchSupport: 'available' },
        { id: 3, bounds: { width: 800, height: 600 }, touchSupport: 'unknown' },
        { id: 4, bounds: { width: 0, height: 0 } },
      ],
      2,
    );
    expect(reports).toEqual([
      { id: '1', width: 1920, height: 1080, primary: false, touch: false },
      { id: '2', width: 1080, height: 1920, primary: true, touch: true },
      { id: '3', width: 800, height: 600, primary: false, touch: null },
    ]);
    for (const r of reports) DisplayReport.parse(r);
  });
});
