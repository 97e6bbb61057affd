import { describe, expect, it } from 'vitest';
import {
  aggregateLots,
  averageDwellMinutes,
  freeBerths,
  hourlyFlows,
  occupancyLevel,
  occupancyRate,
  type ParkingEvent,
  turnoverRate,
} from './kpi';
import { beijingTime, HOUR_MS, MINUTE_MS } from './time';

describe('occupancyRate / freeBerths', () => {
  it('occupied ÷ total', () => {
    expect(occupancyRate({ berthTotal: 200, berthOccupied: 150 })).toBe(0.75);
    expect(occupancyRate({ berthTotal: 8, berthOccupied: 0 })).toBe(0);
    expect(occupancyRate({ berthTotal: 8, berthOccupied: 8 })).toBe(1);
    expect(freeBerths({ berthTotal: 200, berthOccupied: 150 })).toBe(50);
  });

  it('total 0 → null', () => {
    expect(occupancyRate({ berthTotal: 0, berthOccupied: 0 })).toBeNull();
    expect(freeBerths({ berthTotal: 0, berthOccupied: 0 })).toBe(0);
  });

  it('over-occupancy is capped (rate 1, free 0)', () => {
    expect(occupancyRate({ berthTotal: 50, berthOccupied: 57 })).toBe(1);
    expect(freeBerths({ berthTotal: 50, berthOccupied: 57 })).toBe(0);
  });

  it('rejects negative / non-finite counts', () => {
    expect(() => occupancyRate({ berthTotal: -1, berthOccupied: 0 })).toThrow(RangeError);
    expect(() => occupancyRate({ berthTotal: 10, berthOccupied: Number.NaN })).toThrow(RangeError);
  });
});

describe('aggregateLots', () => {
  it('berth-weighted occupancy, not the mean of rates (100/50/10 with 90/10/10 → 110/160)', () => {
    const r = aggregateLots([
      { berthTotal: 100, berthOccupied: 90 },
      { berthTotal: 50, berthOccupied: 10 },
      { berthTotal: 10, berthOccupied: 10 },
    ]);
    expect(r).toEqual({
      lotCount: 3,
      berthTotal: 160,
      berthOccupied: 110,
      berthFree: 50,
      occupancyRate: 0.6875,
    });
    // mean of rates would be (0.9 + 0.2 + 1) / 3 = 0.7
    expect(r.occupancyRate).not.toBeCloseTo(0.7, 3);
  });

  it('empty region → null rate; over-full lot does not create negative free elsewhere', () => {
    expect(aggregateLots([])).toEqual({
      lotCount: 0,
      berthTotal: 0,
      berthOccupied: 0,
      berthFree: 0,
      occupancyRate: null,
    });
    const r = aggregateLots([
      { berthTotal: 10, berthOccupied: 15 },
      { berthTotal: 10, berthOccupied: 0 },
    ]);
    expect(r).toMatchObject({ berthOccupied: 10, berthFree: 10, occupancyRate: 0.5 });
  });
});

describe('turnoverRate', () => {
  const day = { startMs: beijingTime(2025, 5, 6), endMs: beijingTime(2025, 5, 7) };
  it('entries in the window ÷ berths', () => {
    const events: ParkingEvent[] = [
      ...Array.from({ length: 30 }, (_, i) => ({ at: day.startMs + i * HOUR_MS * 0.5, kind: 'in' as const })),
      ...Array.from({ length: 25 }, (_, i) => ({
        at: day.startMs + i * HOUR_MS * 0.5 + 1,
        kind: 'out' as const,
      })),
      { at: day.endMs, kind: 'in' }, // next day (half-open window)
      { at: day.startMs - 1, kind: 'in' }, // previous day
    ];
    expect(turnoverRate(events, 20, day)).toBe(1.5);
  });
  it('null for 0 berths; rejects inverted windows', () => {
    expect(turnoverRate([], 0, day)).toBeNull();
    expect(turnoverRate([], 10, day)).toBe(0);
    expect(() => turnoverRate([], 10, { startMs: 5, endMs: 4 })).toThrow(RangeError);
  });
});

describe('averageDwellMinutes', () => {
  const t0 = beijingTime(2025, 5, 6, 8);
  const sessions = [
    { inAt: t0, outAt: t0 + 30 * MINUTE_MS },
    { inAt: t0, outAt: t0 + 90 * MINUTE_MS },
    { inAt: t0, outAt: null }, // still parked: not counted
    { inAt: t0 + 10 * MINUTE_MS, outAt: t0 }, // exit before entry: bad data
  ];
  it('completed sessions only: (30 + 90) / 2 = 60 min', () => {
    expect(averageDwellMinutes(sessions)).toBe(60);
  });
  it('with a window: sessions that ended inside it, full duration', () => {
    const w = { startMs: t0 + 60 * MINUTE_MS, endMs: t0 + 120 * MINUTE_MS };
    expect(averageDwellMinutes(sessions, w)).toBe(90);
  });
  it('null when nothing completed', () => {
    expect(averageDwellMinutes([{ inAt: t0, outAt: null }])).toBeNull();
    expect(averageDwellMinutes([])).toBeNull();
  });
});

describe('hourlyFlows', () => {
  const start = beijingTime(2025, 5, 6, 8); // 08:00 Beijing = 00:00 UTC
  it('counts entries / exits per Beijing clock hour', () => {
    const events: ParkingEvent[] = [
      { at: start, kind: 'in' },
      { at: start + 59 * MINUTE_MS, kind: 'in' },
      { at: start + 30 * MINUTE_MS, kind: 'out' },
      { at: start + HOUR_MS, kind: 'in' },
      { at: start + 2 * HOUR_MS + 1, kind: 'out' },
      { at: start + 3 * HOUR_MS, kind: 'in' }, // at the window end: excluded
    ];
    const rows = hourlyFlows(events, { startMs: start, endMs: start + 3 * HOUR_MS });
    expect(rows).toEqual([
      { hourStart: start, hour: 8, inflow: 2, outflow: 1 },
      { hourStart: start + HOUR_MS, hour: 9, inflow: 1, outflow: 0 },
      { hourStart: start + 2 * HOUR_MS, hour: 10, inflow: 0, outflow: 1 },
    ]);
  });
  it('a non-aligned window gives partial first/last hours, labelled in Beijing time', () => {
    const ws = beijingTime(2025, 5, 6, 23, 30);
    const rows = hourlyFlows(
      [
        { at: ws - MINUTE_MS, kind: 'in' }, // before the window
        { at: ws + 10 * MINUTE_MS, kind: 'in' },
        { at: ws + 40 * MINUTE_MS, kind: 'out' },
      ],
      { startMs: ws, endMs: ws + 45 * MINUTE_MS },
    );
    expect(rows.map((r) => [r.hour, r.inflow, r.outflow])).toEqual([
      [23, 1, 0],
      [0, 0, 1],
    ]);
    expect(rows[0]!.hourStart).toBe(beijingTime(2025, 5, 6, 23));
  });
  it('empty window → []', () => {
    expect(hourlyFlows([{ at: start, kind: 'in' }], { startMs: start, endMs: start })).toEqual([]);
  });
});

describe('occupancyLevel', () => {
  it('ok < 0.85 ≤ busy < 0.95 ≤ full, inclusive thresholds', () => {
    expect(occupancyLevel(0)).toBe('ok');
    expect(occupancyLevel(0.8499)).toBe('ok');
    expect(occupancyLevel(0.85)).toBe('busy');
    expect(occupancyLevel(85 / 100)).toBe('busy');
    expect(occupancyLevel(0.9499)).toBe('busy');
    expect(occupancyLevel(0.95)).toBe('full');
    expect(occupancyLevel(19 / 20)).toBe('full');
    expect(occupancyLevel(1)).toBe('full');
    expect(() => occupancyLevel(Number.NaN)).toThrow(RangeError);
  });
});
