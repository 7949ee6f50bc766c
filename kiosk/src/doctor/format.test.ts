import { describe, expect, it } from 'vitest';
import { sampleCards } from '@rvw/sim';
import { JSON_FIELDS, cardJson, cardLines, maskCard } from './format';
import { EXIT, exitCodeOf, runDoctor } from './cli';
import { IdCardError } from '../devices/idcard/errors';

const samId = '05.01-20101111-0000012345-1234567890';

describe('kiosk-doctor output', () => {
  it.each(Object.values(sampleCards).map((c) => [c.cardType, c] as const))(
    '%s: --json carries only the documented fields and hides the number unless --show',
    (_t, card) => {
      const masked = cardJson({ card, samId }, false);
      const shown = cardJson({ card, samId }, true);
      for (const json of [masked, shown]) {
        expect(Object.keys(json).every((k) => (JSON_FIELDS as readonly string[]).includes(k))).toBe(true);
      }
      expect(shown.idNumber).toBe(card.idNumber);
      expect(JSON.stringify(masked)).not.toContain(card.idNumber);
      expect(JSON.stringify(cardLines({ card, samId }, false))).not.toContain(card.idNumber);
      expect(masked.samId).toBe(samId);
    },
  );

  it('reads codes in both languages for people: gender, 长期 and the check-digit verdict', () => {
    const lines = cardLines({ card: sampleCards.resident, samId }, false);
    expect(lines).toContain('性别 Gender: 女 female');
    expect(lines).toContain('有效期止 Valid to: 长期 long-term');
    expect(lines).toContain('校验 Check digit valid: 是 yes');
  });

  it('masks name, birth date, address and pass number, and keeps what is not identifying', () => {
    const m = maskCard(sampleCards['hk-macao-taiwan']);
    expect(m).toMatchObject({
      name: '陈**',
      birthDate: '1990-**-**',
      idNumber: '810***********1010',
      passNumber: '*******78',
      gender: 'male',
      validTo: '2026-09-01',
    });
    expect(m.address!.startsWith('上海市徐汇区')).toBe(true);
    expect(m.address).not.toContain('钦州');
  });

  it('maps errors to exit codes', () => {
    expect(exitCodeOf(IdCardError.portOpenFailed('/dev/x'))).toBe(EXIT.PortUnavailable);
    expect(exitCodeOf(IdCardError.timeout('samStatus', 300))).toBe(EXIT.NoReader);
    expect(exitCodeOf(IdCardError.fromStatus(0x60))).toBe(EXIT.SamFault);
    expect(exitCodeOf(IdCardError.fromStatus(0x80))).toBe(EXIT.NoCard);
    expect(exitCodeOf(IdCardError.fromStatus(0x41))).toBe(EXIT.ReadFailed);
  });

  it('rejects bad command lines with exit 2 and a sentence', async () => {
    const err: string[] = [];
    const io = { out: () => undefined, err: (l: string) => err.push(l) };
    expect(await runDoctor(['scan'], io)).toBe(EXIT.Usage);
    expect(await runDoctor(['idcard', '--port', '/dev/x', '--timeout', 'soon'], io)).toBe(EXIT.Usage);
    expect(await runDoctor(['idcard', '--bogus'], io)).toBe(EXIT.Usage);
    expect(err.join('\n')).toMatch(/Usage error/);
  });
});
