import { describe, expect, it } from 'vitest';
import { Ga467Device } from '@rvw/sim';
import { FrameParser, parseRequest } from './codec';
import { Ga467Client } from './commands';
import { IdCardError, IdCardErrorCode } from './errors';
import { FakeTransport } from './fake-transport';
import { checkSam, isCardReadFailure, isLineFailure, isSamFault } from './rules';

/** A client on an in-memory line to `device`; `onRequest` sees each request key (e.g. 0x10ff) first. */
async function clientFor(device: Ga467Device, onRequest: (key: number) => void = () => undefined) {
  const parser = new FrameParser();
  const transport = new FakeTransport({
    respond: (bytes) =>
      parser.push(bytes).flatMap((ev) => {
        if (ev.type !== 'frame') return [];
        const req = parseRequest(ev.frame);
        onRequest((req.cmd << 8) | req.para);
        return [device.handle(req)];
      }),
  });
  await transport.open();
  return new Ga467Client(transport);
}

describe('failure rules', () => {
  it('tells a lost or hung line from a failed read of the card', () => {
    const lost = [
      IdCardError.disconnected(),
      IdCardError.timeout('findCard', 500),
      IdCardError.portOpenFailed('/x'),
    ];
    const card = [
      IdCardError.fromStatus(0x41),
      IdCardError.fromStatus(0x40),
      IdCardError.badCardData('birthDate'),
    ];
    for (const e of lost) expect([isLineFailure(e), isCardReadFailure(e)]).toEqual([true, false]);
    for (const e of card) expect([isLineFailure(e), isCardReadFailure(e)]).toEqual([false, true]);
    expect([isLineFailure(new Error('x')), isCardReadFailure(new Error('x'))]).toEqual([false, false]);
  });

  it('calls a failed self-test or an unauthorised SAM a fault, nothing else', () => {
    expect(isSamFault(IdCardError.fromStatus(0x60))).toBe(true);
    expect(isSamFault(IdCardError.fromStatus(0x66))).toBe(true);
    expect(isSamFault(IdCardError.timeout('samStatus', 300))).toBe(false);
  });
});

describe('checkSam', () => {
  it('returns the SAM ID of a healthy reader without a reset', async () => {
    const keys: number[] = [];
    const client = await clientFor(new Ga467Device(), (k) => keys.push(k));
    expect(await checkSam(client)).toBe('05.01-20101111-0000012345-1234567890');
    expect(keys).toEqual([0x11ff, 0x12ff]);
  });

  it('resets once after a failed self-test and goes on when the second look passes', async () => {
    const device = new Ga467Device();
    device.samSelfTestFailed = true;
    const client = await clientFor(device, (k) => {
      if (k === 0x10ff) device.samSelfTestFailed = false;
    });
    const resets: string[] = [];
    expect(await checkSam(client, (e) => resets.push(e.code))).toMatch(/^05\.01-/);
    expect(resets).toEqual([IdCardErrorCode.SamSelfTestFailed]);
  });

  it('throws IDCARD_SAM_SELFTEST_FAILED when the reset does not help', async () => {
    const device = new Ga467Device();
    device.samSelfTestFailed = true;
    const keys: number[] = [];
    const client = await clientFor(device, (k) => keys.push(k));
    await expect(checkSam(client)).rejects.toMatchObject({ code: IdCardErrorCode.SamSelfTestFailed });
    expect(keys.filter((k) => k === 0x10ff)).toHaveLength(1);
  });
});
