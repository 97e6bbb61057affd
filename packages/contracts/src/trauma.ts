import { z } from 'zod';
import { IsoDateTime } from './indicator';
import { LonLatText } from './lonlat';
import { RegionCode } from './region';
import { Localized, SnapshotBase } from './snapshot';

/**
 * The trauma cockpit (创伤急救绿色通道). Patient identity (name, phone, ID number) never appears in any
 * schema here: a case carries only its age band, sex, severity and injury type.
 */

export const LonLatPair = z
  .tuple([z.number(), z.number()])
  .meta({ id: 'LonLat', description: '[longitude, latitude], WGS84' });

export const TraumaSeverity = z
  .enum(['minor', 'moderate', 'severe', 'critical'])
  .meta({ id: 'TraumaSeverity' });
export const TraumaInjuryType = z
  .enum(['traffic', 'fall', 'burn', 'cardiac', 'stroke', 'other'])
  .meta({ id: 'TraumaInjuryType', description: 'Injury type as recorded by 120 dispatch' });
export const TraumaAgeBand = z
  .enum(['0-14', '15-44', '45-64', '65+', 'unknown'])
  .meta({ id: 'TraumaAgeBand' });
export const TraumaSex = z.enum(['M', 'F', 'unknown']).meta({ id: 'TraumaSex' });

export const PreemptionSignalState = z
  .enum(['pending', 'requested', 'green_held', 'hold_ended', 'released'])
  .meta({
    id: 'PreemptionSignalState',
    description:
      'pending → requested (within 300 m or 30 s, only while the ambulance is moving on its run) → green_held (controller confirmed; at most 90 s) → released (20 m past it). hold_ended: the green went back to the normal cycle before the ambulance passed (the 90 s cap, or the ambulance stopped); it is re-requested when the ambulance moves on (10 s after a cap).',
  });

// ── route endpoint ─────────────────────────────────────────────────────────────────────────────

export const RouteIntersection = z
  .object({
    id: z.string().meta({ description: 'Signalised intersection id (signals.geojson)' }),
    lon: z.number(),
    lat: z.number(),
    etaSeconds: z.number().meta({ description: 'Travel time from the start of the route to it, seconds' }),
  })
  .meta({ id: 'RouteIntersection' });

export const TraumaRoute = z
  .object({
    distanceM: z.number().meta({ description: 'Length along the road, metres' }),
    durationS: z.number().meta({
      description: 'Travel time, seconds: free flow with traffic=none, with time-of-day congestion with live',
    }),
    path: z.array(LonLatPair).meta({ description: 'Polyline from the snapped start to the snapped end' }),
    intersections: z.array(RouteIntersection).meta({ description: 'Signalised intersections in path order' }),
  })
  .meta({ id: 'TraumaRoute', description: 'Shortest-time route on the (approximate) county road network' });
export type TraumaRoute = z.infer<typeof TraumaRoute>;

export const TraumaRouteQuery = z.object({
  from: LonLatText.meta({ param: { name: 'from', in: 'query' } }),
  to: LonLatText.meta({ param: { name: 'to', in: 'query' } }),
  traffic: z
    .enum(['live', 'none'])
    .default('live')
    .meta({
      param: { name: 'traffic', in: 'query' },
      description: 'live: time-of-day congestion; none: free flow',
    }),
});
export type TraumaRouteQuery = z.infer<typeof TraumaRouteQuery>;

// ── snapshot parts ─────────────────────────────────────────────────────────────────────────────

export const HospitalReason = z.object({ code: z.string(), text: Localized }).meta({
  id: 'HospitalReason',
  description: 'One reason of the hospital choice (capability, readiness, ETA)',
});

export const ChosenHospital = z
  .object({
    hospitalId: z.string(),
    name: z.string(),
    etaSeconds: z.number().meta({ description: 'Road ETA from the scene, seconds' }),
    rule: z.enum(['trauma', 'standard']).meta({ description: 'trauma for severe/critical cases' }),
    fallback: z.boolean().meta({ description: 'The ideal hospital tier had no reachable candidate' }),
    reasons: z.array(HospitalReason),
    summary: Localized,
    rejected: z
      .array(
        z.object({
          hospitalId: z.string(),
          name: z.string(),
          etaSeconds: z.number().nullable(),
          summary: Localized,
        }),
      )
      .meta({ description: 'Receiving hospitals not chosen, by ETA, with why' }),
  })
  .meta({ id: 'ChosenHospital', description: 'Destination by ETA and capability, not by distance' });
export type ChosenHospital = z.infer<typeof ChosenHospital>;

export const GreenChannelSignal = z
  .object({
    id: z.string(),
    name: z.string(),
    lon: z.number(),
    lat: z.number(),
    distanceM: z.number().meta({ description: 'Distance from the start of the route, metres' }),
    etaSeconds: z
      .number()
      .meta({ description: 'Remaining time until the ambulance reaches it (0 once passed)' }),
    state: PreemptionSignalState,
    requestedAt: IsoDateTime.nullable(),
    greenAt: IsoDateTime.nullable(),
    releasedAt: IsoDateTime.nullable(),
    holds: z.number().int().nonnegative().optional().meta({
      description: 'Greens given at this signal so far (more than 1 after a capped hold was re-requested)',
    }),
    holdEndsAt: IsoDateTime.nullable()
      .optional()
      .meta({ description: 'While green_held: when the 90 s hold cap releases it' }),
    holdEndedAt: IsoDateTime.nullable()
      .optional()
      .meta({ description: 'While hold_ended: when the hold ended' }),
    holdEndReason: z
      .enum(['cap', 'stationary'])
      .nullable()
      .optional()
      .meta({ description: 'While hold_ended: the 90 s cap, or the ambulance stopped' }),
  })
  .meta({ id: 'GreenChannelSignal', description: 'A signalised intersection on the route, in order' });
export type GreenChannelSignal = z.infer<typeof GreenChannelSignal>;

export const ActiveTransport = z
  .object({
    incidentId: z.string(),
    status: z.enum(['pending', 'dispatched', 'on_scene', 'transporting']),
    phase: z
      .enum(['awaiting_dispatch', 'to_scene', 'on_scene', 'to_hospital'])
      .meta({ description: 'Which leg the route describes (to the scene, or scene to hospital)' }),
    severity: TraumaSeverity,
    injuryType: TraumaInjuryType,
    ageBand: TraumaAgeBand,
    sex: TraumaSex,
    villageCode: RegionCode,
    townshipCode: RegionCode,
    scene: LonLatPair,
    calledAt: IsoDateTime,
    dispatchedAt: IsoDateTime.nullable(),
    ambulanceId: z.string().nullable(),
    hospital: ChosenHospital.nullable().meta({ description: 'The recommended destination' }),
    dispatchHospitalId: z.string().nullable().meta({
      description: 'The hospital 120 dispatch recorded (known once the ambulance leaves the scene)',
    }),
    route: z
      .object({ distanceM: z.number(), durationS: z.number(), path: z.array(LonLatPair) })
      .nullable()
      .meta({ description: 'Route of the current leg (free-flow + congestion), approximate network' }),
    progressM: z.number().meta({ description: 'Distance covered along the route, metres' }),
    eta: z
      .object({
        withPreemptionS: z.number(),
        withoutPreemptionS: z.number(),
        savedS: z.number(),
        arrivalAt: IsoDateTime.meta({ description: 'Expected arrival with pre-emption (for the countdown)' }),
      })
      .nullable()
      .meta({ description: 'Remaining time of the current leg, seconds' }),
    signals: z.array(GreenChannelSignal),
  })
  .meta({
    id: 'ActiveTransport',
    description: 'A case under way, with its green channel (no patient identity)',
  });
export type ActiveTransport = z.infer<typeof ActiveTransport>;

export const AmbulanceState = z
  .object({
    ambulanceId: z.string(),
    plate: z.string(),
    stationId: z.string(),
    status: z.enum(['idle', 'dispatched', 'on_scene', 'transporting', 'at_hospital']),
    incidentId: z.string().nullable(),
    lon: z.number(),
    lat: z.number(),
    headingDeg: z.number(),
    speedKmh: z.number(),
    fixAt: IsoDateTime.meta({ description: 'Time of the GPS fix' }),
    villageCode: RegionCode,
  })
  .meta({ id: 'AmbulanceState' });
export type AmbulanceState = z.infer<typeof AmbulanceState>;

export const HospitalReadiness = z
  .object({
    hospitalId: z.string(),
    name: z.string(),
    kind: z.enum(['hospital', 'health_center']),
    lon: z.number(),
    lat: z.number(),
    villageCode: RegionCode,
    receivesAmbulances: z.boolean(),
    capabilities: z.object({
      traumaCenter: z.boolean(),
      ct: z.boolean(),
      cathLab: z.boolean(),
      burnUnit: z.boolean(),
      pediatrics: z.boolean(),
      surgery: z
        .boolean()
        .optional()
        .meta({ description: 'Emergency surgery (二级 and above unless stated)' }),
      grade: z
        .union([z.literal(1), z.literal(2), z.literal(3)])
        .optional()
        .meta({ description: 'Hospital grade 医院等级: 1 一级 (township health centre), 2 二级, 3 三级' }),
    }),
    edLoad: z.number().nullable().meta({ description: 'Emergency department load, 0..1' }),
    ctAvailable: z.boolean(),
    traumaTeamReady: z.boolean(),
    doorToCtMinutes: z.number().nullable(),
    readiness: z
      .enum(['ready', 'limited', 'overloaded'])
      .meta({ description: 'ready: ED < 85 %; limited: 85–95 % or CT/team down; overloaded: ≥ 95 %' }),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'HospitalReadiness' });
export type HospitalReadiness = z.infer<typeof HospitalReadiness>;

export const AmbulanceStation = z
  .object({
    stationId: z.string(),
    name: z.string(),
    lon: z.number(),
    lat: z.number(),
    ambulanceIds: z.array(z.string()),
  })
  .meta({ id: 'AmbulanceStation' });

export const VillageCoverage = z
  .object({
    villageCode: RegionCode,
    name: z.string(),
    townshipCode: RegionCode,
    lon: z.number(),
    lat: z.number(),
    minutes: z
      .number()
      .nullable()
      .meta({ description: 'Free-flow drive from the nearest station; null = unreachable' }),
    band: z.number().int().meta({ description: 'Index of the 5/10/15/30-minute band, -1 beyond 30 min' }),
    gap: z.boolean().meta({ description: 'Outside 15 minutes' }),
  })
  .meta({ id: 'VillageCoverage' });

export const TownshipCoverage = z
  .object({
    townshipCode: RegionCode,
    name: z.string(),
    villages: z.number().int(),
    gaps: z.number().int(),
    coveredShare: z.number().nullable(),
    worstMinutes: z.number().nullable(),
  })
  .meta({ id: 'TownshipCoverage' });

export const TraumaCoverage = z
  .object({
    thresholdMinutes: z.number(),
    bandsMinutes: z.array(z.number()),
    villages: z
      .array(VillageCoverage)
      .meta({ description: 'Villages of the region, for the isochrone layer' }),
    townships: z
      .array(TownshipCoverage)
      .meta({ description: 'Coverage gaps by township (within the region)' }),
    gaps: z.number().int(),
    coveredShare: z.number().nullable(),
  })
  .meta({
    id: 'TraumaCoverage',
    description: 'Drive-time coverage from the ambulance stations (approximate)',
  });
export type TraumaCoverage = z.infer<typeof TraumaCoverage>;

export const NearbyFacility = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['hospital', 'health_center', 'ambulance_station']),
    driveMinutes: z
      .number()
      .nullable()
      .meta({ description: 'Free-flow drive time over the approximate road network; null: not reachable' }),
    straightKm: z.number().meta({ description: 'Straight-line distance, km' }),
  })
  .meta({ id: 'NearbyFacility' });
export type NearbyFacility = z.infer<typeof NearbyFacility>;

export const NearestFacilities = z
  .object({
    from: z.object({ regionCode: z.string(), lon: z.number(), lat: z.number() }).meta({
      description: "The point measured from: the village's position (approximate)",
    }),
    stations: z
      .array(NearbyFacility)
      .meta({ description: 'The three nearest ambulance stations by drive time' }),
    hospitals: z
      .array(NearbyFacility)
      .meta({ description: 'The three nearest hospitals and health centres that receive ambulances' }),
  })
  .meta({
    id: 'NearestFacilities',
    description:
      "A village's nearest 120 stations and receiving hospitals: a village has none of its own, so its screen shows what serves it",
  });
export type NearestFacilities = z.infer<typeof NearestFacilities>;

/** The trauma cockpit's snapshot. */
export const TraumaSnapshot = SnapshotBase.extend({
  theme: z.literal('trauma'),
  asOf: IsoDateTime.nullable().meta({ description: 'Time of the 120 dispatch data' }),
  transports: z.array(ActiveTransport).meta({ description: 'Active cases in the region, most urgent first' }),
  ambulances: z.array(AmbulanceState).meta({ description: 'The whole fleet (it serves every region)' }),
  hospitals: z.array(HospitalReadiness),
  stations: z.array(AmbulanceStation),
  coverage: TraumaCoverage,
  networkAccuracy: z.enum(['approximate', 'source']),
  nearest: NearestFacilities.optional().meta({ description: 'At village level only' }),
}).meta({
  id: 'TraumaSnapshot',
  description: '创伤急救快速响应: the ambulance green channel for one region',
});
export type TraumaSnapshot = z.infer<typeof TraumaSnapshot>;
