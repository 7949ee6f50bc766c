import { describe, expect, it } from 'vitest';
import { DEMO_ASSESSMENT_RESULTS, demoExternalRecords } from './demo';

// The ID numbers of the sample cards (simulators/src/cards.ts); the e2e tests use the resident card (李秀英).
const SAMPLE_CARDS: Record<string, string> = {
  '310101194803150022': '李秀英',
  '310115196309210031': '王建国',
  '810000199007081010': '陈家明',
  '931826198802140025': '伊丽莎白',
  USA317506150211: '史密斯',
};

describe('demoExternalRecords', () => {
  it('holds an assessment result for every sample card, under its holder’s name', async () => {
    const records = demoExternalRecords();
    for (const [idNumber, name] of Object.entries(SAMPLE_CARDS)) {
      const result = await records.assessmentResult(idNumber);
      expect(result?.name).toBe(name);
      expect(result!.level).toBeGreaterThanOrEqual(0);
      expect(result!.level).toBeLessThanOrEqual(6);
      expect(result!.validUntil > result!.assessedOn).toBe(true);
      expect(result!.review.days).toBeGreaterThan(0);
    }
  });

  it('gives the e2e resident card level 2 (照护二级)', async () => {
    const result = await demoExternalRecords().assessmentResult('310101194803150022');
    expect(result).toMatchObject({ level: 2, levelText: { zh: '照护二级' }, assessedOn: '2026-10-12' });
  });

  it('finds a number however its letters are cased or spaced, and nothing for others', async () => {
    const records = demoExternalRecords();
    expect((await records.assessmentResult(' usa317506150211 '))?.name).toBe('史密斯');
    expect(await records.assessmentResult('110101195001010019')).toBeNull();
    expect(await records.assessmentResult('')).toBeNull();
  });

  it('can hold other results', async () => {
    const records = demoExternalRecords({ X1: DEMO_ASSESSMENT_RESULTS['310101194803150022']! });
    expect((await records.assessmentResult('x1'))?.name).toBe('李秀英');
    expect(await records.assessmentResult('310101194803150022')).toBeNull();
  });
});
