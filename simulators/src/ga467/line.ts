/** The GA 467 simulator on the device end of a socat pty pair: a reader on a real serial line. */
import { Ga467Simulator, type Ga467SimulatorOptions } from './simulator';
import { startPtyPair } from '../pty-pair';
import type { PtyPair } from '../pty-pair';

/** A running simulated reader line; the kiosk end is `pair.kioskPath`. */
export interface SimulatedReaderLine {
  pair: PtyPair;
  sim: Ga467Simulator;
  /** Closes the simulator, then the pty pair. */
  dispose(): Promise<void>;
}

/** Starts a pty pair and opens the simulator on its device end (simulator defaults: 115200, paced). */
export async function startSimulatedReaderLine(
  options: Omit<Ga467SimulatorOptions, 'path'> = {},
): Promise<SimulatedReaderLine> {
  const pair = await startPtyPair();
  const sim = new Ga467Simulator({ ...options, path: pair.devicePath });
  try {
    await sim.open();
  } catch (e) {
    await pair.dispose();
    throw e;
  }
  return {
    pair,
    sim,
    async dispose() {
      await sim.close();
      await pair.dispose();
    },
  };
}
