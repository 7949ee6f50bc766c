#!/usr/bin/env node
// `npm start`: installs what is missing and builds, then runs the demo (scripts/demo.ts):
// the server on embedded SQLite, demo accounts, the agent console, and the kiosk with a
// simulated GA 467 reader (Electron where its binary exists, the browser otherwise), and a
// demo printer (a private CUPS whose printed PDFs land in the data folder) where it can run.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { checkNode, ensureBuilds, ensureDebian, ensureNpm, root } from './setup.mjs';

checkNode();
ensureNpm();
// The demo's simulated reader needs socat; without it the kiosk runs with its reader disabled.
ensureDebian(['socat', 'fonts-noto-cjk']);
ensureBuilds();

// The demo printer needs root and Debian's cups; without them it says so in one line.
if (process.getuid?.() === 0) {
  try {
    ensureDebian(['cups', 'cups-filters']);
  } catch {
    // startDemoPrinter names what is missing.
  }
}
// tsx loads the TypeScript simulator (imported after ensureNpm: a fresh clone has no tsx yet).
const { register } = await import('tsx/esm/api');
register();
const { startDemoPrinter } = await import('@rvw/sim/cups');
const printer = await startDemoPrinter({ dataDir: resolve(root, process.env.RVW_DATA_DIR ?? 'data') });
console.log(printer.line);
// Should this process end without the child's exit (a crash), cupsd must not outlive it.
process.on('exit', () => {
  try {
    if (printer.pid !== null) process.kill(printer.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
});

const child = spawn(
  process.execPath,
  ['--import', 'tsx', join(root, 'scripts', 'demo.ts'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, ...printer.env },
  },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => {
  void printer.stop().finally(() => process.exit(code ?? (signal ? 1 : 0)));
});
