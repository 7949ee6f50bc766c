import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idCheckDigit } from '../identity';
import { scrubIdNumbers } from './scrub';

// A valid 18-character resident number (check digit computed), some ending in X.
const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n });
const resident18 = digits(17).map((d) => {
  const first17 = d.join('');
  return first17 + idCheckDigit(first17)!;
});
const endsInX = fc.constant('11010519491231002X');
const old15 = digits(15).map((d) => d.join(''));
const foreignerOld = fc
  .tuple(
    fc.array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), { minLength: 3, maxLength: 3 }),
    digits(12),
  )
  .map(([l, d]) => l.join('') + d.join(''));
const idNumber = fc.oneof(resident18, endsInX, old15, foreignerOld);

// What may stand right next to a number in free text: letters, CJK, punctuation, spaces, digits.
const neighbour = fc.oneof(
  fc.constantFrom(...'abcXYZxIDid'),
  fc.constantFrom(...'身份证号码：，。、'),
  fc.constantFrom(...' -_:;,.=/\\"\'()[]{}#\n\t'),
  fc.constantFrom(...'0123456789'),
);
const around = fc.array(neighbour, { maxLength: 6 }).map((a) => a.join(''));

describe('scrubIdNumbers', () => {
  it('masks a number glued to letters (ID310101194803157793)', () => {
    expect(scrubIdNumbers('ID310101194803157793')).not.toContain('310101194803157793');
    expect(scrubIdNumbers('reason:ID310101194803157793x')).not.toContain('0101194803');
  });

  it('masks a number ending in a digit glued to an old foreigner number (fast-check found it)', () => {
    const out = scrubIdNumbers('104800085000100009XAA000000000000');
    expect(out).not.toContain('XAA000000000000');
    expect(out).not.toContain('104800085000100009');
  });

  it('never leaves a full number, whatever stands around it', () => {
    fc.assert(
      fc.property(around, idNumber, around, (before, id, after) => {
        const out = scrubIdNumbers(before + id + after);
        expect(out).not.toContain(id);
        // Not even the middle (birth date and sequence): only a few edge characters survive.
        expect(out).not.toContain(id.slice(3, -4));
      }),
      { numRuns: 2000 },
    );
  });

  it('masks several numbers in one string', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(around, idNumber), { minLength: 1, maxLength: 4 }), (parts) => {
        const out = scrubIdNumbers(parts.map(([a, id]) => a + id).join(''));
        for (const [, id] of parts) expect(out).not.toContain(id);
      }),
    );
  });

  it('leaves ordinary text, times and short numbers alone', () => {
    for (const s of [
      'ticket A012 accepted at 2026-11-25T10:00:00.000Z',
      '{"time":1764086208000,"pid":1234}',
      'session 1f0e4c2a-9b7d-4e8f-a1b2-c3d4e5f6a7b8 ended',
      '身份证号码 请出示',
    ])
      expect(scrubIdNumbers(s)).toBe(s);
  });
});
