import { describe, expect, it } from 'vitest';
import { kioskViewFrom, kioskViewUrl } from './views';

describe('kiosk views', () => {
  it('reads the view from the query string, both when absent or unknown', () => {
    expect(kioskViewFrom('?view=video')).toBe('video');
    expect(kioskViewFrom('?lang=en&view=touch')).toBe('touch');
    expect(kioskViewFrom('?view=both')).toBe('both');
    expect(kioskViewFrom('')).toBe('both');
    expect(kioskViewFrom('?view=VIDEO')).toBe('both');
    expect(kioskViewFrom('?view=admin')).toBe('both');
  });

  it('writes the view into a page URL, keeping the rest', () => {
    expect(kioskViewUrl('app://kiosk/index.html', 'video')).toBe('app://kiosk/index.html?view=video');
    expect(kioskViewUrl('http://127.0.0.1:5174/?view=both&x=1', 'touch')).toBe(
      'http://127.0.0.1:5174/?view=touch&x=1',
    );
    expect(kioskViewFrom(new URL(kioskViewUrl('app://kiosk/index.html', 'touch')).search)).toBe('touch');
  });
});
