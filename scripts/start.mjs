#!/usr/bin/env node
// `npm start`: installs what is missing and builds, then runs the demo (scripts/demo.ts):
// the server on embedded SQLite, demo accounts, the agent console, and the kiosk with a
// simulated GA 467 reader (Electron where its binary exists, the browser otherwise).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { checkNode, ensureBuilds, ensureDebian, ensureNpm, root } from './setup.mjs';

checkNode();
ensureNpm();
// The demo's simulated reader needs socat; without it the kiosk runs with its reader disabled.
ensureDebian(['socat', 'fonts-noto-cjk']);
ensureBuilds();

const child = spawn(
  process.execPath,
  ['--import', 'tsx', join(root, 'scripts', 'demo.ts'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    cwd: root,
  },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
