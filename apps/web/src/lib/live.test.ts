import { describe, expect, it } from 'vitest';
import { backoffDelay } from './live';

describe('backoffDelay', () => {
  it('doubles per attempt within half to the whole of the cap', () => {
    expect(backoffDelay(0, 1000, () => 0)).toBe(500);
    expect(backoffDelay(0, 1000, () => 1)).toBe(1000);
    expect(backoffDelay(3, 1000, () => 0)).toBe(4000);
    expect(backoffDelay(3, 1000, () => 1)).toBe(8000);
  });
  it('never waits more than 30 s', () => {
    expect(backoffDelay(20, 1000, () => 1)).toBe(30_000);
  });
});
