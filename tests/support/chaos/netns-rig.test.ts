/**
 * The chaos rig's network: as root it makes three namespaces on a bridge, a cut link stops
 * traffic and a restored one carries it again, and teardown leaves nothing behind; run as an
 * ordinary user it refuses with the reason (so that the chaos test fails rather than passes quietly).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { NetnsRig } from './netns-rig';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const rigModule = fileURLToPath(new URL('./netns-rig.ts', import.meta.url));

test('as an ordinary user the rig refuses and says why', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rvw-netns-probe-'));
  chmodSync(dir, 0o755);
  const probe = join(dir, 'probe.ts');
  writeFileSync(
    probe,
    `import { NetnsRig } from ${JSON.stringify(rigModule)};\n` +
      `try { NetnsRig.create(); console.log('CREATED'); } catch (e) { console.log(e.name + ': ' + e.message); }\n`,
  );
  chmodSync(probe, 0o644);
  try {
    const r = spawnSync(process.execPath, ['--import', 'tsx', probe], {
      cwd: repoRoot,
      uid: 65534,
      gid: 65534,
      env: { PATH: process.env.PATH ?? '', HOME: dir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stdout).toContain('NetnsUnavailableError: network namespaces cannot be made here');
    expect(r.stdout).toContain('not root');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

test('as root: three namespaces on a bridge, a cut that cuts, and nothing left after teardown', () => {
  const rig = NetnsRig.create();
  try {
    expect(rig.leftovers()).toHaveLength(7);
    const reach = () =>
      spawnSync(
        'ip',
        [
          'netns',
          'exec',
          rig.net.agent.ns,
          process.execPath,
          '-e',
          `const s=require('net').connect(1,${JSON.stringify(rig.net.kiosk.addr)});` +
            `s.on('error',e=>{console.log(e.code);process.exit(0)});setTimeout(()=>{console.log('TIMEOUT');process.exit(0)},1500)`,
        ],
        { encoding: 'utf8' },
      ).stdout.trim();
    // Nothing listens on port 1: a reachable kiosk answers with a reset, a cut one does not answer.
    expect(reach()).toBe('ECONNREFUSED');
    rig.cut('kiosk', 'down');
    expect(reach()).not.toBe('ECONNREFUSED');
    rig.restore('kiosk');
    rig.cut('kiosk', 'drop');
    expect(reach()).not.toBe('ECONNREFUSED');
    rig.restore('kiosk');
    expect(reach()).toBe('ECONNREFUSED');
  } finally {
    rig.teardown();
  }
  expect(rig.leftovers()).toEqual([]);
}, 60_000);
