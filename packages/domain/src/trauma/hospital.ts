/**
 * Destination hospital choice for the trauma green channel (创伤急救绿色通道): by ETA and capability,
 * never by straight-line distance. ETAs are computed by the caller with the router.
 *
 * Rules (in this order):
 *
 * - Severity 'severe' | 'critical' (the trauma rule) — tiers, the first tier with a reachable
 *   candidate wins, nearest by ETA inside it. L = `definitiveCareLimitS` (default 3600 s, the golden hour):
 *   1. trauma centre with a READY trauma team AND CT available (`capabilities.ct && live.ctAvailable`),
 *      ETA ≤ L;
 *   2. fallback: CT available AND surgery (`capabilities.surgery`; when not given, grade ≥ 二级, or a trauma
 *      centre), ETA ≤ L — flagged `fallback_ct_surgery`;
 *   3. fallback: no hospital for definitive care within L — the nearest 一级 (township) health centre
 *      (`capabilities.grade === 1`) for STABILISATION ONLY — flagged `stabilisation_only`;
 *   4. fallback: CT available AND surgery, beyond L — flagged `fallback_beyond_limit`;
 *   5. fallback: the nearest reachable hospital — flagged `fallback_no_ct`.
 *   A CT flag alone never qualifies a hospital: a township health centre with CT but no surgery is only
 *   ever chosen in tier 3, with the stabilisation reason.
 * - Severity 'moderate' | 'minor' (the standard rule):
 *   1. nearest by ETA whose emergency department is not overloaded: `live.edLoad < 0.9`
 *      (exactly 0.9 counts as overloaded);
 *   2. fallback: the nearest reachable hospital — flagged `fallback_all_ed_overloaded`.
 * - Preferences by case: 'burn' → burn unit, 'cardiac' → cath lab, 'stroke' → CT available,
 *   `pediatric: true` → paediatrics. Inside the winning tier, a hospital meeting more preferences is
 *   chosen over a nearer one when its ETA is at most `maxDetourS` (default 600 s) longer than the
 *   nearest hospital of that tier. For severe cases the detour allowance is `severeMaxDetourS`
 *   (default 0 s: the nearest qualifying hospital wins, preferences only break exact ETA ties), because
 *   the golden hour comes first. An unmet preference is reported as a warning reason.
 * - Candidates with a non-finite ETA (`Infinity` = unreachable) are never chosen. Equal ETAs are
 *   broken by `hospitalId` so the choice is deterministic. No reachable candidate → `null`.
 *
 * Every candidate not chosen appears in `rejected` with the reasons it lost (its deficits against the
 * ideal for the rule, or `farther` when it qualified but was farther).
 */

export type Severity = 'minor' | 'moderate' | 'severe' | 'critical';
export type InjuryType = 'blunt' | 'penetrating' | 'head' | 'burn' | 'cardiac' | 'stroke' | 'other';

export interface HospitalCapabilities {
  traumaCenter: boolean;
  ct: boolean;
  cathLab: boolean;
  burnUnit: boolean;
  pediatrics: boolean;
  /** Emergency surgery (an operating theatre with surgeons on call). Default: grade ≥ 2, else a trauma centre. */
  surgery?: boolean;
  /** Hospital grade (医院等级): 1 一级 (township health centre), 2 二级, 3 三级. */
  grade?: 1 | 2 | 3;
}

export interface HospitalLive {
  /** Emergency department load, 0..1 (values above 1 are accepted as over capacity). */
  edLoad: number;
  ctAvailable: boolean;
  traumaTeamReady: boolean;
}

export interface HospitalCandidate {
  hospitalId: string;
  name: string;
  /** Road ETA from the scene in seconds; `Infinity` when unreachable. */
  etaSeconds: number;
  capabilities: HospitalCapabilities;
  live: HospitalLive;
}

export interface TraumaCase {
  severity: Severity;
  injuryType: InjuryType;
  /** A child patient: prefer a hospital with paediatrics. */
  pediatric?: boolean;
}

export interface ChooseHospitalOptions {
  /** Extra ETA accepted to reach a hospital meeting more preferences (moderate/minor). Default 600 s. */
  maxDetourS?: number;
  /** Same, for severe/critical cases. Default 0 s. */
  severeMaxDetourS?: number;
  /** ED load at or above which a department counts as overloaded. Default 0.9. */
  edOverloadAt?: number;
  /** Longest ETA to definitive care for severe/critical cases before a township centre stabilises. Default 3600 s. */
  definitiveCareLimitS?: number;
}

export type HospitalReasonCode =
  | 'trauma_center'
  | 'ct_available'
  | 'trauma_team_ready'
  | 'ed_capacity'
  | 'burn_unit'
  | 'cath_lab'
  | 'pediatrics'
  | 'eta'
  | 'surgery'
  | 'fallback_ct_surgery'
  | 'stabilisation_only'
  | 'fallback_beyond_limit'
  | 'fallback_no_ct'
  | 'fallback_all_ed_overloaded'
  | 'no_trauma_center'
  | 'trauma_team_not_ready'
  | 'no_ct'
  | 'ct_unavailable'
  | 'ed_overloaded'
  | 'no_burn_unit'
  | 'no_cath_lab'
  | 'no_pediatrics'
  | 'no_surgery'
  | 'beyond_limit'
  | 'unreachable'
  | 'farther';

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface HospitalReason {
  code: HospitalReasonCode;
  text: LocalizedText;
}

export interface RejectedHospital {
  hospitalId: string;
  name: string;
  etaSeconds: number;
  /** This candidate had the shortest ETA of all. */
  nearest: boolean;
  reasons: HospitalReason[];
  /** One line for the wall, e.g. "最近的医院 县中医院 无创伤团队". */
  summary: LocalizedText;
}

export interface HospitalChoice {
  hospitalId: string;
  name: string;
  etaSeconds: number;
  /** 'trauma' for severe/critical, 'standard' otherwise. */
  rule: 'trauma' | 'standard';
  /** The ideal tier had no reachable candidate; the first reason says which fallback was used. */
  fallback: boolean;
  reasons: HospitalReason[];
  /** Reasons joined for the wall: "创伤中心，CT 可用，创伤团队就绪，预计 9 分钟到达". */
  summary: LocalizedText;
  /** Every other candidate, by ETA. */
  rejected: RejectedHospital[];
}

const SEVERITIES: readonly Severity[] = ['minor', 'moderate', 'severe', 'critical'];
const INJURY_TYPES: readonly InjuryType[] = [
  'blunt',
  'penetrating',
  'head',
  'burn',
  'cardiac',
  'stroke',
  'other',
];

/** ETA in whole minutes for display (at least 1). */
export function etaMinutes(etaSeconds: number): number {
  return Math.max(1, Math.round(etaSeconds / 60));
}

function reason(code: HospitalReasonCode, zh: string, en: string): HospitalReason {
  return { code, text: { zh, en } };
}

const pct = (load: number) => `${Math.round(load * 100)}%`;

const R = {
  traumaCenter: () => reason('trauma_center', '创伤中心', 'trauma centre'),
  ctAvailable: () => reason('ct_available', 'CT 可用', 'CT available'),
  teamReady: () => reason('trauma_team_ready', '创伤团队就绪', 'trauma team ready'),
  edCapacity: (load: number) => reason('ed_capacity', `急诊负荷 ${pct(load)}`, `ED load ${pct(load)}`),
  burnUnit: () => reason('burn_unit', '设烧伤科', 'burn unit'),
  cathLab: () => reason('cath_lab', '设导管室', 'cath lab'),
  pediatrics: () => reason('pediatrics', '设儿科', 'paediatrics'),
  eta: (s: number) => reason('eta', `预计 ${etaMinutes(s)} 分钟到达`, `ETA ${etaMinutes(s)} min`),
  noTraumaCenter: () => reason('no_trauma_center', '无创伤团队', 'no trauma team (not a trauma centre)'),
  teamNotReady: () => reason('trauma_team_not_ready', '创伤团队未就绪', 'trauma team not ready'),
  noCt: () => reason('no_ct', '无 CT', 'no CT'),
  ctUnavailable: () => reason('ct_unavailable', 'CT 不可用', 'CT unavailable'),
  edOverloaded: (load: number) =>
    reason('ed_overloaded', `急诊满负荷（${pct(load)}）`, `ED overloaded (${pct(load)})`),
  noBurnUnit: () => reason('no_burn_unit', '无烧伤科', 'no burn unit'),
  noCathLab: () => reason('no_cath_lab', '无导管室', 'no cath lab'),
  noPediatrics: () => reason('no_pediatrics', '无儿科', 'no paediatrics'),
  unreachable: () => reason('unreachable', '无法到达', 'unreachable'),
  surgery: () => reason('surgery', '可急诊手术', 'emergency surgery'),
  noSurgery: () => reason('no_surgery', '无急诊手术能力', 'no emergency surgery'),
  beyondLimit: (s: number, limitS: number) =>
    reason(
      'beyond_limit',
      `预计 ${etaMinutes(s)} 分钟，超出 ${etaMinutes(limitS)} 分钟限值`,
      `ETA ${etaMinutes(s)} min, beyond the ${etaMinutes(limitS)}-min limit`,
    ),
  farther: (s: number) =>
    reason('farther', `较远（预计 ${etaMinutes(s)} 分钟）`, `farther (ETA ${etaMinutes(s)} min)`),
};

const FALLBACK_TEXT = {
  fallback_ct_surgery: [
    '限值内无创伤团队就绪且 CT 可用的医院，降级选择 CT 可用且能急诊手术的最近医院',
    'no hospital with a ready trauma team and CT within the limit: the nearest with CT and emergency surgery',
  ],
  stabilisation_only: [
    '限值内无可确定性救治的医院：送一级卫生院仅作稳定处置，随后转运至上级医院',
    'no definitive care within the limit: township health centre for stabilisation only, then transfer',
  ],
  fallback_beyond_limit: [
    '限值内无合适医院且无一级卫生院可达，选择 CT 可用且能急诊手术的最近医院',
    'nothing suitable within the limit and no township centre reachable: the nearest with CT and surgery',
  ],
  fallback_no_ct: [
    '无 CT 可用的医院，降级选择最近的医院',
    'no hospital with CT available: fell back to the nearest hospital',
  ],
  fallback_all_ed_overloaded: [
    '所有急诊均满负荷，降级选择最近的医院',
    'every emergency department is overloaded: fell back to the nearest hospital',
  ],
} as const;

type FallbackCode = keyof typeof FALLBACK_TEXT;

interface Tier {
  test: (c: HospitalCandidate) => boolean;
  fallback: FallbackCode | null;
}

const ctOk = (c: HospitalCandidate) => c.capabilities.ct && c.live.ctAvailable;
/** Emergency surgery: stated, else 二级 or above, else (grade unknown) a trauma centre. */
const surgeryOk = (c: HospitalCandidate) =>
  c.capabilities.surgery ??
  (c.capabilities.grade !== undefined ? c.capabilities.grade >= 2 : c.capabilities.traumaCenter);
const teamCt = (c: HospitalCandidate) => c.capabilities.traumaCenter && ctOk(c) && c.live.traumaTeamReady;

function tiersFor(rule: 'trauma' | 'standard', edOverloadAt: number, limitS: number): Tier[] {
  if (rule === 'trauma') {
    const within = (c: HospitalCandidate) => c.etaSeconds <= limitS;
    return [
      { test: (c) => teamCt(c) && within(c), fallback: null },
      { test: (c) => ctOk(c) && surgeryOk(c) && within(c), fallback: 'fallback_ct_surgery' },
      { test: (c) => c.capabilities.grade === 1, fallback: 'stabilisation_only' },
      { test: (c) => ctOk(c) && surgeryOk(c), fallback: 'fallback_beyond_limit' },
      { test: () => true, fallback: 'fallback_no_ct' },
    ];
  }
  return [
    { test: (c) => c.live.edLoad < edOverloadAt, fallback: null },
    { test: () => true, fallback: 'fallback_all_ed_overloaded' },
  ];
}

interface Preference {
  met: (c: HospitalCandidate) => boolean;
  /** Reasons when met / not met on a candidate. */
  yes: (c: HospitalCandidate) => HospitalReason;
  no: (c: HospitalCandidate) => HospitalReason;
}

function preferencesFor(tc: TraumaCase): Preference[] {
  const out: Preference[] = [];
  if (tc.injuryType === 'burn') {
    out.push({ met: (c) => c.capabilities.burnUnit, yes: R.burnUnit, no: R.noBurnUnit });
  } else if (tc.injuryType === 'cardiac') {
    out.push({ met: (c) => c.capabilities.cathLab, yes: R.cathLab, no: R.noCathLab });
  } else if (tc.injuryType === 'stroke') {
    out.push({
      met: ctOk,
      yes: R.ctAvailable,
      no: (c) => (c.capabilities.ct ? R.ctUnavailable() : R.noCt()),
    });
  }
  if (tc.pediatric === true) {
    out.push({ met: (c) => c.capabilities.pediatrics, yes: R.pediatrics, no: R.noPediatrics });
  }
  return out;
}

/** Deficits of a candidate against the ideal of the rule (what would make it a tier-1 hospital). */
function deficits(
  rule: 'trauma' | 'standard',
  c: HospitalCandidate,
  edOverloadAt: number,
  limitS = Number.POSITIVE_INFINITY,
): HospitalReason[] {
  const out: HospitalReason[] = [];
  if (rule === 'trauma') {
    if (!c.capabilities.traumaCenter) out.push(R.noTraumaCenter());
    if (!c.capabilities.ct) out.push(R.noCt());
    else if (!c.live.ctAvailable) out.push(R.ctUnavailable());
    if (c.capabilities.traumaCenter && !c.live.traumaTeamReady) out.push(R.teamNotReady());
    if (!surgeryOk(c)) out.push(R.noSurgery());
    if (Number.isFinite(c.etaSeconds) && c.etaSeconds > limitS) out.push(R.beyondLimit(c.etaSeconds, limitS));
  } else if (c.live.edLoad >= edOverloadAt) {
    out.push(R.edOverloaded(c.live.edLoad));
  }
  return out;
}

/** Positive capability reasons of the chosen hospital for its rule. */
function strengths(
  rule: 'trauma' | 'standard',
  c: HospitalCandidate,
  edOverloadAt: number,
): HospitalReason[] {
  const out: HospitalReason[] = [];
  if (rule === 'trauma') {
    if (c.capabilities.traumaCenter) out.push(R.traumaCenter());
    if (ctOk(c)) out.push(R.ctAvailable());
    if (c.capabilities.traumaCenter && c.live.traumaTeamReady) out.push(R.teamReady());
    if (surgeryOk(c)) out.push(R.surgery());
  } else if (c.live.edLoad < edOverloadAt) {
    out.push(R.edCapacity(c.live.edLoad));
  }
  return out;
}

function checkCandidate(c: HospitalCandidate, i: number): void {
  const where = `chooseHospital: candidates[${i}]`;
  if (typeof c !== 'object' || c === null) throw new RangeError(`${where} must be an object`);
  if (typeof c.hospitalId !== 'string' || c.hospitalId === '') {
    throw new RangeError(`${where}.hospitalId must be a non-empty string`);
  }
  if (typeof c.etaSeconds !== 'number' || Number.isNaN(c.etaSeconds) || c.etaSeconds < 0) {
    throw new RangeError(
      `${where}.etaSeconds must be ≥ 0 (Infinity = unreachable), got ${String(c.etaSeconds)}`,
    );
  }
  const load = c.live?.edLoad;
  if (typeof load !== 'number' || !Number.isFinite(load) || load < 0) {
    throw new RangeError(`${where}.live.edLoad must be a finite number ≥ 0, got ${String(load)}`);
  }
  if (typeof c.capabilities !== 'object' || c.capabilities === null) {
    throw new RangeError(`${where}.capabilities must be an object`);
  }
}

const byEta = (a: HospitalCandidate, b: HospitalCandidate) =>
  a.etaSeconds - b.etaSeconds || (a.hospitalId < b.hospitalId ? -1 : a.hospitalId > b.hospitalId ? 1 : 0);

function joinTexts(reasons: readonly HospitalReason[]): LocalizedText {
  return {
    zh: reasons.map((r) => r.text.zh).join('，'),
    en: reasons.map((r) => r.text.en).join(', '),
  };
}

/**
 * Choose the destination hospital for a case (rules in the module comment). Returns `null` when no
 * candidate is reachable. Throws RangeError for an unknown severity / injury type, a duplicate
 * hospitalId, a NaN or negative ETA, or an invalid ED load.
 */
export function chooseHospital(
  tc: TraumaCase,
  candidates: readonly HospitalCandidate[],
  opts: ChooseHospitalOptions = {},
): HospitalChoice | null {
  if (!SEVERITIES.includes(tc?.severity)) {
    throw new RangeError(`chooseHospital: unknown severity ${JSON.stringify(tc?.severity)}`);
  }
  if (!INJURY_TYPES.includes(tc.injuryType)) {
    throw new RangeError(`chooseHospital: unknown injuryType ${JSON.stringify(tc.injuryType)}`);
  }
  const edOverloadAt = opts.edOverloadAt ?? 0.9;
  const limitS = opts.definitiveCareLimitS ?? 3600;
  if (!(limitS > 0)) throw new RangeError(`chooseHospital: definitiveCareLimitS must be > 0, got ${limitS}`);
  const rule: 'trauma' | 'standard' =
    tc.severity === 'severe' || tc.severity === 'critical' ? 'trauma' : 'standard';
  const detour = rule === 'trauma' ? (opts.severeMaxDetourS ?? 0) : (opts.maxDetourS ?? 600);
  if (!(detour >= 0)) throw new RangeError(`chooseHospital: detour allowance must be ≥ 0, got ${detour}`);

  const seen = new Set<string>();
  candidates.forEach((c, i) => {
    checkCandidate(c, i);
    if (seen.has(c.hospitalId)) {
      throw new RangeError(`chooseHospital: duplicate hospitalId ${JSON.stringify(c.hospitalId)}`);
    }
    seen.add(c.hospitalId);
  });

  const sorted = [...candidates].sort(byEta);
  const reachable = sorted.filter((c) => Number.isFinite(c.etaSeconds));
  if (reachable.length === 0) return null;
  const nearestId = reachable[0]!.hospitalId;

  let tier: Tier | undefined;
  let eligible: HospitalCandidate[] = [];
  for (const t of tiersFor(rule, edOverloadAt, limitS)) {
    eligible = reachable.filter(t.test);
    if (eligible.length > 0) {
      tier = t;
      break;
    }
  }
  // Unreachable: the last tier accepts every reachable candidate.
  if (!tier) return null;

  const prefs = preferencesFor(tc);
  const score = (c: HospitalCandidate) => prefs.filter((p) => p.met(c)).length;
  const first = eligible[0]!;
  let chosen = first;
  let best = score(first);
  for (const c of eligible) {
    if (c.etaSeconds > first.etaSeconds + detour) break;
    const s = score(c);
    if (s > best) {
      best = s;
      chosen = c;
    }
  }

  const reasons: HospitalReason[] = [];
  if (tier.fallback) {
    const [zh, en] = FALLBACK_TEXT[tier.fallback];
    reasons.push(reason(tier.fallback, zh, en));
  }
  reasons.push(...strengths(rule, chosen, edOverloadAt));
  // Warnings: what the chosen hospital lacks (only in a fallback; tier 1 has no deficits).
  reasons.push(...deficits(rule, chosen, edOverloadAt, limitS));
  for (const p of prefs) {
    const r = p.met(chosen) ? p.yes(chosen) : p.no(chosen);
    if (!reasons.some((x) => x.code === r.code)) reasons.push(r);
  }
  reasons.push(R.eta(chosen.etaSeconds));

  const chosenScore = score(chosen);
  const rejected: RejectedHospital[] = [];
  for (const c of sorted) {
    if (c === chosen) continue;
    let rs: HospitalReason[];
    if (!Number.isFinite(c.etaSeconds)) {
      rs = [R.unreachable()];
    } else {
      rs = deficits(rule, c, edOverloadAt, limitS);
      if (tier.test(c)) {
        // Qualified for the winning tier: lost on preferences or on ETA.
        for (const p of prefs) if (!p.met(c) && p.met(chosen)) rs.push(p.no(c));
        if (score(c) >= chosenScore || c.etaSeconds > chosen.etaSeconds) rs.push(R.farther(c.etaSeconds));
      }
      if (rs.length === 0) rs.push(R.farther(c.etaSeconds));
    }
    const nearest = c.hospitalId === nearestId;
    const t = joinTexts(rs);
    rejected.push({
      hospitalId: c.hospitalId,
      name: c.name,
      etaSeconds: c.etaSeconds,
      nearest,
      reasons: rs,
      summary: nearest
        ? { zh: `最近的医院 ${c.name} ${t.zh}`, en: `Nearest hospital ${c.name}: ${t.en}` }
        : { zh: `${c.name} ${t.zh}`, en: `${c.name}: ${t.en}` },
    });
  }

  return {
    hospitalId: chosen.hospitalId,
    name: chosen.name,
    etaSeconds: chosen.etaSeconds,
    rule,
    fallback: tier.fallback !== null,
    reasons,
    summary: joinTexts(reasons),
    rejected,
  };
}
