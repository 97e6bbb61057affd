/**
 * Water section compliance (断面达标) against its target class (水质目标), GB 3838-2002 single-factor.
 *
 * - Each sample is classified with `classifyWater`; it complies when its class ≤ the target class.
 *   share = complying samples ÷ samples (null with no sample).
 * - `current` is the latest sample (by `atMs`); `failing` lists the parameters of that sample whose
 *   per-parameter class is worse than the target, with the measured value and the target class's limit
 *   (`max` for pollutants, `min` for dissolved oxygen, both for pH 6–9).
 * - `exceedances` summarise every parameter that failed the target in any sample of the period: how
 *   many samples, and the worst value (highest; lowest for DO; farthest from 6–9 for pH).
 * - The target is a class I–V (label or number); 劣V is not a target.
 */
import type { Waterbody, WaterClass, WaterLabel, WaterParameter, WaterSample } from '../water';
import { classifyWater, WATER_CLASSES, WATER_LIMITS, WATER_PARAMETERS, WATER_PH_RANGE } from '../water';

export interface WaterSection {
  sectionId: string;
  /** Target class, e.g. 'III' or 3. */
  target: WaterLabel | WaterClass;
  /** Default 'river'. */
  waterbody?: Waterbody;
  /**
   * 'single-factor' (default): every GB 3838 item classifyWater applies, TN included for lakes.
   * 'official': the section class of 环办〔2011〕22号 (see assessSection): TN is left out of the class,
   * so it neither fails the target nor appears in `failing` / `exceedances`.
   */
  method?: 'single-factor' | 'official';
}

export interface DatedWaterSample {
  atMs: number;
  sample: WaterSample;
}

export interface WaterLimit {
  min?: number;
  max?: number;
}

export interface FailingParameter {
  parameter: WaterParameter;
  value: number;
  class: WaterClass;
  /** The target class's limit. */
  limit: WaterLimit;
}

export interface ParameterExceedance {
  parameter: WaterParameter;
  samples: number;
  worstValue: number;
  limit: WaterLimit;
}

export interface WaterComplianceResult {
  sectionId: string;
  target: WaterClass;
  targetLabel: WaterLabel;
  samples: number;
  compliantSamples: number;
  share: number | null;
  current: { atMs: number; class: WaterClass; label: WaterLabel; compliant: boolean } | null;
  failing: FailingParameter[];
  exceedances: ParameterExceedance[];
}

function targetClass(t: WaterLabel | WaterClass): WaterClass {
  const info = WATER_CLASSES.find((c) => c.class === t || c.label === t);
  if (!info || info.class === 6) {
    throw new RangeError(`waterCompliance: target must be a class I–V, got ${JSON.stringify(t)}`);
  }
  return info.class;
}

/** The limit of a class I–V for a parameter (what a value must meet to be in that class or better). */
export function waterLimitFor(
  parameter: WaterParameter,
  cls: WaterClass,
  waterbody: Waterbody = 'river',
): WaterLimit {
  if (cls < 1 || cls > 5) throw new RangeError(`waterLimitFor: class must be 1..5, got ${cls}`);
  const i = cls - 1;
  switch (parameter) {
    case 'ph':
      return { min: WATER_PH_RANGE.min, max: WATER_PH_RANGE.max };
    case 'do':
      return { min: WATER_LIMITS.do[i]! };
    case 'codMn':
      return { max: WATER_LIMITS.codMn[i]! };
    case 'nh3n':
      return { max: WATER_LIMITS.nh3n[i]! };
    case 'tp':
      return { max: WATER_LIMITS.tp[waterbody][i]! };
    case 'tn':
      return { max: WATER_LIMITS.tn[i]! };
  }
}

/** How bad a failing value is, for picking the worst one (larger = worse). */
function badness(parameter: WaterParameter, value: number): number {
  if (parameter === 'do') return -value;
  if (parameter === 'ph') return Math.max(WATER_PH_RANGE.min - value, value - WATER_PH_RANGE.max);
  return value;
}

/** Compliance of one section over a period (rules in the module comment). */
export function waterCompliance(
  section: WaterSection,
  samples: readonly DatedWaterSample[],
): WaterComplianceResult {
  const target = targetClass(section.target);
  const waterbody = section.waterbody ?? 'river';
  const official = section.method === 'official';
  const classified = samples
    .map((s) => {
      if (!Number.isFinite(s.atMs)) throw new RangeError('waterCompliance: atMs must be finite');
      const { tn, ...assessed } = s.sample;
      const sample: WaterSample = official ? assessed : s.sample;
      return { atMs: s.atMs, sample, result: classifyWater(sample, { waterbody }) };
    })
    .sort((a, b) => a.atMs - b.atMs);

  const compliantSamples = classified.filter((c) => c.result.class <= target).length;
  const ex = new Map<WaterParameter, { samples: number; worstValue: number }>();
  for (const c of classified) {
    for (const info of WATER_PARAMETERS) {
      const cls = c.result.perParameter[info.key];
      const value = c.sample[info.key];
      if (cls === undefined || value === undefined || cls <= target) continue;
      const e = ex.get(info.key);
      if (!e) ex.set(info.key, { samples: 1, worstValue: value });
      else {
        e.samples++;
        if (badness(info.key, value) > badness(info.key, e.worstValue)) e.worstValue = value;
      }
    }
  }

  const last = classified[classified.length - 1];
  const failing: FailingParameter[] = [];
  if (last) {
    for (const info of WATER_PARAMETERS) {
      const cls = last.result.perParameter[info.key];
      const value = last.sample[info.key];
      if (cls === undefined || value === undefined || cls <= target) continue;
      failing.push({
        parameter: info.key,
        value,
        class: cls,
        limit: waterLimitFor(info.key, target, waterbody),
      });
    }
  }

  return {
    sectionId: section.sectionId,
    target,
    targetLabel: WATER_CLASSES[target - 1]!.label,
    samples: classified.length,
    compliantSamples,
    share: classified.length === 0 ? null : compliantSamples / classified.length,
    current: last
      ? {
          atMs: last.atMs,
          class: last.result.class,
          label: last.result.label,
          compliant: last.result.class <= target,
        }
      : null,
    failing,
    exceedances: WATER_PARAMETERS.filter((p) => ex.has(p.key)).map((p) => ({
      parameter: p.key,
      ...ex.get(p.key)!,
      limit: waterLimitFor(p.key, target, waterbody),
    })),
  };
}
