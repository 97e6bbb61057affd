import type { ActiveTransport, AmbulanceState } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import {
  BEYOND_COLOR,
  bandColor,
  etaText,
  newSevereCases,
  nextTracks,
  pathTimestamps,
  positionOf,
  remainingSeconds,
  routeBounds,
} from './model';

const amb = (over: Partial<AmbulanceState> = {}): AmbulanceState => ({
  ambulanceId: 'A01',
  plate: '浙J·E1237',
  stationId: 'S01',
  status: 'transporting',
  incidentId: 'X1',
  lon: 121,
  lat: 29,
  headingDeg: 90,
  speedKmh: 60,
  fixAt: '2026-10-03T04:00:00.000Z',
  villageCode: '331023001256',
  ...over,
});

const transport = (over: Partial<ActiveTransport>): ActiveTransport => ({
  incidentId: 'X1',
  status: 'transporting',
  phase: 'to_hospital',
  severity: 'severe',
  injuryType: 'traffic',
  ageBand: '45-64',
  sex: 'M',
  villageCode: '331023105200',
  townshipCode: '331023105',
  scene: [120.85, 29.16],
  calledAt: '2026-10-03T04:00:00.000Z',
  dispatchedAt: null,
  ambulanceId: 'A01',
  hospital: null,
  dispatchHospitalId: null,
  route: null,
  progressM: 0,
  eta: null,
  signals: [],
  ...over,
});

describe('countdown', () => {
  it('counts down from the time the snapshot arrived and stops at zero', () => {
    expect(remainingSeconds(300, 1_000, 1_000)).toBe(300);
    expect(remainingSeconds(300, 1_000, 61_000)).toBe(240);
    expect(remainingSeconds(300, 1_000, 1_000_000)).toBe(0);
  });
});

describe('new severe cases', () => {
  it('announces nothing on the first snapshot, then only severe cases not seen before', () => {
    const list = [transport({ incidentId: 'A' }), transport({ incidentId: 'B', severity: 'minor' })];
    expect(newSevereCases(list, null)).toEqual([]);
    expect(newSevereCases(list, new Set(['A']))).toEqual([]);
    const next = [...list, transport({ incidentId: 'C', severity: 'critical' })];
    expect(newSevereCases(next, new Set(['A', 'B'])).map((t) => t.incidentId)).toEqual(['C']);
  });
});

describe('geometry helpers', () => {
  it('route bounds cover the path, or the scene when there is no route', () => {
    const [[w, s], [e, n]] = routeBounds(
      transport({
        route: {
          distanceM: 1,
          durationS: 1,
          path: [
            [121, 29],
            [121.1, 29.2],
          ],
        },
      }),
    );
    expect(w).toBeLessThan(121);
    expect(e).toBeGreaterThan(121.1);
    expect(s).toBeLessThan(29);
    expect(n).toBeGreaterThan(29.2);
    const [[w2], [e2]] = routeBounds(transport({}));
    expect(w2).toBeLessThan(120.85);
    expect(e2).toBeGreaterThan(120.85);
  });

  it('trip timestamps grow with the distance along the path', () => {
    const ts = pathTimestamps([
      [121, 29],
      [121.01, 29],
      [121.03, 29],
    ]);
    expect(ts[0]).toBe(0);
    expect(ts[1]).toBeCloseTo(333.33, 1);
    expect(ts[2]).toBe(1000);
  });

  it('bands use the ramp, beyond the last band its own colour', () => {
    expect(bandColor(0)).not.toEqual(bandColor(3));
    expect(bandColor(-1)).toBe(BEYOND_COLOR);
  });
});

describe('ambulance tracks', () => {
  it('moves smoothly from where it is drawn to the new fix, never jumping back', () => {
    const first = nextTracks(new Map(), [amb()], 0, 1000);
    expect(positionOf(first.get('A01')!, 0).lon).toBe(121);
    const moved = nextTracks(first, [amb({ lon: 121.01, fixAt: '2026-10-03T04:00:05.000Z' })], 10_000, 1000);
    const t = moved.get('A01')!;
    expect(positionOf(t, 10_000).lon).toBeCloseTo(121, 9);
    expect(positionOf(t, 10_500).lon).toBeCloseTo(121.005, 9);
    expect(positionOf(t, 11_000).lon).toBeCloseTo(121.01, 9);
    expect(positionOf(t, 10_500).headingDeg).toBeCloseTo(90, 0);
    // A newer fix mid-way starts from the drawn position.
    const again = nextTracks(moved, [amb({ lon: 121.02, fixAt: '2026-10-03T04:00:10.000Z' })], 10_500, 1000);
    expect(positionOf(again.get('A01')!, 10_500).lon).toBeCloseTo(121.005, 9);
    // An unchanged fix keeps its track.
    expect(
      nextTracks(again, [amb({ lon: 121.02, fixAt: '2026-10-03T04:00:10.000Z' })], 10_700, 1000).get('A01'),
    ).toBe(again.get('A01'));
  });
});

describe('etaText', () => {
  // 21:39:00 in Beijing.
  const now = Date.parse('2026-12-01T13:39:00Z');
  it('counts down in whole minutes, never as a clock-like m:ss', () => {
    const e = etaText(22 * 60 + 7, now);
    expect(e.countdown).toBe('23 分钟');
    expect(e.countdown).not.toMatch(/\d+:\d\d/);
    expect(e.minutes).toBe(23);
    expect(etaText(600, now).countdown).toBe('10 分钟');
  });
  it('gives the arrival clock time separately, in Beijing time', () => {
    expect(etaText(22 * 60 + 7, now).arrival).toBe('22:01 到达');
  });
  it('says so under a minute and at arrival, and speaks English in English', () => {
    expect(etaText(40, now).countdown).toBe('不足 1 分钟');
    expect(etaText(0, now).countdown).toBe('即将到达');
    expect(etaText(22 * 60 + 7, now, 'en')).toMatchObject({ countdown: '23 min', arrival: 'arrives 22:01' });
  });
});
