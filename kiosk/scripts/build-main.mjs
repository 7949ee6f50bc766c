// Bundles the Electron main process and the preload to CommonJS in kiosk/dist/main.
// electron is provided by the runtime; serialport's native binding stays in node_modules.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const kioskDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = join(kioskDir, '..');

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'info',
  tsconfig: join(repoDir, 'tsconfig.json'),
  external: ['electron'],
};

await build({
  ...common,
  entryPoints: [join(kioskDir, 'src/main/entry.ts')],
  outfile: join(kioskDir, 'dist/main/main.cjs'),
  external: ['electron', 'serialport', '@serialport/*'],
});

// The preload runs sandboxed: it may require only 'electron', so everything else is bundled in.
await build({
  ...common,
  entryPoints: [join(kioskDir, 'src/preload/preload.ts')],
  outfile: join(kioskDir, 'dist/main/preload.cjs'),
  platform: 'browser',
  target: 'chrome130',
});
