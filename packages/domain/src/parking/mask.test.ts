import { describe, expect, it } from 'vitest';
import { maskPlate } from './mask';

describe('maskPlate', () => {
  it.each([
    ['浙J·A12345', '浙J·***45'],
    ['浙JA12345', '浙J·***45'],
    ['浙JD123456', '浙J·***56'], // the product issue's new-energy example (one digit longer than real plates)
    ['浙J·D12345', '浙J·***45'], // new-energy, small car (8 characters)
    ['浙J·12345F', '浙J·***5F'], // new-energy, large vehicle
    ['浙j·a12345', '浙J·***45'], // lower case
    [' 浙J A1234 5 ', '浙J·***45'], // spaces
    ['浙J-A12345', '浙J·***45'],
    ['浙J•A12345', '浙J·***45'],
    ['浙J・A12345', '浙J·***45'],
    ['浙Ｊ·Ａ１２３４５', '浙J·***45'], // full-width letters and digits
    ['京A·B789学', '京A·***9学'], // driving-school plate
    ['粤Z·A123港', '粤Z·***3港'], // Hong Kong cross-border plate
    ['浙J·A123挂', '浙J·***3挂'], // trailer
  ])('%s → %s', (input, expected) => {
    expect(maskPlate(input)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['浙'],
    ['浙J'],
    ['浙J·A123'], // too short
    ['浙J·A12345678'], // too long
    ['J·A12345'], // no province
    ['X浙J·A12345'],
    ['AB·A12345'],
    ['浙1·A12345'], // city code must be a letter
    ['浙J·***45'], // already masked
    ['WJ·12345'], // armed police: no province prefix, not shown
    ['浙J·A12 345 <script>'],
    ['hello world'],
    ['浙J·A1234!'],
    [`浙J·A1234${'x'.repeat(100)}`],
  ])('invalid %j → *** (never echoes input)', (input) => {
    const out = maskPlate(input);
    expect(out).toBe('***');
  });

  it('non-string input → ***', () => {
    expect(maskPlate(null)).toBe('***');
    expect(maskPlate(undefined)).toBe('***');
    expect(maskPlate(12345 as unknown as string)).toBe('***');
  });

  it('never reveals more than province, city letter and last two characters', () => {
    const masked = maskPlate('浙JA98765');
    expect(masked).toBe('浙J·***65');
    for (const ch of ['A', '9', '8', '7']) expect(masked.includes(ch)).toBe(false);
  });
});
