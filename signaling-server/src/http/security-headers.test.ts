import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@rvw/signaling-server/testing';

// Issue 7 #13b: the console's build must not hand out source maps, and every answer carries the
// security headers a browser enforces.
describe('the console and the API in a browser', () => {
  let t: TestServer;

  beforeAll(async () => {
    const consoleDir = mkdtempSync(join(tmpdir(), 'rvw-console-'));
    mkdirSync(join(consoleDir, 'assets'));
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(consoleDir, 'assets', 'app.js'), 'console.log(1);\n//# sourceMappingURL=app.js.map');
    writeFileSync(join(consoleDir, 'assets', 'app.js.map'), '{"version":3,"sources":["secret.ts"]}');
    t = await startTestServer({ consoleDir });
  });
  afterAll(async () => t.close());

  it('never serves a source map, even when the build folder has one', async () => {
    expect((await fetch(`${t.url}/console/assets/app.js`)).status).toBe(200);
    const map = await fetch(`${t.url}/console/assets/app.js.map`);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain('secret.ts');
  });

  it.each(['/console/', '/console/queue', '/api/health'])(
    'sends the security headers on %s',
    async (path) => {
      const res = await fetch(`${t.url}${path}`);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    },
  );
});
