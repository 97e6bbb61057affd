import { z } from 'zod';
import { IsoDateTime } from './indicator';
import { LonLatText } from './lonlat';
import { Localized, SnapshotBase } from './snapshot';

const LonLatPair = z
  .tuple([z.number(), z.number()])
  .meta({ description: '[longitude, latitude], WGS84 (approximate positions)' });

export const ParkingOccupancyLevel = z.enum(['ok', 'busy', 'full']).meta({
  id: 'ParkingOccupancyLevel',
  description: 'Map colour class: ok (green) < 85 %, busy (amber) ≥ 85 %, full (red) ≥ 95 %',
});
export type ParkingOccupancyLevel = z.infer<typeof ParkingOccupancyLevel>;

export const ParkingFreePrediction = z
  .object({
    horizonMin: z.number().meta({ description: 'Minutes ahead of the data time' }),
    at: IsoDateTime,
    free: z.number().int().meta({ description: 'Expected free berths' }),
    lower: z.number().int().meta({ description: 'Lower bound of free berths (nominal 90 % band)' }),
    upper: z.number().int().meta({ description: 'Upper bound of free berths (nominal 90 % band)' }),
    method: z.enum(['profile+trend', 'profile', 'persistence', 'none']).meta({
      description:
        'profile+trend: seasonal profile + decaying recent deviation; profile: no recent data; persistence: no history; none: nothing known',
    }),
  })
  .meta({ id: 'ParkingFreePrediction' });
export type ParkingFreePrediction = z.infer<typeof ParkingFreePrediction>;

export const ParkingLot = z
  .object({
    lotId: z.string(),
    name: z.string(),
    kind: z.enum(['off-street', 'on-street']),
    category: z.enum(['scenic', 'hospital', 'core', 'general']),
    lon: z.number(),
    lat: z.number(),
    villageCode: z.string(),
    townshipCode: z.string(),
    berthTotal: z.number().int().meta({ description: 'Berths (个)' }),
    berthFree: z.number().int().meta({ description: 'Free berths now (个)' }),
    berthOccupied: z.number().int(),
    occupancyRate: z
      .number()
      .nullable()
      .meta({ description: 'occupied ÷ total, 0..1; null when total is 0' }),
    level: ParkingOccupancyLevel,
    pricePerHour: z.number().nullable().meta({ description: 'CNY per hour; 0 free; null unknown/none' }),
    updatedAt: IsoDateTime.meta({
      description: 'When the lot last reported (frozen while its sensor is silent)',
    }),
    sensorSilent: z.boolean().meta({ description: 'No report for more than 15 min' }),
    prediction: z.array(ParkingFreePrediction).meta({ description: 'Free berths at +15, +30 and +60 min' }),
  })
  .meta({
    id: 'ParkingLot',
    description: 'A car park (or on-street section) with its live state and prediction',
  });
export type ParkingLot = z.infer<typeof ParkingLot>;

export const ParkingScreenDirection = z.enum(['左', '右', '直行']);

export const ParkingGuideScreen = z
  .object({
    screenId: z.string(),
    name: z.string(),
    lon: z.number(),
    lat: z.number(),
    villageCode: z.string(),
    tier: z
      .union([z.literal(1), z.literal(2), z.literal(3)])
      .meta({ description: '1 main road, 2 within 1–5 intersections of a lot, 3 at a lot entrance' }),
    online: z.boolean(),
    lastHeartbeatAt: IsoDateTime.nullable(),
    directions: z
      .array(
        z.object({
          direction: ParkingScreenDirection,
          lotIds: z.array(z.string()),
          displayed: z.number().nullable().meta({ description: 'What the screen shows (readback), berths' }),
          expectedFree: z
            .number()
            .nullable()
            .meta({ description: 'What it should show: the actual free berths' }),
          expectedText: z.string().meta({ description: "Expected display text: a number, '满' or '--'" }),
        }),
      )
      .meta({ description: 'Per arrow direction: displayed vs expected free berths' }),
    issues: z
      .array(
        z.object({
          code: z.enum(['OFFLINE', 'STALE_HEARTBEAT', 'MISMATCH', 'UNKNOWN_LOT']),
          detail: Localized,
        }),
      )
      .meta({ description: 'Offline, stale heartbeat, or displayed value out of line with the lot' }),
  })
  .meta({
    id: 'ParkingGuideScreen',
    description: '诱导屏 guidance screen with its expected display and issues',
  });
export type ParkingGuideScreen = z.infer<typeof ParkingGuideScreen>;

export const ParkingForecastPoint = z.object({
  at: IsoDateTime,
  rate: z.number().meta({ description: 'Predicted occupancy 0..1' }),
  lower: z.number().meta({ description: 'Lower band, occupancy 0..1' }),
  upper: z.number().meta({ description: 'Upper band, occupancy 0..1' }),
});

export const ParkingOccupancyCurve = z
  .object({
    points: z
      .array(z.object({ at: IsoDateTime, rate: z.number().nullable() }))
      .meta({ description: 'Region occupancy over the last 24 h (15-min steps, then the live value)' }),
    forecast: z
      .array(ParkingForecastPoint)
      .meta({ description: 'Predicted region occupancy (+15/+30/+60 min) with the summed lot bands' }),
  })
  .meta({ id: 'ParkingOccupancyCurve' });
export type ParkingOccupancyCurve = z.infer<typeof ParkingOccupancyCurve>;

export const ParkingFlows = z
  .object({
    windowMinutes: z.number(),
    inflow: z.number().int().meta({ description: 'Entries in the window (辆)' }),
    outflow: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Exits in the window (辆): entries − change of occupied berths' }),
    truncated: z.boolean(),
  })
  .meta({ id: 'ParkingFlows' });

export const ParkingSnapshot = SnapshotBase.extend({
  theme: z.literal('parking'),
  dataTime: IsoDateTime.nullable().meta({
    description: "The platform's time of the data (latest lot report), the 'now' of the predictions",
  }),
  lots: z.array(ParkingLot).meta({ description: 'The lots in the region' }),
  topLotIds: z.array(z.string()).meta({ description: 'Busiest lots first (by occupancy), at most 10' }),
  scenicLotIds: z
    .array(z.string())
    .meta({ description: 'Scenic-area lots (tourist peak watch), busiest first' }),
  occupancy: ParkingOccupancyCurve,
  flows: ParkingFlows.nullable(),
  screens: z
    .array(ParkingGuideScreen)
    .meta({ description: 'Screens in the region or pointing to a lot in it' }),
  demand: z.array(z.object({ lon: z.number(), lat: z.number(), weight: z.number() })).meta({
    description: 'Demand heatmap points: per lot, occupied berths + expected change in the next hour',
  }),
  nearestLots: z
    .array(
      z.object({
        lotId: z.string(),
        name: z.string(),
        villageCode: z.string(),
        distanceM: z.number().meta({ description: 'Straight-line distance from the region’s centroid, m' }),
        berthFree: z.number().int(),
        berthTotal: z.number().int(),
      }),
    )
    .optional()
    .meta({
      description:
        'For a region without lots of its own: the three nearest lots outside it, by straight-line distance from its (approximate) centroid',
    }),
}).meta({ id: 'ParkingSnapshot' });
export type ParkingSnapshot = z.infer<typeof ParkingSnapshot>;

export const ParkingGuidanceQuery = z.object({
  to: LonLatText.meta({ param: { name: 'to', in: 'query' }, description: 'Destination "lon,lat" (WGS84)' }),
  from: LonLatText.optional().meta({
    param: { name: 'from', in: 'query' },
    description: 'Origin "lon,lat"; default: where the driver enters the county road network',
  }),
});

export const ParkingGuidanceReason = z.object({
  code: z
    .string()
    .meta({ description: 'FREE_ON_ARRIVAL, FULL_RISK, SHORT_DRIVE, DRIVE_TIME, SHORT_WALK, WALK, …' }),
  value: z
    .number()
    .nullable()
    .meta({ description: 'The number behind it: berths, seconds, metres or CNY/h' }),
  text: Localized,
});

export const ParkingGuidanceRecommendation = z
  .object({
    rank: z.number().int(),
    lotId: z.string(),
    name: z.string(),
    lon: z.number(),
    lat: z.number(),
    berthTotal: z.number().int(),
    freeNow: z.number().int(),
    freeOnArrival: z.number().int().meta({
      description:
        'Free berths on arrival, cautious: the lower bound of the nominal 90 % prediction band at the drive-time horizon (what the ranking uses)',
    }),
    freeOnArrivalExpected: z
      .number()
      .int()
      .meta({ description: 'Free berths on arrival, expected (point prediction at the drive-time horizon)' }),
    driveSeconds: z.number(),
    walkMeters: z.number(),
    pricePerHour: z.number().nullable(),
    reasons: z.array(ParkingGuidanceReason),
    path: z
      .array(LonLatPair)
      .meta({ description: 'Driving route, origin → lot (road network, approximate)' }),
  })
  .meta({ id: 'ParkingGuidanceRecommendation' });
export type ParkingGuidanceRecommendation = z.infer<typeof ParkingGuidanceRecommendation>;

export const ParkingGuidanceResponse = z
  .object({
    from: LonLatPair,
    to: LonLatPair,
    fromDefault: z.boolean().meta({ description: 'true when the origin is the default network entry' }),
    dataTime: IsoDateTime.nullable(),
    recommendations: z.array(ParkingGuidanceRecommendation),
    estimated: z.boolean().meta({
      description: 'true when any drive time is a straight-line estimate (no road route found)',
    }),
    relaxed: z
      .boolean()
      .meta({ description: 'true when no lot was within walking range and the limit was dropped' }),
  })
  .meta({
    id: 'ParkingGuidanceResponse',
    description: 'The three best lots for a destination, with reasons and routes',
  });
export type ParkingGuidanceResponse = z.infer<typeof ParkingGuidanceResponse>;

export const ParkingLotDetail = z
  .object({
    lot: ParkingLot,
    history: z
      .array(z.object({ at: IsoDateTime, occupied: z.number(), free: z.number() }))
      .meta({ description: 'The last 24 h at 15-min steps' }),
    forecast: z.array(ParkingFreePrediction).meta({ description: 'Free berths at +15 … +120 min' }),
    screens: z.array(ParkingGuideScreen).meta({ description: 'The screens that point to this lot' }),
    recentRecords: z
      .array(
        z.object({
          recordId: z.string(),
          plate: z.string().meta({ description: 'Masked plate, e.g. 浙J·***12' }),
          revealRef: z.string().optional().meta({
            description: 'Opaque id for POST /api/v1/personal/reveal (personal:view, with a reason)',
          }),
          inAt: IsoDateTime,
          outAt: IsoDateTime.nullable(),
        }),
      )
      .meta({ description: 'The latest entries (plates masked)' }),
  })
  .meta({ id: 'ParkingLotDetail' });
export type ParkingLotDetail = z.infer<typeof ParkingLotDetail>;
