import { describe, expect, it } from 'vitest';
import type { HospitalCandidate, HospitalCapabilities, HospitalLive } from './hospital';
import { chooseHospital, etaMinutes } from './hospital';

function h(
  hospitalId: string,
  etaSeconds: number,
  caps: Partial<HospitalCapabilities> = {},
  live: Partial<HospitalLive> = {},
  name = hospitalId,
): HospitalCandidate {
  return {
    hospitalId,
    name,
    etaSeconds,
    capabilities: {
      traumaCenter: false,
      ct: false,
      cathLab: false,
      burnUnit: false,
      pediatrics: false,
      ...caps,
    },
    live: { edLoad: 0.5, ctAvailable: false, traumaTeamReady: false, ...live },
  };
}

const traumaReady = (id: string, eta: number, name = id) =>
  h(id, eta, { traumaCenter: true, ct: true }, { ctAvailable: true, traumaTeamReady: true }, name);

const codes = (rs: readonly { code: string }[]) => rs.map((r) => r.code);

describe('chooseHospital — severe trauma', () => {
  it('skips a nearer hospital without a trauma team and explains both', () => {
    const choice = chooseHospital({ severity: 'severe', injuryType: 'blunt' }, [
      h('zy', 300, { ct: true }, { ctAvailable: true }, '县中医院'),
      traumaReady('rm', 540, '县人民医院'),
    ]);
    expect(choice).not.toBeNull();
    expect(choice!.hospitalId).toBe('rm');
    expect(choice!.etaSeconds).toBe(540);
    expect(choice!.fallback).toBe(false);
    expect(choice!.rule).toBe('trauma');
    expect(codes(choice!.reasons)).toEqual([
      'trauma_center',
      'ct_available',
      'trauma_team_ready',
      'surgery',
      'eta',
    ]);
    expect(choice!.summary.zh).toBe('创伤中心，CT 可用，创伤团队就绪，可急诊手术，预计 9 分钟到达');
    expect(choice!.summary.en).toBe(
      'trauma centre, CT available, trauma team ready, emergency surgery, ETA 9 min',
    );
    expect(choice!.rejected).toHaveLength(1);
    const [rej] = choice!.rejected;
    expect(rej!.hospitalId).toBe('zy');
    expect(rej!.nearest).toBe(true);
    expect(codes(rej!.reasons)).toEqual(['no_trauma_center', 'no_surgery']);
    expect(rej!.summary.zh).toBe('最近的医院 县中医院 无创伤团队，无急诊手术能力');
  });

  it('skips a nearer trauma centre whose team is not ready, or whose CT is down', () => {
    const choice = chooseHospital({ severity: 'critical', injuryType: 'head' }, [
      h('a', 200, { traumaCenter: true, ct: true }, { ctAvailable: true, traumaTeamReady: false }),
      h('b', 250, { traumaCenter: true, ct: true }, { ctAvailable: false, traumaTeamReady: true }),
      traumaReady('c', 900),
    ]);
    expect(choice!.hospitalId).toBe('c');
    expect(choice!.fallback).toBe(false);
    const byId = Object.fromEntries(choice!.rejected.map((r) => [r.hospitalId, codes(r.reasons)]));
    expect(byId).toEqual({ a: ['trauma_team_not_ready'], b: ['ct_unavailable'] });
  });

  it('picks the nearest of several qualifying hospitals, ranking by ETA not input order', () => {
    const choice = chooseHospital({ severity: 'severe', injuryType: 'penetrating' }, [
      traumaReady('far', 1200),
      traumaReady('near', 600),
    ]);
    expect(choice!.hospitalId).toBe('near');
    expect(codes(choice!.rejected[0]!.reasons)).toEqual(['farther']);
    expect(choice!.rejected[0]!.nearest).toBe(false);
  });

  it('no ready team: the nearest with CT and surgery within the limit, never a CT-only centre', () => {
    const choice = chooseHospital({ severity: 'severe', injuryType: 'blunt' }, [
      h('ct-only', 300, { ct: true, grade: 1 }, { ctAvailable: true }),
      h('tc', 700, { traumaCenter: true, ct: true, grade: 3 }, { ctAvailable: true, traumaTeamReady: false }),
      h('county2', 650, { ct: true, grade: 2 }, { ctAvailable: true }),
    ]);
    expect(choice!.hospitalId).toBe('county2');
    expect(choice!.fallback).toBe(true);
    expect(choice!.reasons[0]!.code).toBe('fallback_ct_surgery');
    expect(codes(choice!.reasons)).toEqual(expect.arrayContaining(['ct_available', 'surgery']));
    expect(choice!.summary.zh).toContain('降级');
  });

  it('critical case, no definitive care within the limit: a 一级 township centre for stabilisation only, said so', () => {
    const cands = [
      h('pq', 600, { ct: true, grade: 1 }, { ctAvailable: true }, '平桥镇中心卫生院'),
      traumaReady('rm', 4000, '县人民医院'),
    ];
    const choice = chooseHospital({ severity: 'critical', injuryType: 'head' }, cands);
    expect(choice!.hospitalId).toBe('pq');
    expect(choice!.reasons[0]!.code).toBe('stabilisation_only');
    expect(choice!.summary.zh).toContain('仅作稳定处置');
    expect(codes(choice!.reasons)).toContain('no_surgery');
    const rm = choice!.rejected.find((r) => r.hospitalId === 'rm')!;
    expect(codes(rm.reasons)).toEqual(['beyond_limit']);
    // Within the limit the trauma centre wins however near the CT-equipped township centre is.
    const inTime = chooseHospital({ severity: 'critical', injuryType: 'head' }, cands, {
      definitiveCareLimitS: 4200,
    });
    expect(inTime!.hospitalId).toBe('rm');
    expect(inTime!.fallback).toBe(false);
  });

  it('a CT flag alone never sends a critical patient to a township centre when a surgical hospital is in reach', () => {
    for (const eta of [60, 300, 900, 1800]) {
      const choice = chooseHospital({ severity: 'critical', injuryType: 'blunt' }, [
        h('pq', eta, { ct: true, grade: 1 }, { ctAvailable: true, traumaTeamReady: true }),
        h('zy', 3000, { ct: true, grade: 2 }, { ctAvailable: true }),
      ]);
      expect(choice!.hospitalId).toBe('zy');
    }
  });

  it('beyond the limit with no township centre: the nearest with CT and surgery, then the nearest', () => {
    const far = chooseHospital({ severity: 'severe', injuryType: 'blunt' }, [
      h('plain', 300),
      h('tc-no-ct', 400, { traumaCenter: true, ct: true }, { ctAvailable: false, traumaTeamReady: true }),
      h('ct', 5000, { ct: true, grade: 2 }, { ctAvailable: true }),
    ]);
    expect(far!.hospitalId).toBe('ct');
    expect(far!.reasons[0]!.code).toBe('fallback_beyond_limit');

    const nearest = chooseHospital({ severity: 'severe', injuryType: 'blunt' }, [h('p2', 500), h('p1', 300)]);
    expect(nearest!.hospitalId).toBe('p1');
    expect(nearest!.fallback).toBe(true);
    expect(nearest!.reasons[0]!.code).toBe('fallback_no_ct');
    expect(codes(nearest!.reasons)).toEqual([
      'fallback_no_ct',
      'no_trauma_center',
      'no_ct',
      'no_surgery',
      'eta',
    ]);
  });

  it('never chooses an unreachable hospital; none reachable → null', () => {
    const choice = chooseHospital({ severity: 'severe', injuryType: 'blunt' }, [
      traumaReady('cut-off', Number.POSITIVE_INFINITY),
      h('ct', 800, { ct: true }, { ctAvailable: true }),
    ]);
    expect(choice!.hospitalId).toBe('ct');
    const rej = choice!.rejected.find((r) => r.hospitalId === 'cut-off');
    expect(codes(rej!.reasons)).toEqual(['unreachable']);
    expect(
      chooseHospital({ severity: 'minor', injuryType: 'other' }, [h('x', Number.POSITIVE_INFINITY)]),
    ).toBeNull();
    expect(chooseHospital({ severity: 'minor', injuryType: 'other' }, [])).toBeNull();
  });

  it('severe burns: preferences only break ties by default (golden hour first)', () => {
    const choice = chooseHospital({ severity: 'severe', injuryType: 'burn' }, [
      traumaReady('tc', 600),
      { ...traumaReady('burn', 660), capabilities: { ...traumaReady('x', 0).capabilities, burnUnit: true } },
    ]);
    expect(choice!.hospitalId).toBe('tc');
    expect(codes(choice!.reasons)).toContain('no_burn_unit');
    const wider = chooseHospital(
      { severity: 'severe', injuryType: 'burn' },
      [
        traumaReady('tc', 600),
        {
          ...traumaReady('burn', 660),
          capabilities: { ...traumaReady('x', 0).capabilities, burnUnit: true },
        },
      ],
      { severeMaxDetourS: 120 },
    );
    expect(wider!.hospitalId).toBe('burn');
  });
});

describe('chooseHospital — moderate / minor', () => {
  it('skips an overloaded ED (edLoad ≥ 0.9; exactly 0.9 is overloaded)', () => {
    const choice = chooseHospital({ severity: 'moderate', injuryType: 'blunt' }, [
      h('full', 200, {}, { edLoad: 0.9 }),
      h('ok', 400, {}, { edLoad: 0.89 }),
    ]);
    expect(choice!.hospitalId).toBe('ok');
    expect(choice!.rule).toBe('standard');
    expect(codes(choice!.reasons)).toEqual(['ed_capacity', 'eta']);
    expect(choice!.summary.zh).toBe('急诊负荷 89%，预计 7 分钟到达');
    expect(codes(choice!.rejected[0]!.reasons)).toEqual(['ed_overloaded']);
    expect(choice!.rejected[0]!.summary.zh).toBe('最近的医院 full 急诊满负荷（90%）');
  });

  it('does not require a trauma centre for a minor case', () => {
    const choice = chooseHospital({ severity: 'minor', injuryType: 'blunt' }, [
      traumaReady('tc', 900),
      h('clinic', 300),
    ]);
    expect(choice!.hospitalId).toBe('clinic');
  });

  it('all EDs overloaded → nearest, flagged', () => {
    const choice = chooseHospital({ severity: 'minor', injuryType: 'other' }, [
      h('b', 500, {}, { edLoad: 0.95 }),
      h('a', 400, {}, { edLoad: 1.2 }),
    ]);
    expect(choice!.hospitalId).toBe('a');
    expect(choice!.fallback).toBe(true);
    expect(codes(choice!.reasons)).toEqual(['fallback_all_ed_overloaded', 'ed_overloaded', 'eta']);
  });

  it('burns prefer a burn unit within the 10-minute detour allowance, not beyond', () => {
    const within = chooseHospital({ severity: 'moderate', injuryType: 'burn' }, [
      h('near', 300),
      h('burn', 900, { burnUnit: true }),
    ]);
    expect(within!.hospitalId).toBe('burn');
    expect(codes(within!.reasons)).toEqual(['ed_capacity', 'burn_unit', 'eta']);
    expect(codes(within!.rejected[0]!.reasons)).toEqual(['no_burn_unit']);

    const beyond = chooseHospital({ severity: 'moderate', injuryType: 'burn' }, [
      h('near', 300),
      h('burn', 901, { burnUnit: true }),
    ]);
    expect(beyond!.hospitalId).toBe('near');
    expect(codes(beyond!.reasons)).toEqual(['ed_capacity', 'no_burn_unit', 'eta']);
  });

  it('cardiac prefers a cath lab; stroke prefers CT available; a child prefers paediatrics', () => {
    const cardiac = chooseHospital({ severity: 'moderate', injuryType: 'cardiac' }, [
      h('near', 300),
      h('pci', 500, { cathLab: true }),
    ]);
    expect(cardiac!.hospitalId).toBe('pci');
    const stroke = chooseHospital({ severity: 'moderate', injuryType: 'stroke' }, [
      h('ct-down', 300, { ct: true }, { ctAvailable: false }),
      h('ct', 500, { ct: true }, { ctAvailable: true }),
    ]);
    expect(stroke!.hospitalId).toBe('ct');
    expect(codes(stroke!.rejected[0]!.reasons)).toEqual(['ct_unavailable']);
    const child = chooseHospital({ severity: 'minor', injuryType: 'blunt', pediatric: true }, [
      h('adult', 300),
      h('kids', 400, { pediatrics: true }),
    ]);
    expect(child!.hospitalId).toBe('kids');
  });

  it('equal ETAs are broken by hospitalId (deterministic)', () => {
    const a = chooseHospital({ severity: 'minor', injuryType: 'other' }, [h('b', 300), h('a', 300)]);
    const b = chooseHospital({ severity: 'minor', injuryType: 'other' }, [h('a', 300), h('b', 300)]);
    expect(a!.hospitalId).toBe('a');
    expect(b!.hospitalId).toBe('a');
  });
});

describe('chooseHospital — validation and display', () => {
  it('rejects bad input', () => {
    const tc = { severity: 'severe', injuryType: 'blunt' } as const;
    expect(() => chooseHospital(tc, [h('a', Number.NaN)])).toThrow(RangeError);
    expect(() => chooseHospital(tc, [h('a', -1)])).toThrow(RangeError);
    expect(() => chooseHospital(tc, [h('a', 1), h('a', 2)])).toThrow(/duplicate/);
    expect(() => chooseHospital(tc, [h('a', 1, {}, { edLoad: Number.NaN })])).toThrow(RangeError);
    expect(() => chooseHospital({ severity: 'bad' as 'minor', injuryType: 'blunt' }, [])).toThrow(RangeError);
  });

  it('rounds ETA minutes, at least 1', () => {
    expect(etaMinutes(0)).toBe(1);
    expect(etaMinutes(89)).toBe(1);
    expect(etaMinutes(90)).toBe(2);
    expect(etaMinutes(540)).toBe(9);
  });
});
