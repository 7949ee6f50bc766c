import { describe, expect, it } from 'vitest';
import { REVEAL_MS, revealSecondsLeft } from './reveal';

describe('revealSecondsLeft', () => {
  it('counts 30 s down in whole seconds, rounding up, and stops at zero', () => {
    expect(REVEAL_MS).toBe(30_000);
    const start = 1_000_000;
    const until = start + REVEAL_MS;
    expect(revealSecondsLeft(until, start)).toBe(30);
    expect(revealSecondsLeft(until, start + 1)).toBe(30);
    expect(revealSecondsLeft(until, start + 29_001)).toBe(1);
    expect(revealSecondsLeft(until, until)).toBe(0);
    expect(revealSecondsLeft(until, until + 5_000)).toBe(0);
    // The ticking clock may lag the moment of the reveal by up to a second.
    expect(revealSecondsLeft(until, start - 900)).toBe(30);
  });
});
