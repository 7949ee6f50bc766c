import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FrameParser,
  checksum,
  decodeFrame,
  encodeRequest,
  encodeResponse,
  parseRequest,
  parseResponse,
} from './codec';
import type { ParserEvent } from './codec';
import { IdCardErrorCode } from './errors';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('encodeRequest: the worked frames of ga467.md', () => {
  it.each([
    ['reset SAM', 0x10, 0xff, 'AA AA AA 96 69 00 03 10 FF EC'],
    ['SAM status', 0x11, 0xff, 'AA AA AA 96 69 00 03 11 FF ED'],
    ['read SAM ID', 0x12, 0xff, 'AA AA AA 96 69 00 03 12 FF EE'],
    ['find card', 0x20, 0x01, 'AA AA AA 96 69 00 03 20 01 22'],
    ['select card', 0x20, 0x02, 'AA AA AA 96 69 00 03 20 02 21'],
    ['read text + photo', 0x30, 0x01, 'AA AA AA 96 69 00 03 30 01 32'],
    ['read text + photo + fingerprint', 0x30, 0x10, 'AA AA AA 96 69 00 03 30 10 23'],
    ['read appended address', 0x30, 0x03, 'AA AA AA 96 69 00 03 30 03 30'],
    ['set baud 115200', 0x60, 0x00, 'AA AA AA 96 69 00 03 60 00 63'],
  ])('%s', (_name, cmd, para, expected) => {
    expect(encodeRequest(cmd, para).equals(hex(expected))).toBe(true);
  });

  it('set max RF bytes carries one data byte', () => {
    expect(
      encodeRequest(0x61, 0xff, Buffer.from([0x50])).equals(hex('AA AA AA 96 69 00 04 61 FF 50 CA')),
    ).toBe(true);
  });

  it('checksum is the XOR from LEN_H to the last data byte', () => {
    expect(checksum(hex('00 03 20 01'))).toBe(0x22);
    expect(checksum(hex('AA AA AA 96 69 00 03 20 01 22'), 5, 9)).toBe(0x22);
  });
});

describe('encodeResponse / decodeFrame', () => {
  it('round-trips a response with data', () => {
    const data = Buffer.from([1, 2, 3, 4]);
    const frame = encodeResponse(0, 0, 0x9f, data);
    expect(frame.readUInt16BE(5)).toBe(3 + 4 + 1);
    expect(frame.length).toBe(7 + 8);
    const res = parseResponse(decodeFrame(frame));
    expect(res).toMatchObject({ sw1: 0, sw2: 0, sw3: 0x9f });
    expect(res.data.equals(data)).toBe(true);
  });

  it('decodes a request', () => {
    expect(parseRequest(decodeFrame(hex('AA AA AA 96 69 00 03 20 01 22')))).toMatchObject({
      cmd: 0x20,
      para: 1,
    });
  });

  it('rejects a bad checksum with IDCARD_CHECKSUM', () => {
    expect(() => decodeFrame(hex('AA AA AA 96 69 00 03 20 01 23'))).toThrow(
      expect.objectContaining({ code: IdCardErrorCode.Checksum }),
    );
  });

  it('rejects a missing preamble and a wrong length with IDCARD_BAD_FRAME', () => {
    expect(() => decodeFrame(hex('AA AA AB 96 69 00 03 20 01 22'))).toThrow(
      expect.objectContaining({ code: IdCardErrorCode.BadFrame }),
    );
    expect(() => decodeFrame(hex('AA AA AA 96 69 00 04 20 01 22'))).toThrow(
      expect.objectContaining({ code: IdCardErrorCode.BadFrame }),
    );
  });
});

const frames = (events: ParserEvent[]) =>
  events.flatMap((e) => (e.type === 'frame' ? [e.frame.body.toString('hex')] : []));

describe('FrameParser', () => {
  it('skips noise before a preamble', () => {
    const p = new FrameParser();
    const ev = p.push(Buffer.concat([hex('01 02 AA 96 FF'), encodeRequest(0x20, 0x01)]));
    expect(frames(ev)).toEqual(['2001']);
    expect(ev[0]).toEqual({ type: 'noise', bytes: 5 });
    expect(p.bufferedBytes).toBe(0);
  });

  it('reassembles a frame split into single bytes', () => {
    const p = new FrameParser();
    const out: ParserEvent[] = [];
    for (const b of encodeResponse(0, 0, 0x90, Buffer.alloc(16, 7))) out.push(...p.push(Buffer.from([b])));
    expect(frames(out)).toEqual(['000090' + '07'.repeat(16)]);
  });

  it('keeps a preamble split across chunks', () => {
    const p = new FrameParser();
    const f = encodeRequest(0x11, 0xff);
    expect(p.push(Buffer.concat([hex('55'), f.subarray(0, 3)]))).toEqual([{ type: 'noise', bytes: 1 }]);
    expect(frames(p.push(f.subarray(3)))).toEqual(['11ff']);
  });

  it('reports a bad checksum and resyncs on the next frame', () => {
    const bad = encodeRequest(0x20, 0x01);
    bad[bad.length - 1] ^= 0xff;
    const ev = new FrameParser().push(Buffer.concat([bad, encodeRequest(0x20, 0x02)]));
    expect(ev.filter((e) => e.type === 'checksum-error')).toHaveLength(1);
    expect(frames(ev)).toEqual(['2002']);
  });

  it('treats a LEN beyond the maximum as noise and finds the frame after it', () => {
    const p = new FrameParser({ maxLen: 64 });
    const ev = p.push(Buffer.concat([hex('AA AA AA 96 69 FF FF 00'), encodeRequest(0x12, 0xff)]));
    expect(frames(ev)).toEqual(['12ff']);
    expect(p.bufferedBytes).toBe(0);
  });

  it('recovers a good frame swallowed by a noisy preamble with a plausible LEN', () => {
    // Noise that looks like a frame start with LEN 20 swallows the start of the real frame.
    const ev = new FrameParser().push(
      Buffer.concat([hex('AA AA AA 96 69 00 14'), encodeRequest(0x30, 0x01)]),
    );
    expect(frames(ev)).toEqual([]);
    // The swallowed frame comes out once enough bytes arrive to close the bogus one.
    const p = new FrameParser();
    const all = p.push(
      Buffer.concat([hex('AA AA AA 96 69 00 05'), encodeRequest(0x30, 0x01), encodeRequest(0x20, 0x01)]),
    );
    expect(frames(all)).toEqual(['3001', '2001']);
  });

  it('validates its options eagerly', () => {
    expect(() => new FrameParser({ maxLen: 2 })).toThrow(TypeError);
    expect(() => new FrameParser({ minLen: 0 })).toThrow(TypeError);
  });
});

// Noise without 0xAA cannot contain or complete a preamble, so frame boundaries stay unambiguous.
const noise = fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a.map((b) => (b === 0xaa ? 0x55 : b))));
const request = fc.record({
  cmd: fc.integer({ min: 0, max: 255 }),
  para: fc.integer({ min: 0, max: 255 }),
  data: fc.uint8Array({ maxLength: 300 }),
});

/** Cuts `buf` at the given fractional points. */
function split(buf: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => Math.floor(c * buf.length)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(buf.subarray(prev, p));
    prev = p;
  }
  out.push(buf.subarray(prev));
  return out;
}

describe('FrameParser properties', () => {
  it('never throws on arbitrary bytes in arbitrary chunks, and stays bounded', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 600 }), { maxLength: 30 }),
        fc.integer({ min: 3, max: 1024 }),
        (chunks, maxLen) => {
          const p = new FrameParser({ maxLen });
          for (const c of chunks) {
            p.push(c);
            expect(p.bufferedBytes).toBeLessThanOrEqual(p.capacity);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays bounded even when a frame start is followed by endless bytes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 200 }),
        fc.uint8Array({ minLength: 1, maxLength: 2000 }),
        (maxLen, tail) => {
          const p = new FrameParser({ maxLen });
          p.push(hex('AA AA AA 96 69'));
          p.push(tail);
          expect(p.bufferedBytes).toBeLessThanOrEqual(7 + maxLen);
        },
      ),
    );
  });

  it('valid frames interleaved with noise and split at random points come out whole and in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(noise, request), { minLength: 1, maxLength: 12 }),
        noise,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 25 }),
        (parts, trailing, cuts) => {
          const expected = parts.map(([, r]) =>
            Buffer.concat([Buffer.from([r.cmd, r.para]), r.data]).toString('hex'),
          );
          const stream = Buffer.concat([
            ...parts.flatMap(([n, r]) => [n, encodeRequest(r.cmd, r.para, r.data)]),
            trailing,
          ]);
          const p = new FrameParser();
          const got: ParserEvent[] = [];
          for (const chunk of split(stream, cuts)) got.push(...p.push(chunk));
          expect(frames(got)).toEqual(expected);
          expect(got.some((e) => e.type === 'checksum-error')).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a corrupted frame is reported and never hides the frames after it', () => {
    fc.assert(
      fc.property(request, request, fc.integer({ min: 1, max: 255 }), (a, b, flip) => {
        const bad = encodeRequest(a.cmd, a.para, a.data);
        bad[bad.length - 1] ^= flip;
        const good = encodeRequest(b.cmd, b.para, b.data);
        const ev = new FrameParser().push(Buffer.concat([bad, good]));
        expect(ev.some((e) => e.type === 'checksum-error')).toBe(true);
        expect(frames(ev).at(-1)).toBe(Buffer.concat([Buffer.from([b.cmd, b.para]), b.data]).toString('hex'));
      }),
      { numRuns: 200 },
    );
  });
});
