import { describe, expect, it } from 'vitest';
import type { NoiseHourly } from './noise-summary';
import { energyAverageDb, noiseComplianceSummary, noisePeriodOfHour } from './noise-summary';

const bj = (y: number, m: number, d: number, h: number) => Date.UTC(y, m - 1, d, h) - 8 * 3600_000;

/** Hourly samples of Beijing 1 June 2024 06:00 → 2 June 06:00 (a day then its night). */
function dayAndNight(day: (h: number) => number, night: (i: number) => number): NoiseHourly[] {
  const out: NoiseHourly[] = [];
  for (let h = 6; h < 22; h++) out.push({ atMs: bj(2024, 6, 1, h), leq: day(h) });
  for (let i = 0; i < 8; i++) out.push({ atMs: bj(2024, 6, 1, 22 + i), leq: night(i) });
  return out;
}

describe('energyAverageDb', () => {
  it('60 and 70 dB average to 67.4 dB, not 65', () => {
    const l = energyAverageDb([60, 70]);
    expect(l).toBeCloseTo(67.4036, 4); // 10·log10((10^6 + 10^7) / 2)
    expect(l).not.toBeCloseTo(65, 1);
  });

  it('equal levels average to themselves; one loud hour dominates', () => {
    expect(energyAverageDb([55, 55, 55])).toBeCloseTo(55, 12);
    // 15 quiet hours at 50 and one at 80: 10·log10((15·10^5 + 10^8) / 16) ≈ 68.0.
    expect(energyAverageDb([...Array(15).fill(50), 80])).toBeCloseTo(68.0, 1);
    expect(() => energyAverageDb([])).toThrow(RangeError);
  });
});

describe('noisePeriodOfHour', () => {
  it('splits day 06–22 / night 22–06 in Beijing time; after midnight belongs to the previous night', () => {
    expect(noisePeriodOfHour(bj(2024, 6, 1, 5))).toEqual({ period: 'night', date: '2024-05-31' });
    expect(noisePeriodOfHour(bj(2024, 6, 1, 6))).toEqual({ period: 'day', date: '2024-06-01' });
    expect(noisePeriodOfHour(bj(2024, 6, 1, 21))).toEqual({ period: 'day', date: '2024-06-01' });
    expect(noisePeriodOfHour(bj(2024, 6, 1, 22))).toEqual({ period: 'night', date: '2024-06-01' });
    expect(noisePeriodOfHour(bj(2024, 6, 2, 0))).toEqual({ period: 'night', date: '2024-06-01' });
    expect(noisePeriodOfHour(bj(2024, 1, 1, 3))).toEqual({ period: 'night', date: '2023-12-31' });
  });
});

describe('noiseComplianceSummary', () => {
  // Zone 2: day 60, night 50.
  const loud = {
    siteId: 'loud',
    zone: '2' as const,
    // Half the day at 60, half at 70 → Ld 67.4 (arithmetic mean 65; both fail 60 anyway).
    samples: dayAndNight(
      (h) => (h < 14 ? 60 : 70),
      (i) => (i === 3 ? 58.3 : 45),
    ),
  };
  const quiet = {
    siteId: 'quiet',
    zone: '2' as const,
    // Day 58 / 61 alternating: arithmetic mean 59.5 passes, energy mean ≈ 59.8 also passes.
    samples: dayAndNight(
      (h) => (h % 2 === 0 ? 58 : 61),
      () => 44,
    ),
  };
  const borderline = {
    siteId: 'border',
    zone: '1' as const,
    // Zone 1 day 55: 50 and 58 alternate → arithmetic 54 (would pass) but energy ≈ 55.6 fails.
    samples: dayAndNight(
      (h) => (h % 2 === 0 ? 50 : 58),
      () => 40,
    ),
  };
  const s = noiseComplianceSummary([loud, quiet, borderline]);

  it('assesses each site-period on the energy-average Leq', () => {
    const loudDay = s.periods.find((p) => p.siteId === 'loud' && p.period === 'day')!;
    expect(loudDay.hours).toBe(16);
    expect(loudDay.leq).toBeCloseTo(67.4036, 4);
    expect(loudDay.assessment).toEqual({ limit: 60, exceedance: 7.4, compliant: false });
    const borderDay = s.periods.find((p) => p.siteId === 'border' && p.period === 'day')!;
    expect(borderDay.leq).toBeCloseTo(10 * Math.log10((10 ** 5 + 10 ** 5.8) / 2), 10);
    expect(borderDay.assessment.compliant).toBe(false);
    const loudNight = s.periods.find((p) => p.siteId === 'loud' && p.period === 'night')!;
    expect(loudNight.date).toBe('2024-06-01');
    expect(loudNight.hours).toBe(8);
  });

  it('summarises day and night compliance per zone', () => {
    expect(s.zones.map((z) => z.zone)).toEqual(['1', '2']);
    const z2 = s.zones.find((z) => z.zone === '2')!;
    expect(z2.limits).toEqual({ day: 60, night: 50 });
    expect(z2.sites).toBe(2);
    expect(z2.day).toEqual({ periods: 2, compliant: 1, share: 0.5 });
    // Loud night: 7 h at 45 + 1 h at 58.3 → ≈ 50.4 > 50; quiet night 44.
    expect(z2.night).toEqual({ periods: 2, compliant: 1, share: 0.5 });
    const z1 = s.zones.find((z) => z.zone === '1')!;
    expect(z1.day).toEqual({ periods: 1, compliant: 0, share: 0 });
  });

  it('counts night hours over the night limit with the largest exceedance', () => {
    const z2 = s.zones.find((z) => z.zone === '2')!;
    expect(z2.nightExceedances.hours).toBe(1);
    expect(z2.nightExceedances.maxExceedanceDb).toBe(8.3);
    expect(z2.nightExceedances.worst).toEqual({
      siteId: 'loud',
      atMs: bj(2024, 6, 2, 1),
      leq: 58.3,
      exceedanceDb: 8.3,
    });
    const z1 = s.zones.find((z) => z.zone === '1')!;
    expect(z1.nightExceedances).toEqual({ hours: 0, maxExceedanceDb: 0, worst: null });
  });

  it('periods with too few hours are reported but not assessed', () => {
    const thin = noiseComplianceSummary([
      {
        siteId: 't',
        zone: '2',
        samples: dayAndNight(
          () => 70,
          () => 40,
        ).slice(0, 11),
      },
    ]);
    expect(thin.periods[0]).toMatchObject({ hours: 11, sufficient: false });
    expect(thin.zones[0]!.day).toEqual({ periods: 0, compliant: 0, share: null });
    const relaxed = noiseComplianceSummary(
      [
        {
          siteId: 't',
          zone: '2',
          samples: dayAndNight(
            () => 70,
            () => 40,
          ).slice(0, 11),
        },
      ],
      { minDayHours: 11 },
    );
    expect(relaxed.zones[0]!.day).toEqual({ periods: 1, compliant: 0, share: 0 });
  });

  it('validates', () => {
    expect(() => noiseComplianceSummary([{ siteId: 'x', zone: '9' as '1', samples: [] }])).toThrow(
      RangeError,
    );
    expect(() =>
      noiseComplianceSummary([
        {
          siteId: 'x',
          zone: '1',
          samples: [
            { atMs: bj(2024, 6, 1, 8), leq: 50 },
            { atMs: bj(2024, 6, 1, 8), leq: 51 },
          ],
        },
      ]),
    ).toThrow(/two samples/);
  });
});
