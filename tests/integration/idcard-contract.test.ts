/**
 * One contract suite for the GA 467 client, run against the in-memory fake transport and against
 * a real serial line (serialport on a socat pty pair, simulator on the other end).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FakeTransport,
  FrameParser,
  Ga467Client,
  IdCardErrorCode,
  SerialTransport,
  parseRequest,
  type Transport,
} from '@rvw/kiosk/idcard';
import { Ga467Device, residentWithAppendedAddress, sampleCards, startSimulatedReaderLine } from '@rvw/sim';

interface Rig {
  transport: Transport;
  device: Ga467Device;
  /** Bytes the device sends unasked. */
  noise(bytes: Buffer): Promise<void>;
  dispose(): Promise<void>;
}

const rigs: [string, () => Promise<Rig>][] = [
  [
    'fake transport',
    async () => {
      const device = new Ga467Device();
      const parser = new FrameParser();
      const transport = new FakeTransport({
        respond: (b) =>
          parser
            .push(b)
            .flatMap((ev) => (ev.type === 'frame' ? [device.handle(parseRequest(ev.frame))] : [])),
      });
      return { transport, device, noise: async (b) => transport.inject(b), dispose: () => transport.close() };
    },
  ],
  [
    'serial line (socat + simulator)',
    async () => {
      const { pair, sim, dispose } = await startSimulatedReaderLine();
      const transport = new SerialTransport(pair.kioskPath, 115200);
      return {
        transport,
        device: sim.device,
        noise: async (b) => {
          await sim.injectNoise(b);
          // Let the bytes cross the pty before the next command is sent.
          await new Promise((r) => setTimeout(r, 30));
        },
        dispose: async () => {
          await transport.close();
          await dispose();
        },
      };
    },
  ],
];

describe.each(rigs)('Ga467Client contract: %s', (_name, makeRig) => {
  let rig: Rig;
  let client: Ga467Client;

  beforeAll(async () => {
    rig = await makeRig();
    await rig.transport.open();
    client = new Ga467Client(rig.transport);
  });

  afterAll(async () => {
    client?.dispose();
    await rig?.dispose();
  });

  it('checks the SAM and reads its ID', async () => {
    await client.samStatus();
    await client.resetSam();
    expect(await client.readSamId()).toBe('05.01-20101111-0000012345-1234567890');
  });

  it('finds no card, and select then fails with IDCARD_SELECT_FAILED', async () => {
    rig.device.placeCard(null);
    expect(await client.findCard()).toBe(false);
    await expect(client.selectCard()).rejects.toMatchObject({ code: IdCardErrorCode.SelectFailed });
  });

  it.each(Object.values(sampleCards).map((c) => [c.cardType, c] as const))(
    'reads a %s card',
    async (_t, card) => {
      rig.device.placeCard(card);
      expect(await client.findCard()).toBe(true);
      expect(await client.readCard()).toEqual(card);
    },
  );

  it('reads the appended address, and none (SW3 91) from a card without one', async () => {
    rig.device.placeCard(residentWithAppendedAddress);
    await client.selectCard();
    expect(await client.readAppendedAddress()).toBe(residentWithAppendedAddress.appendedAddress);
    rig.device.placeCard(sampleCards.resident);
    expect(await client.readAppendedAddress()).toBeUndefined();
  });

  it('ignores noise that arrives between commands', async () => {
    rig.device.placeCard(sampleCards.resident);
    await rig.noise(Buffer.from([0x00, 0x13, 0xaa, 0xaa, 0x42, 0x96, 0x69, 0xff]));
    expect(await client.findCard()).toBe(true);
  });

  it('reports a failed SAM self-test', async () => {
    rig.device.samSelfTestFailed = true;
    await expect(client.samStatus()).rejects.toMatchObject({
      code: IdCardErrorCode.SamSelfTestFailed,
      sw3: 0x60,
    });
    rig.device.samSelfTestFailed = false;
    await client.samStatus();
  });
});
