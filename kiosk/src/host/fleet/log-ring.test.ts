import { describe, expect, it } from 'vitest';
import { MAX_DIAGNOSTIC_LINE_CHARS, MAX_DIAGNOSTIC_LOG_LINES } from '@rvw/shared';
import { heldNamesOf, logRing, NAME_MASK, scrubNames } from './log-ring';

const ID = '310101194803157793';
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('log ring', () => {
  it('passes lines through and keeps them without an 18-digit number or the held card’s name', () => {
    const written: string[] = [];
    const ring = logRing({ ...silent, warn: (m) => written.push(m) }, { now: () => new Date(0) });
    let held: { name: string; englishName?: string } | null = { name: '张三丰' };
    ring.setHeldNames(() => heldNamesOf(held));
    ring.logger.warn(`idcard: odd answer for 张三丰 ID${ID}`);
    held = null;
    ring.logger.info('server: connected');

    expect(written).toEqual([`idcard: odd answer for 张三丰 ID${ID}`]);
    const lines = ring.lines();
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toContain(ID);
    expect(lines.join('\n')).not.toContain('张三丰');
    expect(lines[0]).toContain(NAME_MASK);
    expect(lines[0]).toMatch(/^1970-01-01T00:00:00.000Z warn idcard: odd answer for ＊＊ ID310\*+7793$/);
  });

  it('scrubs a name logged before its card was read once the card is held', () => {
    const ring = logRing(silent);
    let held: { name: string; englishName?: string } | null = null;
    ring.setHeldNames(() => heldNamesOf(held));
    ring.logger.info('form: 李四 typed on the screen');
    held = { name: '李四', englishName: 'LI SI' };
    ring.cardHeld();
    held = null;
    ring.logger.info('later: LISI and Li  Si');
    // The first line was rewritten while the card was held; the card is gone now.
    expect(ring.lines()[0]).not.toContain('李四');
    expect(ring.lines()[1]).toContain('LISI');
  });

  it('masks an English name with any spacing', () => {
    expect(scrubNames('a ZHANG  SAN b zhangsan c Zhang San', ['ZHANG SAN'])).toBe(
      `a ${NAME_MASK} b ${NAME_MASK} c ${NAME_MASK}`,
    );
    // A one-character name would mask ordinary words: left alone.
    expect(scrubNames('王 is here', ['王'])).toBe('王 is here');
  });

  it('keeps the last lines only, each within the line limit', () => {
    const ring = logRing(silent);
    for (let i = 0; i < MAX_DIAGNOSTIC_LOG_LINES + 50; i += 1) ring.logger.info(`line ${i}`);
    ring.logger.error('x'.repeat(2000));
    const lines = ring.lines();
    expect(lines).toHaveLength(MAX_DIAGNOSTIC_LOG_LINES);
    expect(lines[0]).toContain('line 51');
    expect(lines.every((l) => l.length <= MAX_DIAGNOSTIC_LINE_CHARS)).toBe(true);
  });
});
