// Rates with zero denominators and the direction of an outcome change (pure).
import { describe, expect, it } from 'vitest';
import { changeDirection, rate, roundedRate } from './rates.ts';

describe('rate', () => {
  it('divides, and is null (no data) when there is nothing to divide by', () => {
    expect(rate(3, 4)).toBe(0.75);
    expect(rate(0, 4)).toBe(0);
    expect(rate(0, 0)).toBeNull();
    expect(rate(5, 0)).toBeNull();
    expect(rate(1, -1)).toBeNull();
    expect(rate(Number.NaN, 3)).toBeNull();
  });

  it('rounds to 0.1 %', () => {
    expect(roundedRate(2 / 3)).toBe(0.667);
    expect(roundedRate(1 / 8)).toBe(0.125);
    expect(roundedRate(null)).toBeNull();
  });
});

describe('changeDirection', () => {
  const c = (meanChange: number | null, ciLow: number | null, ciHigh: number | null) => ({ meanChange, ciLow, ciHigh });
  it('is better or worse only when the interval excludes zero, by the instrument’s direction', () => {
    expect(changeDirection(c(7, 3, 11), true)).toBe('better');
    expect(changeDirection(c(7, 3, 11), false)).toBe('worse');
    expect(changeDirection(c(-6, -10, -2), true)).toBe('worse');
    expect(changeDirection(c(-6, -10, -2), false)).toBe('better');
  });

  it('is steady when the interval includes zero (even touching it)', () => {
    expect(changeDirection(c(2, -1, 5), true)).toBe('steady');
    expect(changeDirection(c(3, 0, 6), true)).toBe('steady');
    expect(changeDirection(c(0, 0, 0), true)).toBe('steady');
  });

  it('is unknown when withheld or without an interval', () => {
    expect(changeDirection(null, true)).toBe('unknown');
    expect(changeDirection(c(null, null, null), true)).toBe('unknown');
    expect(changeDirection(c(5, null, null), true)).toBe('unknown');
  });
});
