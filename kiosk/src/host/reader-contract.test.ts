/**
 * The ReaderService contract, run against the FakeReader and against the real GA 467 service on a
 * serial line (serialport on a socat pty pair, the simulator on the other end): the fake must say
 * what the reader says.
 */
import { startSimulatedReaderLine } from '@rvw/sim';
import { DefaultReconnectPolicy } from '../devices/idcard/reconnect';
import { IdCardReaderService } from '../devices/idcard/service';
import { FakeReader } from './fake-reader';
import { describeReaderServiceContract } from './reader-contract';

describeReaderServiceContract(
  'FakeReader',
  async () => {
    const reader = new FakeReader();
    return {
      reader,
      samId: '05.01-20240101-0000000001-0000000001',
      place: (card) => reader.place(card),
      placeUnreadable: () => reader.placeUnreadable(),
      remove: () => reader.remove(),
      unplug: () => reader.unplug(),
      replug: () => reader.replug(),
      setSamSelfTestFailed: (failed) => reader.setSamSelfTestFailed(failed),
      setHung: (hung) => reader.setHung(hung),
      dispose: () => reader.stop(),
    };
  },
  { quietMs: 20 },
);

describeReaderServiceContract('IdCardReaderService on a socat pty pair', async () => {
  const line = await startSimulatedReaderLine();
  const { pair, sim } = line;
  const reader = new IdCardReaderService({
    path: pair.kioskPath,
    pollIntervalMs: 100,
    reconnectPolicy: new DefaultReconnectPolicy({ delays: [100, 200, 400], maxJitterMs: 50 }),
  });
  return {
    reader,
    samId: '05.01-20101111-0000012345-1234567890',
    place: (card) => sim.placeCard(card),
    // A text block of 0xFF bytes carries no card type the driver knows.
    placeUnreadable: () => sim.device.placeRawText(Buffer.alloc(256, 0xff)),
    remove: () => sim.placeCard(null),
    unplug: () => pair.stop(),
    replug: async () => {
      await pair.restart();
      await sim.reopen();
    },
    setSamSelfTestFailed: (failed) => sim.setSamSelfTestFailed(failed),
    setHung: (hung) => sim.setFaults({ silent: hung }),
    dispose: async () => {
      await reader.stop();
      await line.dispose();
    },
  };
});
