/**
 * The demo behind `npm start` (scripts/start.mjs installs and builds first): the server on
 * embedded SQLite in ./data, the demo centres, supervisors, agents and kiosks, the agent console,
 * and the kiosk with a simulated GA 467 reader. Electron where its binary exists; otherwise the browser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, ensureDemoData, loadConfig } from '@rvw/signaling-server';
import {
  startControlServer,
  startSimulatedReaderLine,
  type ControlServer,
  type SimulatedReaderLine,
} from '@rvw/sim';
import { startKioskStack, type KioskStack } from '@rvw/sim/kiosk-stack';
import { accountLines, centreLines, kioskLines, slotLines } from './demo-lines';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The Electron binary's path, or null with the reason it cannot be used. */
function electronBinary(): { path: string } | { reason: string } {
  try {
    const electronPath = createRequire(join(root, 'kiosk', 'package.json'))('electron') as unknown;
    if (typeof electronPath === 'string' && existsSync(electronPath)) return { path: electronPath };
    return { reason: 'the electron package is installed but its binary is missing' };
  } catch {
    return { reason: 'the electron package or its binary could not be installed on this machine' };
  }
}

function hasSocat(): boolean {
  return ['/usr/bin/socat', '/usr/local/bin/socat', '/bin/socat'].some((p) => existsSync(p));
}

async function main(): Promise<void> {
  const env = { RVW_DATA_DIR: join(root, 'data'), ...process.env };
  const config = loadConfig(env);
  // The demo keeps the terminal for people: the server's JSON log goes to a file.
  const server = await createServer({
    ...config,
    logFile: config.logFile ?? join(config.dataDir, 'server.log'),
  });
  const demo = await ensureDemoData(server.db, {
    dataDir: config.dataDir,
    serverUrl: server.url,
    catalogue: { categoryOf: (code) => server.catalogue.get(code)?.category },
  });

  const lines: string[] = [];
  lines.push(`Agent console:   ${server.url}/console/`);
  lines.push(...centreLines(demo));
  lines.push(...accountLines(demo, config.dataDir));
  lines.push(...kioskLines(demo));
  lines.push(...slotLines(demo));

  const socat = hasSocat();
  const electron = electronBinary();
  let stack: KioskStack | null = null;
  let kioskProcess: ChildProcess | null = null;
  let line: SimulatedReaderLine | null = null;
  let control: ControlServer | null = null;

  if ('path' in electron) {
    if (socat) {
      line = await startSimulatedReaderLine();
      control = await startControlServer(line.sim, 0);
    }
    kioskProcess = spawn(electron.path, [join(root, 'kiosk')], {
      stdio: 'inherit',
      env: {
        ...process.env,
        RVW_KIOSK_CONFIG: demo.kioskConfigPath,
        RVW_DEMO: '1',
        RVW_KIOSK_FULLSCREEN: process.env.RVW_KIOSK_FULLSCREEN ?? 'false',
        ...(line ? { RVW_IDCARD_PORT: line.pair.kioskPath } : {}),
        ...(control ? { RVW_DEMO_SIM_CONTROL: `http://127.0.0.1:${control.port}` } : {}),
      },
    });
    lines.push('Kiosk:           the Electron window (demo panel: place a sample card)');
  } else {
    console.log(`Electron cannot run here (${electron.reason}); serving the kiosk in the browser instead.`);
    stack = await startKioskStack({
      serverUrl: server.url,
      kioskToken: demo.kioskToken,
      reader: socat,
      demo: true,
      port: Number(process.env.RVW_KIOSK_WEB_PORT ?? 5174),
      // The demo printer scripts/start.mjs set up (absent: the system default printer).
      printer: process.env.RVW_KIOSK_PRINTER,
      cupsUrl: process.env.RVW_KIOSK_CUPS_URL,
    });
    lines.push(
      `Kiosk (browser): ${stack.url}   (allow camera and microphone; demo panel: place a sample card)`,
    );
  }
  if (!socat) lines.push('ID-card reader:  disabled (install socat to simulate one)');
  lines.push(`Data folder:     ${resolve(config.dataDir)}   (RVW_DATA_DIR)`);
  lines.push(`Server log:      ${config.logFile ?? join(config.dataDir, 'server.log')}`);
  lines.push('Stop with Ctrl+C.');
  console.log(`\n${lines.join('\n')}\n`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    kioskProcess?.kill('SIGTERM');
    await stack?.close();
    await control?.close();
    await line?.dispose();
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  kioskProcess?.on('exit', () => void stop());
}

main().catch((err: unknown) => {
  console.error(`The demo could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
