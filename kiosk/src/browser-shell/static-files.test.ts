import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveInside } from './static-files';

describe('resolveInside', () => {
  it('keeps paths inside the root', () => {
    expect(resolveInside('/srv/app', '/assets/a.js?v=1')).toBe('/srv/app/assets/a.js');
    expect(resolveInside('/srv/app', '/')).toBe('/srv/app');
  });
  it('never escapes the root, whatever the encoding', () => {
    for (const p of [
      '/../etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/a/../../b',
    ]) {
      const r = resolveInside('/srv/app', p);
      expect(r === null || r.startsWith('/srv/app/') || r === '/srv/app').toBe(true);
    }
    expect(resolveInside('/srv/app', '/%E0%A4%A')).toBeNull();
    expect(resolveInside('/srv/app', '/a%00b')).toBeNull();
  });
  it('types files by extension', () => {
    expect(contentTypeOf('x/index.html')).toContain('text/html');
    expect(contentTypeOf('x/a.bin')).toBe('application/octet-stream');
  });
});
