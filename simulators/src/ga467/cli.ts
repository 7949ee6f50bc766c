/**
 * Runs the GA 467 simulator on a serial path with its loopback control API:
 *   tsx simulators/src/ga467/cli.ts --port /tmp/ttyB [--baud 115200] [--control-port N]
 *     [--card resident|hk-macao-taiwan|foreign-permanent|foreign-permanent-2023] [--no-pace]
 * Prints one JSON line when ready: {"ready":true,"port":…,"controlPort":…}.
 */
import { parseArgs } from 'node:util';
import { CardType } from '@rvw/shared';
import { sampleCards } from '../cards';
import { startControlServer } from './control-server';
import { Ga467Simulator } from './simulator';

const USAGE =
  'usage: tsx simulators/src/ga467/cli.ts --port <path> [--baud 115200] [--control-port <n>] [--card <type>] [--no-pace]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      baud: { type: 'string', default: '115200' },
      'control-port': { type: 'string', default: '0' },
      card: { type: 'string' },
      'no-pace': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.port) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const baudRate = Number(values.baud);
  const controlPort = Number(values['control-port']);
  if (!Number.isInteger(baudRate) || baudRate <= 0)
    throw new Error(`--baud must be a positive integer: ${values.baud}`);
  if (!Number.isInteger(controlPort) || controlPort < 0 || controlPort > 65535) {
    throw new Error(`--control-port must be 0..65535: ${values['control-port']}`);
  }
  const sim = new Ga467Simulator({ path: values.port, baudRate, pace: !values['no-pace'] });
  if (values.card) sim.placeCard(sampleCards[CardType.parse(values.card)]);
  await sim.open();
  const control = await startControlServer(sim, controlPort);
  // When socat is restarted (a replug), the pty behind the path is new: reopen it.
  const reopen = setInterval(() => {
    if (!sim.isOpen) sim.open().catch(() => undefined);
  }, 500);
  console.log(JSON.stringify({ ready: true, port: values.port, controlPort: control.port }));
  const shutdown = async () => {
    clearInterval(reopen);
    await control.close();
    await sim.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

main().catch((err: unknown) => {
  console.error(`ga467 simulator: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
