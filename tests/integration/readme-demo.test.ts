/**
 * The README documents what the demo uses and every variable it honours (issue 8 #16): its ports
 * (8080, 5174), its data folder, and each RVW_* variable that scripts/start.mjs, scripts/demo.ts,
 * scripts/setup.mjs or the kiosk stack read from the environment.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const readme = read('README.md');

it('names every variable the demo reads, its ports, its data folder and the reset command', () => {
  const sources = [
    'scripts/start.mjs',
    'scripts/demo.ts',
    'scripts/setup.mjs',
    'simulators/src/kiosk-stack.ts',
  ];
  const read_ = sources.flatMap((s) => [...read(s).matchAll(/process\.env\.(RVW_\w+)/g)].map((m) => m[1]!));
  // The demo's server takes the server's variables (loadConfig); these are the ones a demo changes.
  const wanted = new Set([...read_, 'RVW_PORT', 'RVW_HOST', 'RVW_DATA_DIR', 'RVW_LOG_FILE', 'RVW_LOG_LEVEL']);
  expect([...wanted].filter((name) => !readme.includes(name))).toEqual([]);
  for (const text of ['8080', '5174', './data', 'npx rvw-server reset-password'])
    expect(readme).toContain(text);
});
