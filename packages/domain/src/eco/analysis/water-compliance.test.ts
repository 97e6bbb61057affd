import { describe, expect, it } from 'vitest';
import { waterCompliance, waterLimitFor } from './water-compliance';

const D = 86_400_000;
const T0 = Date.UTC(2024, 4, 1);

// River, target III. Class II sample; TP 0.25 (IV); latest: TP 0.35 (V) and DO 4 (IV).
const SAMPLES = [
  { atMs: T0 + 2 * D, sample: { ph: 7.4, do: 4, codMn: 3.8, nh3n: 0.4, tp: 0.35 } },
  { atMs: T0, sample: { ph: 7.2, do: 7, codMn: 3, nh3n: 0.3, tp: 0.08 } },
  { atMs: T0 + D, sample: { ph: 7.3, do: 6.5, codMn: 3.5, nh3n: 0.45, tp: 0.25 } },
];

describe('waterCompliance', () => {
  const r = waterCompliance({ sectionId: 'shijiang-01', target: 'III' }, SAMPLES);

  it('share of samples with class ≤ target', () => {
    expect(r.target).toBe(3);
    expect(r.targetLabel).toBe('III');
    expect(r.samples).toBe(3);
    expect(r.compliantSamples).toBe(1);
    expect(r.share).toBeCloseTo(1 / 3, 12);
  });

  it('current class is the latest sample, whatever the input order', () => {
    expect(r.current).toEqual({ atMs: T0 + 2 * D, class: 5, label: 'V', compliant: false });
  });

  it('lists the failing parameters of the latest sample with values and target limits', () => {
    expect(r.failing).toEqual([
      { parameter: 'do', value: 4, class: 4, limit: { min: 5 } },
      { parameter: 'tp', value: 0.35, class: 5, limit: { max: 0.2 } },
    ]);
  });

  it('summarises exceedances over the period', () => {
    expect(r.exceedances).toEqual([
      { parameter: 'do', samples: 1, worstValue: 4, limit: { min: 5 } },
      { parameter: 'tp', samples: 2, worstValue: 0.35, limit: { max: 0.2 } },
    ]);
  });

  it('a numeric target works the same; stricter targets fail more', () => {
    expect(waterCompliance({ sectionId: 's', target: 3 }, SAMPLES).share).toBeCloseTo(1 / 3, 12);
    const ii = waterCompliance({ sectionId: 's', target: 'II' }, SAMPLES);
    expect(ii.compliantSamples).toBe(1);
    expect(ii.exceedances).toEqual([
      { parameter: 'do', samples: 1, worstValue: 4, limit: { min: 6 } },
      { parameter: 'tp', samples: 2, worstValue: 0.35, limit: { max: 0.1 } },
    ]);
    const i = waterCompliance({ sectionId: 's', target: 'I' }, SAMPLES);
    expect(i.compliantSamples).toBe(0);
    expect(i.exceedances.map((e) => [e.parameter, e.samples, e.worstValue])).toEqual([
      ['do', 3, 4],
      ['codMn', 3, 3.8],
      ['nh3n', 3, 0.45],
      ['tp', 3, 0.35],
    ]);
  });

  it('lakes use the lake TP limits and TN', () => {
    const lake = waterCompliance({ sectionId: 'lake', target: 'III', waterbody: 'lake' }, [
      { atMs: T0, sample: { tp: 0.06, tn: 0.9 } },
    ]);
    expect(lake.failing).toEqual([{ parameter: 'tp', value: 0.06, class: 4, limit: { max: 0.05 } }]);
  });

  it('pH out of 6–9 fails with its range as the limit', () => {
    const ph = waterCompliance({ sectionId: 'p', target: 'III' }, [
      { atMs: T0, sample: { ph: 9.5, tp: 0.1 } },
    ]);
    expect(ph.failing).toEqual([{ parameter: 'ph', value: 9.5, class: 6, limit: { min: 6, max: 9 } }]);
  });

  it('no samples → share and current null; 劣V is not a target', () => {
    const e = waterCompliance({ sectionId: 'e', target: 'II' }, []);
    expect(e.share).toBeNull();
    expect(e.current).toBeNull();
    expect(e.failing).toEqual([]);
    expect(() => waterCompliance({ sectionId: 'x', target: '劣V' }, [])).toThrow(RangeError);
    expect(() => waterLimitFor('tp', 6)).toThrow(RangeError);
  });
});

describe('waterCompliance, official method (环办〔2011〕22号)', () => {
  const samples = [{ atMs: 0, sample: { do: 8, codMn: 1.6, nh3n: 0.1, tp: 0.017, tn: 0.72 } }];
  it('a reservoir failing its class II target on TN alone meets it officially', () => {
    const single = waterCompliance({ sectionId: 'r', target: 'II', waterbody: 'lake' }, samples);
    expect(single.current?.compliant).toBe(false);
    expect(single.failing.map((f) => f.parameter)).toEqual(['tn']);
    const official = waterCompliance(
      { sectionId: 'r', target: 'II', waterbody: 'lake', method: 'official' },
      samples,
    );
    expect(official.current).toMatchObject({ label: 'II', compliant: true });
    expect(official.failing).toEqual([]);
    expect(official.exceedances).toEqual([]);
  });
});
