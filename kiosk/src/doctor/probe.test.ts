import { describe, expect, it } from 'vitest';
import { Ga467Device, sampleCards } from '@rvw/sim';
import { FrameParser, parseRequest } from '../devices/idcard/codec';
import { IdCardErrorCode } from '../devices/idcard/errors';
import { FakeTransport } from '../devices/idcard/fake-transport';
import { DEFAULT_MAX_READ_ATTEMPTS } from '../devices/idcard/rules';
import { readOneCard, withClient } from './probe';

/** Runs readOneCard against `device` on an in-memory line; counts the text reads (30 01). */
function read(device: Ga467Device, timeoutMs: number) {
  let textReads = 0;
  const parser = new FrameParser();
  const transport = () =>
    new FakeTransport({
      respond: (bytes) =>
        parser.push(bytes).flatMap((ev) => {
          if (ev.type !== 'frame') return [];
          const req = parseRequest(ev.frame);
          if (req.cmd === 0x30 && req.para === 0x01) textReads += 1;
          return [device.handle(req)];
        }),
    });
  const result = withClient('/dev/fake', 115200, (c) => readOneCard(c, timeoutMs, 5), transport);
  return { result, textReads: () => textReads };
}

describe('readOneCard', () => {
  it('reads the placed card with the SAM ID', async () => {
    const device = new Ga467Device();
    device.placeCard(sampleCards.resident);
    const { result } = read(device, 1000);
    expect(await result).toEqual({
      card: sampleCards.resident,
      samId: '05.01-20101111-0000012345-1234567890',
    });
  });

  it('gives up on an unreadable card after the driver’s attempts per placement, before the deadline', async () => {
    const device = new Ga467Device();
    device.placeRawText(Buffer.alloc(256, 0xff));
    const started = Date.now();
    const { result, textReads } = read(device, 10_000);
    await expect(result).rejects.toMatchObject({ code: IdCardErrorCode.UnknownCardType });
    expect(textReads()).toBe(DEFAULT_MAX_READ_ATTEMPTS);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('throws IDCARD_NO_CARD when no card comes before the deadline', async () => {
    const { result } = read(new Ga467Device(), 50);
    await expect(result).rejects.toMatchObject({ code: IdCardErrorCode.NoCard });
  });

  it('fails with the SAM fault when the self-test fails even after a reset', async () => {
    const device = new Ga467Device();
    device.samSelfTestFailed = true;
    const { result } = read(device, 50);
    await expect(result).rejects.toMatchObject({ code: IdCardErrorCode.SamSelfTestFailed });
  });
});
