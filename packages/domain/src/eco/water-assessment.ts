/**
 * Section assessment as the monitoring stations publish it, per 《地表水环境质量评价办法（试行）》
 * (环办〔2011〕22号), on top of the GB 3838-2002 per-parameter classes of `classifyWater`:
 *
 * - A section's class comes from the assessed items of GB 3838-2002 Table 1, **excluding total nitrogen
 *   and faecal coliform** (§ 3.1: 总氮、粪大肠菌群 不参与断面水质类别评价). The class is the worst item (single factor).
 * - For lakes and reservoirs (湖、库) total nitrogen is assessed on its own and reported beside the class
 *   (§ 3.2.2: 湖泊、水库 总氮 单独评价).
 * - Lakes and reservoirs also get the comprehensive trophic level index (综合营养状态指数, TLI(Σ), § 3.2.3 and
 *   its annex, after 中国环境监测总站《湖泊（水库）富营养化评价方法及分级技术规定》):
 *     TLI(Σ) = Σ Wj · TLI(j), with Wj = rij² / Σ rij² relative to chlorophyll a
 *     (rij: chla 1, TP 0.84, TN 0.82, SD −0.83, CODMn 0.83 → Wj 0.2663, 0.1879, 0.1790, 0.1834, 0.1834)
 *     TLI(chla) = 10 (2.5 + 1.086 ln chla)        chla in mg/m³
 *     TLI(TP)   = 10 (9.436 + 1.624 ln TP)        TP in mg/L
 *     TLI(TN)   = 10 (5.453 + 1.694 ln TN)        TN in mg/L
 *     TLI(SD)   = 10 (5.118 − 1.94 ln SD)         SD (transparency) in m
 *     TLI(CODMn)= 10 (0.109 + 2.661 ln CODMn)     CODMn in mg/L
 *   Levels: TLI < 30 贫营养; 30 ≤ TLI ≤ 50 中营养; 50 < TLI ≤ 60 轻度富营养; 60 < TLI ≤ 70 中度富营养;
 *   TLI > 70 重度富营养.
 */
import type { Waterbody, WaterClass, WaterLabel, WaterSample } from './water';
import { classifyWater, WATER_CLASSES } from './water';

/** Items the method leaves out of the section class (TN is shown separately for lakes and reservoirs). */
export const SECTION_EXCLUDED_ITEMS = ['tn', 'fecalColiform'] as const;
export type SectionExcludedItem = (typeof SECTION_EXCLUDED_ITEMS)[number];

export interface SectionAssessment {
  /** Official section class (TN and faecal coliform excluded). */
  class: WaterClass;
  label: WaterLabel;
  /** Items that set the class (all of them on a tie). */
  worst: string[];
  /** Items the method excludes from the class. */
  excluded: SectionExcludedItem[];
  /** Total nitrogen assessed on its own (lakes and reservoirs with a TN value only). */
  tn?: { class: WaterClass; label: WaterLabel };
}

/** The official class of a section (rules in the module comment). RangeError on bad input, naming the field. */
export function assessSection(sample: WaterSample, opts: { waterbody: Waterbody }): SectionAssessment {
  if (typeof sample !== 'object' || sample === null) {
    throw new RangeError('assessSection: sample must be an object of measurements');
  }
  const waterbody = opts?.waterbody;
  if (waterbody !== 'river' && waterbody !== 'lake') {
    throw new RangeError(
      `assessSection: waterbody must be 'river' or 'lake' (got ${JSON.stringify(waterbody)})`,
    );
  }
  const { tn, ...assessed } = sample;
  // Validates every field (TN included) and classes the assessed items.
  const r = classifyWater(assessed, { waterbody });
  const out: SectionAssessment = {
    class: r.class,
    label: r.label,
    worst: r.worst,
    excluded: [...SECTION_EXCLUDED_ITEMS],
  };
  if (tn !== undefined) {
    const t = classifyWater({ tn }, { waterbody: 'lake' }); // validates TN (RangeError naming 'tn')
    if (waterbody === 'lake') {
      const cls = t.perParameter.tn!;
      out.tn = { class: cls, label: WATER_CLASSES[cls - 1]!.label };
    }
  }
  return out;
}

export type TrophicLevel = '贫营养' | '中营养' | '轻度富营养' | '中度富营养' | '重度富营养';

export interface TrophicInput {
  /** Chlorophyll a, mg/m³. */
  chla: number;
  /** Total phosphorus, mg/L. */
  tp: number;
  /** Total nitrogen, mg/L. */
  tn: number;
  /** Transparency (Secchi depth), m. */
  sd: number;
  /** Permanganate index, mg/L. */
  codMn: number;
}

/** Weights Wj of the method's table (rij² / Σ rij², relative to chlorophyll a). */
export const TLI_WEIGHTS: Readonly<Record<keyof TrophicInput, number>> = {
  chla: 0.2663,
  tp: 0.1879,
  tn: 0.179,
  sd: 0.1834,
  codMn: 0.1834,
};

const TLI_PARTS: Readonly<Record<keyof TrophicInput, (x: number) => number>> = {
  chla: (x) => 10 * (2.5 + 1.086 * Math.log(x)),
  tp: (x) => 10 * (9.436 + 1.624 * Math.log(x)),
  tn: (x) => 10 * (5.453 + 1.694 * Math.log(x)),
  sd: (x) => 10 * (5.118 - 1.94 * Math.log(x)),
  codMn: (x) => 10 * (0.109 + 2.661 * Math.log(x)),
};

/** Trophic level of a TLI value (bands in the module comment). */
export function trophicLevelOf(tli: number): TrophicLevel {
  if (tli < 30) return '贫营养';
  if (tli <= 50) return '中营养';
  if (tli <= 60) return '轻度富营养';
  if (tli <= 70) return '中度富营养';
  return '重度富营养';
}

/** Comprehensive trophic level index TLI(Σ), one decimal, and its level. RangeError naming a bad field. */
export function trophicLevelIndex(input: TrophicInput): { tli: number; level: TrophicLevel } {
  if (typeof input !== 'object' || input === null) {
    throw new RangeError('trophicLevelIndex: input must be an object { chla, tp, tn, sd, codMn }');
  }
  let tli = 0;
  for (const key of Object.keys(TLI_WEIGHTS) as (keyof TrophicInput)[]) {
    const v: unknown = input[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
      throw new RangeError(
        `trophicLevelIndex: ${key} must be a finite number > 0 (got ${typeof v === 'number' ? String(v) : JSON.stringify(v)})`,
      );
    }
    tli += TLI_WEIGHTS[key] * TLI_PARTS[key](v);
  }
  const rounded = Math.round(tli * 10) / 10;
  return { tli: rounded, level: trophicLevelOf(rounded) };
}
