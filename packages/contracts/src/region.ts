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

export const LonLat = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .meta({ id: 'LonLat', description: '[longitude, latitude] in degrees, WGS84' });
export type LonLat = z.infer<typeof LonLat>;

export const BBox = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .meta({ id: 'BBox', description: '[west, south, east, north] in degrees, WGS84' });
export type BBox = z.infer<typeof BBox>;

export const Accuracy = z.enum(['source', 'official', 'approximate']).meta({
  id: 'Accuracy',
  description:
    'source: taken from a published source as is; official: supplied by the deployment (GEO_DIR); approximate: derived, not a legal boundary',
});
export type Accuracy = z.infer<typeof Accuracy>;

export const RegionRef = z
  .object({ code: RegionCode, name: z.string(), level: Level })
  .meta({ id: 'RegionRef', description: 'A region named by its code, name and level' });
export type RegionRef = z.infer<typeof RegionRef>;

export const RegionDetail = z
  .object({
    code: RegionCode,
    name: z.string(),
    level: Level,
    parentCode: RegionCode.nullable().meta({ description: 'The region one level up; null for the county' }),
    path: z.array(RegionRef).meta({ description: 'From the county down to this region itself' }),
    children: z.array(RegionRef).meta({ description: 'The regions one level down; empty for a village' }),
    centroid: LonLat,
    bbox: BBox,
    accuracy: Accuracy,
  })
  .meta({ id: 'RegionDetail', description: 'One region of the county hierarchy' });
export type RegionDetail = z.infer<typeof RegionDetail>;

export const RegionSearchResult = z
  .object({
    query: z.string(),
    results: z.array(
      RegionRef.extend({
        parentName: z
          .string()
          .nullable()
          .meta({ description: 'Name of the parent region, to tell namesakes apart' }),
      }),
    ),
  })
  .meta({ id: 'RegionSearchResult' });
export type RegionSearchResult = z.infer<typeof RegionSearchResult>;
