import { afterEach, describe, expect, it, vi } from 'vitest';
import { Ga467Device, residentWithAppendedAddress, sampleCards } from '@rvw/sim';
import { FrameParser, encodeResponse, parseRequest } from './codec';
import { COMMANDS, Ga467Client, formatSamId, isStaleReply } from './commands';
import { IdCardError, IdCardErrorCode } from './errors';
import { FakeTransport } from './fake-transport';

/** A fake transport answered by the simulator's device model. */
function deviceTransport(device = new Ga467Device()) {
  const parser = new FrameParser();
  const t = new FakeTransport({
    respond: (bytes) => {
      const out: Buffer[] = [];
      for (const ev of parser.push(bytes))
        if (ev.type === 'frame') out.push(device.handle(parseRequest(ev.frame)));
      return out;
    },
  });
  return { t, device };
}

const cmdOf = (b: Buffer) => b.subarray(7, 9).toString('hex');

afterEach(() => {
  vi.useRealTimers();
});

describe('formatSamId', () => {
  it('formats four little-endian groups as vendors print them', () => {
    const b = Buffer.alloc(16);
    b.writeUInt16LE(5, 0);
    b.writeUInt16LE(1, 2);
    b.writeUInt32LE(20101111, 4);
    b.writeUInt32LE(12345, 8);
    b.writeUInt32LE(3000000000, 12);
    expect(formatSamId(b)).toBe('05.01-20101111-0000012345-3000000000');
    expect(formatSamId(b, 9)).toBe('05.01-20101111-000012345-3000000000');
  });

  it('rejects a short SAM ID', () => {
    expect(() => formatSamId(Buffer.alloc(8))).toThrow(IdCardError);
  });
});

describe('isStaleReply', () => {
  const reply = (sw3: number, dataLength = 0) => ({ sw1: 0, sw2: 0, sw3, data: Buffer.alloc(dataLength) });

  it('knows that only a find answers 9F or 80, and that a find never answers 90', () => {
    expect(isStaleReply(COMMANDS.findCard, reply(0x9f, 4))).toBe(false);
    expect(isStaleReply(COMMANDS.findCard, reply(0x80))).toBe(false);
    expect(isStaleReply(COMMANDS.findCard, reply(0x90, 8))).toBe(true);
    expect(isStaleReply(COMMANDS.samStatus, reply(0x80))).toBe(true);
    expect(isStaleReply(COMMANDS.selectCard, reply(0x9f, 4))).toBe(true);
  });

  it('tells replies apart by size: short SAM/find/select replies, long text reads', () => {
    expect(isStaleReply(COMMANDS.readSamId, reply(0x90, 16))).toBe(false);
    expect(isStaleReply(COMMANDS.readSamId, reply(0x90, 1284))).toBe(true);
    expect(isStaleReply(COMMANDS.readTextPhoto, reply(0x90, 1284))).toBe(false);
    expect(isStaleReply(COMMANDS.readTextPhoto, reply(0x90, 8))).toBe(true);
    expect(isStaleReply(COMMANDS.readAppendedAddress, reply(0x90, 70))).toBe(false);
    expect(isStaleReply(COMMANDS.readAppendedAddress, reply(0x90, 1284))).toBe(true);
    // Error statuses can answer any command.
    expect(isStaleReply(COMMANDS.readTextPhoto, reply(0x41))).toBe(false);
  });
});

describe('Ga467Client over the fake transport', () => {
  it('drops a late reply to an earlier request and waits for the reply to this one', async () => {
    // Under load a find can time out and its "no card" (80) arrive while the next command waits.
    const t = new FakeTransport({
      respond: (bytes) => {
        const cmd = cmdOf(bytes);
        if (cmd === '11ff') return [encodeResponse(0, 0, 0x80), encodeResponse(0, 0, 0x90)];
        if (cmd === '2001')
          return [encodeResponse(0, 0, 0x90, Buffer.alloc(8)), encodeResponse(0, 0, 0x9f, Buffer.alloc(4))];
        return undefined;
      },
    });
    await t.open();
    const client = new Ga467Client(t);
    await expect(client.samStatus()).resolves.toBeUndefined();
    await expect(client.findCard()).resolves.toBe(true);
  });

  it('reads all four card kinds through select, read and appended address', async () => {
    const { t, device } = deviceTransport();
    await t.open();
    const client = new Ga467Client(t);
    for (const card of Object.values(sampleCards)) {
      device.placeCard(card);
      expect(await client.findCard()).toBe(true);
      expect(await client.readCard()).toEqual(card);
    }
    expect(t.written.map(cmdOf).slice(0, 4)).toEqual(['2001', '2002', '3001', '3003']);
  });

  it('returns the appended address when the card has one, and drops nothing else', async () => {
    const { t, device } = deviceTransport();
    await t.open();
    device.placeCard(residentWithAppendedAddress);
    expect(await new Ga467Client(t).readCard()).toEqual(residentWithAppendedAddress);
  });

  it('reads text + photo + fingerprint with 30 10', async () => {
    const { t, device } = deviceTransport(new Ga467Device({ fingerprintLength: 1024 }));
    await t.open();
    device.placeCard(sampleCards.resident);
    const client = new Ga467Client(t);
    await client.selectCard();
    const r = await client.readText(true);
    expect(r).toEqual({ card: sampleCards.resident, photoLength: 1024, fingerprintLength: 1024 });
    expect(cmdOf(t.written.at(-1)!)).toBe('3010');
  });

  it('findCard is false on 80 and select fails with IDCARD_SELECT_FAILED when no card lies there', async () => {
    const { t } = deviceTransport();
    await t.open();
    const client = new Ga467Client(t);
    expect(await client.findCard()).toBe(false);
    await expect(client.selectCard()).rejects.toMatchObject({
      code: IdCardErrorCode.SelectFailed,
      sw3: 0x81,
    });
  });

  it('reads the SAM ID and reports a failed self-test as IDCARD_SAM_SELFTEST_FAILED', async () => {
    const { t, device } = deviceTransport();
    await t.open();
    const client = new Ga467Client(t);
    expect(await client.readSamId()).toBe('05.01-20101111-0000012345-1234567890');
    device.samSelfTestFailed = true;
    await expect(client.samStatus()).rejects.toMatchObject({ code: IdCardErrorCode.SamSelfTestFailed });
  });

  it('retries a response with a bad checksum, then succeeds', async () => {
    const { t, device } = deviceTransport();
    await t.open();
    device.placeCard(sampleCards.resident);
    const respond = t.respond;
    let corrupt = 2;
    t.respond = (b) => {
      const r = respond(b) as Buffer[];
      if (corrupt-- > 0) r[0]![r[0]!.length - 1] ^= 0xff;
      return r;
    };
    expect(await new Ga467Client(t, { retries: 2 }).findCard()).toBe(true);
    expect(t.written).toHaveLength(3);
  });

  it('gives up with IDCARD_CHECKSUM after the retries', async () => {
    const { t } = deviceTransport();
    await t.open();
    t.respond = () => {
      const r = encodeResponse(0, 0, 0x90);
      r[r.length - 1] ^= 1;
      return r;
    };
    await expect(new Ga467Client(t, { retries: 1 }).samStatus()).rejects.toMatchObject({
      code: IdCardErrorCode.Checksum,
    });
    expect(t.written).toHaveLength(2);
  });

  it('retries reader-side SW3 10 and 11, never "no card"', async () => {
    const { t } = deviceTransport();
    await t.open();
    const answers = [0x10, 0x11, 0x90];
    t.respond = () => encodeResponse(0, 0, answers.shift()!);
    await new Ga467Client(t).samStatus();
    expect(t.written).toHaveLength(3);

    t.written.length = 0;
    t.respond = () => encodeResponse(0, 0, 0x81);
    await expect(new Ga467Client(t).selectCard()).rejects.toMatchObject({
      code: IdCardErrorCode.SelectFailed,
    });
    expect(t.written).toHaveLength(1);
  });

  it('assembles a response split into pieces with noise before it', async () => {
    const { t } = deviceTransport();
    await t.open();
    const frame = encodeResponse(0, 0, 0x9f, Buffer.alloc(4));
    t.respond = () => [Buffer.from([1, 2, 3]), frame.subarray(0, 4), frame.subarray(4, 9), frame.subarray(9)];
    expect(await new Ga467Client(t).findCard()).toBe(true);
  });

  it('times out per command class (find 500 ms, read 3.5 s) with IDCARD_TIMEOUT', async () => {
    vi.useFakeTimers();
    const t = new FakeTransport();
    await t.open();
    const client = new Ga467Client(t);
    const find = client.findCard();
    const findErr = find.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(499);
    expect(await Promise.race([findErr, Promise.resolve('pending')])).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(await findErr).toMatchObject({ code: IdCardErrorCode.Timeout, command: 'findCard' });

    const read = client.readText().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(3499);
    expect(await Promise.race([read, Promise.resolve('pending')])).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(await read).toMatchObject({ code: IdCardErrorCode.Timeout });
  });

  it('fails a command in flight with IDCARD_DISCONNECTED when the line goes away', async () => {
    const t = new FakeTransport();
    await t.open();
    const pending = new Ga467Client(t).findCard();
    t.unplug();
    await expect(pending).rejects.toMatchObject({ code: IdCardErrorCode.Disconnected, disconnected: true });
  });

  it('serializes overlapping calls: one request on the wire at a time', async () => {
    const { t, device } = deviceTransport();
    await t.open();
    device.placeCard(sampleCards.resident);
    const client = new Ga467Client(t);
    const [a, b, c] = await Promise.all([client.findCard(), client.readSamId(), client.samStatus()]);
    expect([a, typeof b, c]).toEqual([true, 'string', undefined]);
    expect(t.written.map(cmdOf)).toEqual(['2001', '12ff', '11ff']);
  });

  it('maps every documented SW3 to a code with a Chinese and an English sentence', () => {
    const codes = [
      0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x37, 0x3f, 0x40, 0x41, 0x47, 0x60, 0x66, 0x80, 0x81,
      0x91,
    ];
    const seen = new Set<string>();
    for (const sw3 of codes) {
      const e = IdCardError.fromStatus(sw3);
      expect(e.code).toMatch(/^IDCARD_[A-Z_]+$/);
      expect(e.code).not.toBe(IdCardErrorCode.UnknownStatus);
      expect(e.messageZh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.messageEn).toMatch(/^[A-Z][^\u4e00-\u9fff]+\.$/);
      seen.add(e.code);
    }
    expect(seen.size).toBe(codes.length);
    expect(IdCardError.fromStatus(0x80).code).toBe('IDCARD_NO_CARD');
    expect(IdCardError.fromStatus(0x80).retryable).toBe(false);
    expect(IdCardError.fromStatus(0x10).retryable).toBe(true);
    expect(IdCardError.fromStatus(0x5a)).toMatchObject({ code: IdCardErrorCode.UnknownStatus, sw3: 0x5a });
  });
});
