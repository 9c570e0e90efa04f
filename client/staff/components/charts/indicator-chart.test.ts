import { describe, expect, it } from 'vitest';
import { valueAxis } from './indicator-chart.tsx';

describe('indicator chart value axis', () => {
  it('should start at zero and end on a round step above the highest value', () => {
    expect(valueAxis([9.8, 8.7, 6.5, 5])).toEqual({ lo: 0, hi: 10, ticks: [0, 2, 4, 6, 8, 10] });
    expect(valueAxis([61.5, 64, 72, 80])).toEqual({ lo: 0, hi: 80, ticks: [0, 20, 40, 60, 80] });
  });

  it('should reach below zero for negative values and keep every value inside', () => {
    const { lo, hi, ticks } = valueAxis([-3.2, 4.1]);
    expect(lo).toBeLessThanOrEqual(-3.2);
    expect(hi).toBeGreaterThanOrEqual(4.1);
    expect(ticks).toContain(0);
    expect(ticks.every((t) => Number.isFinite(t))).toBe(true);
  });

  it('should give a usable axis for a single zero value', () => {
    const { lo, hi, ticks } = valueAxis([0]);
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThan(0);
    expect(ticks.length).toBeGreaterThan(1);
  });
});
