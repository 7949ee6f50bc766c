/**
 * Every benchmark and tool run from an npm script prepares what it needs (issue 8 #16): after a
 * plain `npm ci`, `npm run bench:call` waited 30 s for a console that was never built. Each such
 * script either runs scripts/setup.mjs first or calls its ensureBuilds / ensureDebian itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scriptsOf = (dir: string) =>
  (JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts;

/**
 * [package folder, npm script, the file it runs, what the file must prepare (a call it makes), and
 * the file that makes the call when the runner leaves it to a module it imports (default: itself)]
 */
const tools: Array<[string, string, string, RegExp | null, string?]> = [
  ['.', 'bench:call', 'tests/bench/call.ts', /ensureBuilds\(\{ only: \['console', 'kiosk'\] \}\)/],
  ['.', 'bench:idcard', 'tests/bench/idcard.ts', /ensureDebian\(\['socat', 'chromium'\]\)/],
  ['.', 'bench:chaos', 'tests/bench/chaos.ts', /ensureBuilds\(\{ only: \['console', 'kiosk'\] \}\)/],
  ['.', 'bench:journey', 'tests/bench/journey.ts', /ensureBuilds\(\{ only: \['console', 'kiosk'\] \}\)/],
  ['kiosk', 'screenshots', 'kiosk/scripts/screenshots.ts', /ensureBuilds\(\{ only: \['kiosk'\] \}\)/],
  [
    'agent-console',
    'screenshots',
    'agent-console/scripts/screenshots.ts',
    /ensureBuilds\(\{ only: \['console'\] \}\)/,
    // The console's screenshot scripts share their rig, which builds the console first.
    'agent-console/scripts/shot-rig.ts',
  ],
  // Product code does not import scripts/: the npm script builds first.
  ['kiosk', 'web', 'kiosk/src/browser-shell/main.ts', null],
];

describe('tools build what they need first', () => {
  it.each(tools)('%s: npm run %s', (dir, name, file, prepares, preparer = file) => {
    const command = scriptsOf(dir)[name]!;
    expect(command).toContain(file.slice(dir === '.' ? 0 : dir.length + 1));
    if (prepares) {
      if (preparer !== file) {
        // The runner starts through the module that prepares, before anything else it does.
        const runner = readFileSync(join(root, file), 'utf8');
        expect(runner).toContain(`from './${preparer.split('/').pop()!.replace(/\.ts$/, '')}'`);
      }
      const source = readFileSync(join(root, preparer), 'utf8');
      expect(source).toContain("from '../../scripts/setup.mjs'");
      expect(source).toMatch(prepares);
    } else {
      expect(command).toMatch(/^node \.\.\/scripts\/setup\.mjs --build kiosk && /);
    }
  });

  it('test:unit runs the unit project only; the end-to-end tests (which need the builds) run through setup', () => {
    const scripts = scriptsOf('.');
    expect(scripts['test:unit']).toBe('vitest run --project unit');
    expect(scripts['test:e2e']).toMatch(/^node scripts\/setup\.mjs && vitest run --project e2e$/);
  });
});
