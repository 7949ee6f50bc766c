/**
 * The deb's post-install script, its dialout part run for real by bash with stand-ins for `id`,
 * `getent` and `usermod` (the machine's own accounts are never touched): which user joins dialout,
 * that it is done once, and that system accounts and odd names are refused.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = readFileSync(fileURLToPath(new URL('../../build/deb-postinst.sh', import.meta.url)), 'utf8');
const MARKER = "# --- the kiosk's user joins dialout";
const dir = mkdtempSync(join(tmpdir(), 'rvw-postinst-'));
const bin = join(dir, 'bin');
const userFile = join(dir, 'user');
const calls = join(dir, 'usermod.log');

// Users as name:uid:groups (comma-separated), read by the stand-ins from FAKE_USERS.
const stub = (name: string, body: string) => {
  execFileSync('mkdir', ['-p', bin]);
  writeFileSync(join(bin, name), `#!/bin/bash\n${body}\n`);
  chmodSync(join(bin, name), 0o755);
};
stub(
  'id',
  `line=$(printf '%s\\n' "$FAKE_USERS" | tr ';' '\\n' | grep "^$2:") || exit 1
case "$1" in -u) echo "$line" | cut -d: -f2 ;; -nG) echo "$line" | cut -d: -f3 | tr ',' ' ' ;; esac`,
);
stub('getent', `[ "$1 $2" = "group dialout" ] && echo "dialout:x:20:"`);
stub('usermod', `echo "$*" >> "${calls}"`);

function run(
  env: Record<string, string>,
  args: string[] = ['configure'],
): { out: string; usermod: string[] } {
  rmSync(calls, { force: true });
  const part = script.slice(script.indexOf(MARKER)).replaceAll('/etc/rvw-kiosk/user', userFile);
  const text = `#!/bin/bash\nset -e\n${script.slice(script.indexOf('case "$1" in'), script.indexOf('esac') + 4)}\n${part}`;
  const path = join(dir, 'part.sh');
  writeFileSync(path, text);
  const out = execFileSync('bash', [path, ...args], {
    env: {
      PATH: `${bin}:/usr/bin:/bin`,
      FAKE_USERS: 'kiosk:1001:kiosk,audio;root:0:root;operator:1002:operator,dialout;nobody:65534:nogroup',
      ...env,
    },
    encoding: 'utf8',
  });
  return { out, usermod: existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [] };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('deb post-install: dialout', () => {
  it('adds the user who installed through sudo', () => {
    const r = run({ SUDO_USER: 'kiosk' });
    expect(r.usermod).toEqual(['-aG dialout kiosk']);
    expect(r.out).toMatch(/added 'kiosk' to dialout \(from sudo\).*next login/);
  });

  it('prefers the user named in /etc/rvw-kiosk/user, and adds nobody twice', () => {
    writeFileSync(userFile, 'kiosk\n');
    try {
      expect(run({ SUDO_USER: 'operator' }).usermod).toEqual(['-aG dialout kiosk']);
      // operator is in dialout already: nothing to do.
      rmSync(userFile);
      const again = run({ SUDO_USER: 'operator' });
      expect(again.usermod).toEqual([]);
      expect(again.out).toMatch(/already in dialout/);
    } finally {
      rmSync(userFile, { force: true });
    }
  });

  it('never adds root, nobody, an unknown user or an odd name, and says how to do it by hand', () => {
    for (const user of ['root', 'nobody', 'ghost', 'kiosk;rm -rf /', '../kiosk']) {
      const r = run({ SUDO_USER: user });
      expect(r.usermod, user).toEqual([]);
    }
    const none = run({});
    expect(none.usermod).toEqual([]);
    expect(none.out).toMatch(/sudo usermod -aG dialout USER/);
  });

  it('does nothing when dpkg aborts', () => {
    expect(run({ SUDO_USER: 'kiosk' }, ['abort-upgrade', '1.0.0']).usermod).toEqual([]);
  });
});
