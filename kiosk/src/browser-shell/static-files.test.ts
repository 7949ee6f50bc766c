import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveInside, serveStatic } from './static-files';

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

describe('serveStatic', () => {
  it('serves the dual-screen stand-in (/dual) as the app, frameable by its own pages only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvw-static-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>kiosk</title>');
    const server = createServer((req, res) => void serveStatic(dir, req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const path of ['/', '/dual', '/?layout=dual', '/?view=video']) {
        const res = await fetch(`${base}${path}`);
        expect(res.status, path).toBe(200);
        expect(await res.text()).toContain('<title>kiosk</title>');
        expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
        expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      }
    } finally {
      server.close();
    }
  });
});
