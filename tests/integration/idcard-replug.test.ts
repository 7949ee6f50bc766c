/**
 * The simulator on a real socat pty pair, replugged. A reply that was being written when the line
 * went away (on a vanished pty a write or its drain may never call back) must not hold up the
 * replies on the new line: after reopen() the reader answers again. The kiosk's reader service is
 * the other end, as in the fleet and ID-card end-to-end tests.
 */
import { afterEach, expect, it } from 'vitest';
import { IdCardReaderService } from '@rvw/kiosk/idcard';
import { startSimulatedReaderLine, type SimulatedReaderLine } from '@rvw/sim';

let line: SimulatedReaderLine | null = null;
let service: IdCardReaderService | null = null;
afterEach(async () => {
  await service?.stop();
  await line?.dispose();
  service = null;
  line = null;
});

/** Resolves once the service reports `state` (now or later). */
const reaches = (svc: IdCardReaderService, state: string): Promise<void> =>
  new Promise((resolve) => {
    if (svc.status.state === state) return resolve();
    const on = (s: { state: string }) => {
      if (s.state !== state) return;
      svc.off('status', on);
      resolve();
    };
    svc.on('status', on);
  });

it('a reply stuck on the unplugged line does not silence the reader once it is plugged back in', async () => {
  line = await startSimulatedReaderLine();
  // The line is going: every write on it from now on never completes.
  const port = (line.sim as unknown as { port: { write: (...args: unknown[]) => boolean } }).port;
  port.write = () => true;
  service = new IdCardReaderService({
    path: line.pair.kioskPath,
    reconnectPolicy: { nextRetryDelayInMs: () => 100 },
  });
  await service.start();
  await reaches(service, 'offline');
  expect(service.status).toMatchObject({ reason: 'IDCARD_TIMEOUT' });

  await line.pair.restart();
  await line.sim.reopen();
  await reaches(service, 'online');
}, 15_000);
