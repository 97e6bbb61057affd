import { describe, expect, it } from 'vitest';
import { layerToggles } from './transform';

describe('layerToggles', () => {
  it('lists the groups offered, in order, with their state', () => {
    expect(layerToggles(['roads', 'water'], ['water', 'places'])).toEqual([
      { group: 'roads', shown: true },
      { group: 'water', shown: false },
    ]);
  });
});
