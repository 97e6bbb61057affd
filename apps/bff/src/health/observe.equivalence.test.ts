import type { AlarmRule, IndicatorDefinition } from '@cockpit/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndicatorDefinitions } from '../indicators/definitions';
import { INDICATOR_DEFINITIONS } from '../indicators/registry';
import type { HourlyValue } from '../store/history';
import { meets, type Observation, summaryOf } from './engine';
import { conditionOf, indicatorObservations } from './observe';
import { builtinRules } from './rules.seed';

/**
 * The indicator observations (values filtered once per scope and shared by the rules, one summary function
 * per rule, indexed loops) against the function as it was before, kept here verbatim as the reference: the
 * same rules covered and the same observations, in the same order, with the same words.
 */

const round = (n: number) => Math.round(n * 100) / 100;
const TOWNSHIP_CODE_LENGTH = 9;

function referenceIndicatorObservations(
  rules: Iterable<AlarmRule>,
  values: readonly HourlyValue[],
  definition: (id: string) => IndicatorDefinition | undefined,
): { covered: Set<string>; observations: Observation[] } {
  const byIndicator = new Map<string, { all: HourlyValue[]; byTownship: Map<string, HourlyValue[]> }>();
  for (const v of values) {
    let entry = byIndicator.get(v.indicatorId);
    if (!entry) {
      entry = { all: [], byTownship: new Map() };
      byIndicator.set(v.indicatorId, entry);
    }
    entry.all.push(v);
    if (v.regionCode.length >= TOWNSHIP_CODE_LENGTH) {
      const township = v.regionCode.slice(0, TOWNSHIP_CODE_LENGTH);
      const list = entry.byTownship.get(township);
      if (list) list.push(v);
      else entry.byTownship.set(township, [v]);
    }
  }
  const covered = new Set<string>();
  const observations: Observation[] = [];
  for (const rule of rules) {
    if (!rule.enabled || rule.indicatorId === null) continue;
    const def = definition(rule.indicatorId);
    const condition = conditionOf(rule, def);
    if (!condition) continue;
    covered.add(rule.id);
    const codeLength =
      rule.level === 'township' ? 9 : rule.level === 'village' ? 12 : rule.level === 'county' ? 6 : 0;
    const unit = def?.unit === '%' ? 100 : 1;
    const source = def?.source.system ?? 'bff';
    const entry = byIndicator.get(rule.indicatorId);
    const candidates =
      rule.regionScope.length >= TOWNSHIP_CODE_LENGTH
        ? entry?.byTownship.get(rule.regionScope.slice(0, TOWNSHIP_CODE_LENGTH))
        : entry?.all;
    for (const v of candidates ?? []) {
      if (!v.regionCode.startsWith(rule.regionScope)) continue;
      if (codeLength !== 0 && v.regionCode.length !== codeLength) continue;
      if (v.status !== 'ok') {
        observations.push({
          ruleId: rule.id,
          regionCode: v.regionCode,
          entityId: null,
          source,
          groupKey: null,
          active: null,
          value: v.value,
          summary: '',
        });
        continue;
      }
      if (v.value === null || !meets(condition, v.value)) continue;
      const value = v.value;
      observations.push({
        ruleId: rule.id,
        regionCode: v.regionCode,
        entityId: null,
        source,
        groupKey: null,
        active: true,
        value,
        summary: () =>
          `${def?.name.zh ?? rule.indicatorId} ${round(value * unit)}${def?.unit ?? ''}（${condition.op} ${round(condition.value * unit)}${def?.unit ?? ''}）`,
      });
    }
  }
  return { covered, observations };
}

const defs = new IndicatorDefinitions(INDICATOR_DEFINITIONS).list({ status: 'active' });
const byId = new Map(defs.map((d) => [d.id, d]));
const seeded = builtinRules(defs, '2026-10-03T00:00:00.000Z');
// A few indicators (one in %, so the words scale), and an id no definition has.
const INDICATORS = [...defs.filter((d) => d.unit === '%').slice(0, 1), ...defs.slice(0, 3)].map((d) => d.id);
const UNKNOWN = 'no.such.indicator';
// County, townships, villages, and codes that fit no level (too short, between levels, another county).
const CODES = [
  '331023',
  '331023001',
  '331023002',
  '331023001001',
  '331023001002',
  '331023002001',
  '3310230010',
  '33102',
  '331024001',
];
const SCOPES = ['331023', '331023001', '331023002', '331023001001', '3310', '', '331023001001999'];

const valueArb = fc.record({
  indicatorId: fc.constantFrom(...INDICATORS, UNKNOWN),
  regionCode: fc.constantFrom(...CODES),
  value: fc.option(fc.double({ min: -10, max: 200, noNaN: true }), { nil: null, freq: 8 }),
  status: fc.constantFrom('ok', 'ok', 'ok', 'stale', 'error'),
}) as fc.Arbitrary<HourlyValue>;

const ruleArb = fc
  .record({
    base: fc.constantFrom(...seeded.filter((r) => r.indicatorId !== null)),
    indicatorId: fc.option(fc.constantFrom(...INDICATORS, UNKNOWN), { nil: null, freq: 8 }),
    ownCondition: fc.option(
      fc.record({
        op: fc.constantFrom('>', '>=', '<', '<=') as fc.Arbitrary<'>' | '>=' | '<' | '<='>,
        value: fc.double({ min: 0, max: 150, noNaN: true }),
      }),
      { nil: null },
    ),
    regionScope: fc.constantFrom(...SCOPES),
    level: fc.constantFrom(null, 'county', 'township', 'village') as fc.Arbitrary<AlarmRule['level']>,
    enabled: fc.constantFrom(true, true, true, false),
  })
  .map(({ base, ...r }) => ({ ...base, ...r, condition: r.ownCondition ?? base.condition }));

describe('indicator observations, against the function before its fast paths', () => {
  it('property: the same covered rules and observations, in order, with the same words', () => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { maxLength: 12 }),
        fc.array(valueArb, { maxLength: 40 }),
        (drafts, values) => {
          const rules = drafts.map(({ ownCondition: _, ...r }, i) => ({ ...r, id: `${r.id}#${i}` }));
          const definition = (id: string) => byId.get(id);
          const shown = (r: { covered: Set<string>; observations: Observation[] }) => ({
            covered: [...r.covered],
            observations: r.observations.map((o) => ({ ...o, summary: summaryOf(o) })),
          });
          expect(shown(indicatorObservations(rules, values, definition))).toEqual(
            shown(referenceIndicatorObservations(rules, values, definition)),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: refreshes in the same layout (kept from one to the next) or another, each as the reference', () => {
    const pairArb = fc.record({
      indicatorId: fc.constantFrom(...INDICATORS, UNKNOWN),
      regionCode: fc.constantFrom(...CODES),
    });
    const readingArb = fc.record({
      value: fc.option(fc.double({ min: -10, max: 200, noNaN: true }), { nil: null, freq: 8 }),
      status: fc.constantFrom('ok', 'ok', 'stale', 'error') as fc.Arbitrary<HourlyValue['status']>,
    });
    fc.assert(
      fc.property(
        fc.array(pairArb, { minLength: 1, maxLength: 30 }),
        fc.array(
          fc.record({
            rules: fc.array(ruleArb, { maxLength: 8 }),
            readings: fc.array(readingArb, { minLength: 30, maxLength: 30 }),
            /** Another layout: the first two values trade regions, or the last one is missing. */
            change: fc.constantFrom(null, null, null, 'swap', 'shorter'),
          }),
          { minLength: 2, maxLength: 5 },
        ),
        (pairs, refreshes) => {
          const definition = (id: string) => byId.get(id);
          for (const refresh of refreshes) {
            const rules = refresh.rules.map(({ ownCondition: _, ...r }, i) => ({ ...r, id: `${r.id}#${i}` }));
            let values: HourlyValue[] = pairs.map((pair, i) => ({ ...pair, ...refresh.readings[i]! }));
            if (refresh.change === 'swap' && values.length >= 2)
              values = [
                { ...values[0]!, regionCode: values[1]!.regionCode },
                { ...values[1]!, regionCode: values[0]!.regionCode },
                ...values.slice(2),
              ];
            if (refresh.change === 'shorter') values = values.slice(0, -1);
            const shown = (r: { covered: Set<string>; observations: Observation[] }) => ({
              covered: [...r.covered],
              observations: r.observations.map((o) => ({ ...o, summary: summaryOf(o) })),
            });
            expect(shown(indicatorObservations(rules, values, definition))).toEqual(
              shown(referenceIndicatorObservations(rules, values, definition)),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rules that share a scope each judge its values (the filtered list is shared, not used up)', () => {
    const rule = seeded.find((r) => r.indicatorId === INDICATORS[1])!;
    const values: HourlyValue[] = ['331023001001', '331023001002', '331023002001'].map((regionCode) => ({
      indicatorId: rule.indicatorId!,
      regionCode,
      value: 50,
      status: 'ok',
    }));
    const twins = [0, 1].map((i) => ({
      ...rule,
      id: `twin.${i}`,
      condition: { op: '>' as const, value: 10 },
      regionScope: '331023001',
      level: null,
    }));
    const { observations } = indicatorObservations(twins, values, (id) => byId.get(id));
    expect(observations.map((o) => `${o.ruleId} ${o.regionCode}`)).toEqual([
      'twin.0 331023001001',
      'twin.0 331023001002',
      'twin.1 331023001001',
      'twin.1 331023001002',
    ]);
  });
});
