import { z } from 'zod';

/** Tiantai County's statistical division code (NBS 2023). */
export const COUNTY_CODE = '331023';

export const Level = z.enum(['county', 'township', 'village']).meta({
  id: 'Level',
  description: 'Administrative level: county (县), township (乡镇/街道) or village (村/社区)',
});
export type Level = z.infer<typeof Level>;

/** The level a region code denotes, from its length alone (6, 9 or 12 digits). */
export function levelOfCode(code: string): Level | undefined {
  switch (code.length) {
    case 6:
      return 'county';
    case 9:
      return 'township';
    case 12:
      return 'village';
    default:
      return undefined;
  }
}

export const RegionCode = z
  .string()
  .regex(/^\d{6}(\d{3}(\d{3})?)?$/, 'a region code has 6 (county), 9 (township) or 12 (village) digits')
  .refine((code) => code.startsWith(COUNTY_CODE), {
    message: `only codes under ${COUNTY_CODE} (天台县) are in the product's area`,
  })
  .meta({
    id: 'RegionCode',
    description: 'NBS statistical division code: 6 digits for the county, 9 for a township, 12 for a village',
    example: '331023105',
  });
export type RegionCode = z.infer<typeof RegionCode>;

/** The code of the region one level up, or undefined for the county. */
export function parentCodeOf(code: string): string | undefined {
  if (code.length === 12) return code.slice(0, 9);
  if (code.length === 9) return code.slice(0, 6);
  return undefined;
}
