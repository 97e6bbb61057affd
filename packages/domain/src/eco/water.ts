/**
 * Surface water class per GB 3838-2002 《地表水环境质量标准》, table 1 (basic items), single-factor
 * evaluation: a section takes the class of its worst parameter. Values in mg/L, pH unitless.
 */

export type WaterClass = 1 | 2 | 3 | 4 | 5 | 6;
export type WaterLabel = 'I' | 'II' | 'III' | 'IV' | 'V' | '劣V';
export type WaterCategory = '优' | '良好' | '轻度污染' | '中度污染' | '重度污染';
export type Waterbody = 'river' | 'lake';
export type WaterParameter = 'ph' | 'do' | 'codMn' | 'nh3n' | 'tp' | 'tn';

export interface WaterSample {
  ph?: number;
  /** Dissolved oxygen, mg/L (higher is better). */
  do?: number;
  /** Permanganate index (高锰酸盐指数), mg/L. */
  codMn?: number;
  /** Ammonia nitrogen, mg/L. */
  nh3n?: number;
  /** Total phosphorus, mg/L. */
  tp?: number;
  /** Total nitrogen, mg/L. Lakes and reservoirs only. */
  tn?: number;
}

export interface WaterOptions {
  /** 'lake' covers lakes and reservoirs (湖、库). Default 'river'. */
  waterbody?: Waterbody;
}

export interface WaterResult {
  class: WaterClass;
  label: WaterLabel;
  /** Parameters that set the class (all of them on a tie), in WATER_PARAMETERS order. */
  worst: string[];
  perParameter: Record<string, WaterClass>;
  // --- extra fields ---
  category: WaterCategory;
  categoryEn: WaterClassInfo['categoryEn'];
  color: string;
  waterbody: Waterbody;
}

/** pH range of classes I–V (same for all). Outside it: 劣V. Inside it: class I (never worsens the class). */
export const WATER_PH_RANGE = { min: 6, max: 9 } as const;

/**
 * GB 3838-2002 limits of classes I..V, index 0 = class I.
 * `do` is a minimum (value ≥ limit); the others are maxima (value ≤ limit).
 * DO class I is "饱和率90%（或7.5）"; only the 7.5 mg/L form is used here.
 */
export const WATER_LIMITS = {
  do: [7.5, 6, 5, 3, 2],
  codMn: [2, 4, 6, 10, 15],
  nh3n: [0.15, 0.5, 1.0, 1.5, 2.0],
  tp: {
    river: [0.02, 0.1, 0.2, 0.3, 0.4],
    lake: [0.01, 0.025, 0.05, 0.1, 0.2],
  },
  /** Lakes and reservoirs only; not used for rivers. */
  tn: [0.2, 0.5, 1.0, 1.5, 2.0],
} as const;

export interface WaterParameterInfo {
  readonly key: WaterParameter;
  readonly name: string;
  readonly nameEn: string;
  readonly unit: 'mg/L' | '';
  readonly appliesTo: readonly Waterbody[];
}

/** Parameters in the order used for `worst` and `perParameter`. */
export const WATER_PARAMETERS: readonly WaterParameterInfo[] = [
  { key: 'ph', name: 'pH值', nameEn: 'pH', unit: '', appliesTo: ['river', 'lake'] },
  { key: 'do', name: '溶解氧', nameEn: 'Dissolved oxygen', unit: 'mg/L', appliesTo: ['river', 'lake'] },
  {
    key: 'codMn',
    name: '高锰酸盐指数',
    nameEn: 'Permanganate index',
    unit: 'mg/L',
    appliesTo: ['river', 'lake'],
  },
  { key: 'nh3n', name: '氨氮', nameEn: 'Ammonia nitrogen', unit: 'mg/L', appliesTo: ['river', 'lake'] },
  { key: 'tp', name: '总磷', nameEn: 'Total phosphorus', unit: 'mg/L', appliesTo: ['river', 'lake'] },
  { key: 'tn', name: '总氮', nameEn: 'Total nitrogen', unit: 'mg/L', appliesTo: ['lake'] },
];

export interface WaterClassInfo {
  readonly class: WaterClass;
  readonly label: WaterLabel;
  /** 断面水质定性评价 (《地表水环境质量评价办法（试行）》, 2011): I–II 优 … 劣V 重度污染. */
  readonly category: WaterCategory;
  readonly categoryEn: 'Excellent' | 'Good' | 'Lightly Polluted' | 'Moderately Polluted' | 'Heavily Polluted';
  readonly color: string;
}

/**
 * Display colours. GB 3838-2002 defines none. The evaluation method (环办〔2011〕22号) names the colours
 * of the qualitative grades — I–II blue, III green, IV yellow, V orange, 劣V red. The hex values below
 * are the customary display palette for those grades on Chinese water-quality monitoring dashboards:
 * I #CCFFFF light blue, II #00CCFF blue, III #00FF00 green, IV #FFFF00 yellow, V #FF9B00 orange,
 * 劣V #FF0000 red. It is a display convention, not a normative table (no MEE document with these exact
 * hex values was checked); change the shades here if the cockpit's design system needs others.
 */
export const WATER_CLASSES: readonly WaterClassInfo[] = [
  { class: 1, label: 'I', category: '优', categoryEn: 'Excellent', color: '#CCFFFF' },
  { class: 2, label: 'II', category: '优', categoryEn: 'Excellent', color: '#00CCFF' },
  { class: 3, label: 'III', category: '良好', categoryEn: 'Good', color: '#00FF00' },
  { class: 4, label: 'IV', category: '轻度污染', categoryEn: 'Lightly Polluted', color: '#FFFF00' },
  { class: 5, label: 'V', category: '中度污染', categoryEn: 'Moderately Polluted', color: '#FF9B00' },
  { class: 6, label: '劣V', category: '重度污染', categoryEn: 'Heavily Polluted', color: '#FF0000' },
];

function classAtMost(value: number, limits: readonly number[]): WaterClass {
  const i = limits.findIndex((limit) => value <= limit);
  return (i === -1 ? 6 : i + 1) as WaterClass;
}

function classAtLeast(value: number, limits: readonly number[]): WaterClass {
  const i = limits.findIndex((limit) => value >= limit);
  return (i === -1 ? 6 : i + 1) as WaterClass;
}

function classOf(param: WaterParameter, value: number, waterbody: Waterbody): WaterClass {
  switch (param) {
    case 'ph':
      return value >= WATER_PH_RANGE.min && value <= WATER_PH_RANGE.max ? 1 : 6;
    case 'do':
      return classAtLeast(value, WATER_LIMITS.do);
    case 'codMn':
      return classAtMost(value, WATER_LIMITS.codMn);
    case 'nh3n':
      return classAtMost(value, WATER_LIMITS.nh3n);
    case 'tp':
      return classAtMost(value, WATER_LIMITS.tp[waterbody]);
    case 'tn':
      return classAtMost(value, WATER_LIMITS.tn);
  }
}

/**
 * Class of a water sample (single-factor method). Defaults to a river: TN is then ignored.
 * Throws RangeError for a negative / non-finite / non-number value (naming the field), a pH above 14,
 * an unknown waterbody, or a sample with no parameter applicable to the waterbody.
 */
export function classifyWater(sample: WaterSample, opts?: WaterOptions): WaterResult {
  if (typeof sample !== 'object' || sample === null) {
    throw new RangeError('classifyWater: sample must be an object of measurements');
  }
  const waterbody = opts?.waterbody ?? 'river';
  if (waterbody !== 'river' && waterbody !== 'lake') {
    throw new RangeError(
      `classifyWater: waterbody must be 'river' or 'lake' (got ${JSON.stringify(waterbody)})`,
    );
  }

  const perParameter: Record<string, WaterClass> = {};
  for (const info of WATER_PARAMETERS) {
    const raw: unknown = sample[info.key];
    if (raw === undefined) continue;
    if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0) {
      throw new RangeError(
        `classifyWater: ${info.key} must be a finite, non-negative number (got ${typeof raw === 'number' ? String(raw) : JSON.stringify(raw)})`,
      );
    }
    if (info.key === 'ph' && raw > 14) {
      throw new RangeError(`classifyWater: ph must be within 0–14 (got ${raw})`);
    }
    // Validated above even when not applicable (e.g. TN of a river), so bad data never passes silently.
    if (!info.appliesTo.includes(waterbody)) continue;
    perParameter[info.key] = classOf(info.key, raw, waterbody);
  }

  const keys = Object.keys(perParameter);
  if (keys.length === 0) {
    const expected = WATER_PARAMETERS.filter((p) => p.appliesTo.includes(waterbody))
      .map((p) => p.key)
      .join(', ');
    throw new RangeError(
      `classifyWater: the sample has no parameter applicable to a ${waterbody} (expected at least one of ${expected})`,
    );
  }

  const cls = Math.max(...keys.map((k) => perParameter[k]!)) as WaterClass;
  const info = WATER_CLASSES[cls - 1]!;
  return {
    class: cls,
    label: info.label,
    worst: keys.filter((k) => perParameter[k] === cls),
    perParameter,
    category: info.category,
    categoryEn: info.categoryEn,
    color: info.color,
    waterbody,
  };
}
