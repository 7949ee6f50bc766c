// Issue 11 #7: a technician adds, lists and changes centres with `rvw-server centre`; agents list
// them; a supervisor changes their own centre's routing only, with partners that exist.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHttpClient, DEFAULT_ROUTING, httpRoutes } from '@rvw/shared';
import { runCli } from '../cli';
import { adminApi, createTestAgent, createTestCentre } from '../testing';
import { useTestServer } from '../testing/hooks';

const t = useTestServer();

function cli(dir: string) {
  let out = '';
  let err = '';
  return {
    run: async (...argv: string[]) => {
      out = '';
      err = '';
      const r = await runCli(['centre', ...argv], {
        env: { RVW_DATA_DIR: dir },
        out: { write: (s: string) => (out += s) },
        err: { write: (s: string) => (err += s) },
      });
      return 'exitCode' in r ? r.exitCode : -1;
    },
    out: () => out,
    err: () => err,
  };
}

describe('centres', () => {
  it('`rvw-server centre add|list|set` manages centres and checks partners and settings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvw-centre-'));
    try {
      const c = cli(dir);
      expect(await c.run('list')).toBe(78);
      expect(c.err()).toMatch(/no database/);
      expect(
        await c.run(
          'add',
          '--id',
          'suzhou-gusu',
          '--name',
          '姑苏区中心',
          '--region',
          '苏州市姑苏区',
          '--mode',
          'offer',
        ),
      ).toBe(0);
      expect(
        await c.run(
          'add',
          '--id',
          'xuhui',
          '--name',
          '徐汇中心',
          '--region',
          '上海市徐汇区',
          '--partners',
          'nowhere',
        ),
      ).toBe(1);
      expect(c.err()).toMatch(/BAD_PAYLOAD/);
      expect(await c.run('set', 'main', '--partners', 'suzhou-gusu', '--overflow-after', '600')).toBe(0);
      expect(await c.run('set', 'main', '--offer-timeout', '1')).toBe(1);
      expect(c.err()).toMatch(/offerTimeoutS/);
      expect(await c.run('set', 'main', '--mode', 'sometimes')).toBe(64);
      expect(await c.run('set', 'nowhere', '--mode', 'pull')).toBe(1);
      expect(c.err()).toMatch(/NOT_FOUND/);

      expect(await c.run('list', '--json')).toBe(0);
      const centres = JSON.parse(c.out()) as Array<{ id: string; partners: string[]; routing: object }>;
      expect(centres.map((x) => [x.id, x.partners])).toEqual([
        ['main', ['suzhou-gusu']],
        ['suzhou-gusu', []],
      ]);
      expect(centres[0]!.routing).toEqual({ ...DEFAULT_ROUTING, overflowAfterS: 600 });
      expect(centres[1]!.routing).toEqual({ ...DEFAULT_ROUTING, mode: 'offer' });
      expect(await c.run('list')).toBe(0);
      expect(c.out()).toMatch(/suzhou-gusu {2}姑苏区中心 {2}\(苏州市姑苏区\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lets agents list centres, and a supervisor change their own centre's routing only", async () => {
    await createTestCentre(t.server, { id: 'south', name: '南区中心' });
    const agent = createHttpClient(httpRoutes, {
      baseUrl: t.url,
      token: (await createTestAgent(t.server)).token,
    });
    expect((await agent.listCentres()).centres.map((c) => c.id)).toEqual(['main', 'south']);

    const admin = await adminApi(t.server);
    const routing = { ...DEFAULT_ROUTING, mode: 'offer' as const, offerTimeoutS: 20 };
    const { centre } = await admin.updateCentreRouting({
      params: { centreId: 'main' },
      body: { routing, partners: ['south'] },
    });
    expect(centre).toMatchObject({ id: 'main', partners: ['south'], routing });
    await expect(
      admin.updateCentreRouting({ params: { centreId: 'main' }, body: { routing, partners: ['nowhere'] } }),
    ).rejects.toMatchObject({ code: 'BAD_PAYLOAD' });
    await expect(
      admin.updateCentreRouting({ params: { centreId: 'south' }, body: { routing, partners: [] } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await agent.listCentres()).centres.find((c) => c.id === 'south')!.routing).toEqual(
      DEFAULT_ROUTING,
    );
  });
});
