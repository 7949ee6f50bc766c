import { describe, expect, it } from 'vitest';
import { TokenBucket } from './rate-limit';

describe('TokenBucket', () => {
  it('allows a burst, then refuses, then refills at the rate', () => {
    const b = new TokenBucket(10, 20, 0);
    let allowed = 0;
    for (let i = 0; i < 25; i++) if (b.take(0)) allowed++;
    expect(allowed).toBe(20);
    expect(b.take(0)).toBe(false);
    // 100 ms at 10/s refills exactly one token.
    expect(b.take(100)).toBe(true);
    expect(b.take(100)).toBe(false);
    // A long pause refills to the burst, not beyond.
    let after = 0;
    for (let i = 0; i < 30; i++) if (b.take(60_000)) after++;
    expect(after).toBe(20);
  });

  it('does not go backwards when the clock does', () => {
    const b = new TokenBucket(1, 1, 1000);
    expect(b.take(1000)).toBe(true);
    expect(b.take(500)).toBe(false);
    expect(b.take(1999)).toBe(false);
    expect(b.take(2000)).toBe(true);
  });

  it('validates its options', () => {
    expect(() => new TokenBucket(0)).toThrow(/rate/);
    expect(() => new TokenBucket(1, 0)).toThrow(/burst/);
  });
});
