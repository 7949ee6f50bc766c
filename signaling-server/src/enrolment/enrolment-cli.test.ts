// `rvw-server enrolment-code`: a technician issues a code on the server; a kiosk redeems it over
// HTTP on the running server; bad command lines and unknown centres exit 64 without a code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli';
import { useTestServer } from '../testing/hooks';

const t = useTestServer();

function capture(dataDir: string) {
  let out = '';
  let err = '';
  return {
    io: {
      env: { RVW_DATA_DIR: dataDir },
      out: { write: (s: string) => (out += s) },
      err: { write: (s: string) => (err += s) },
    },
    out: () => out,
    err: () => err,
  };
}

describe('rvw-server enrolment-code', () => {
  it('prints a code once that a kiosk redeems on the running server', async () => {
    const c = capture(t.dataDir);
    const r = await runCli(
      ['enrolment-code', '--location', '天平路 居委会', '--kind', 'portable', '--hours', '2'],
      c.io,
    );
    expect(r).toEqual({ exitCode: 0 });
    const code = /^([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2})$/m.exec(c.out())![1]!;
    const row = await t.server.db.selectFrom('enrolment_codes').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ created_by: null, centre_id: 'main', kind: 'portable' });
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(2 * 3_600_000);

    const res = await fetch(`${t.url}/api/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { kiosk: { location: string } }).kiosk.location).toBe('天平路 居委会');
  });

  it('exits 64 without a location, with a bad kind or hours, or for an unknown centre', async () => {
    for (const args of [
      [],
      ['--location', 'L', '--kind', 'mobile'],
      ['--location', 'L', '--hours', '200'],
      ['--location', 'L', '--hours', 'soon'],
      ['--location', 'L', '--centre', 'nowhere'],
    ]) {
      const c = capture(t.dataDir);
      expect(await runCli(['enrolment-code', ...args], c.io)).toEqual({ exitCode: 64 });
      expect(c.out()).toBe('');
    }
    expect(await t.server.db.selectFrom('enrolment_codes').select('id').execute()).toEqual([]);
  });

  it('never creates a database in a folder without one (exit 78)', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'rvw-enrol-cli-'));
    try {
      const c = capture(empty);
      expect(await runCli(['enrolment-code', '--location', 'L'], c.io)).toEqual({ exitCode: 78 });
      expect(c.err()).toMatch(/RVW_DATA_DIR/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
