import { describe, expect, it } from 'vitest';
import { beijingDate, HOUR } from '../calendar';
import { caseHandlingMinutesToday, casesClosedToday } from '../county/model';
import { loadGeo } from '../geo';

const geo = loadGeo();
const SEED = 20211;

describe('urban-management case handling times', () => {
  const town = geo.townships.find((t) => t.code === '331023001') ?? geo.townships[0]!;
  const day = beijingDate(2026, 10, 14, 0); // a Wednesday

  it('accumulate over the day with the closures, never going down, and restart at midnight', () => {
    let previous = 0;
    for (let h = 1; h <= 24; h++) {
      const minutes = caseHandlingMinutesToday(SEED, town, day + h * HOUR - 1);
      expect(minutes).toBeGreaterThanOrEqual(previous);
      previous = minutes;
    }
    expect(previous).toBeGreaterThan(0);
    expect(caseHandlingMinutesToday(SEED, town, day + 24 * HOUR + 1)).toBeLessThan(previous);
  });

  it('give a mean of a few hours per closed case, longer in remote townships, the same for the same seed and time', () => {
    const t = day + 17 * HOUR;
    const mean = (code: string) => {
      const tw = geo.townships.find((x) => x.code === code)!;
      return caseHandlingMinutesToday(SEED, tw, t) / 60 / casesClosedToday(SEED, tw, t);
    };
    const all = geo.townships.filter((tw) => casesClosedToday(SEED, tw, t) > 0);
    expect(all.length).toBeGreaterThan(3);
    for (const tw of all) {
      const hours = mean(tw.code);
      expect(hours, tw.name).toBeGreaterThan(1);
      expect(hours, tw.name).toBeLessThan(6);
    }
    const sub = all.filter((tw) => tw.name.endsWith('街道'));
    const remote = all.filter((tw) => tw.name.endsWith('乡'));
    if (sub.length && remote.length) {
      const avg = (xs: typeof all) => xs.reduce((s, x) => s + mean(x.code), 0) / xs.length;
      expect(avg(remote)).toBeGreaterThan(avg(sub));
    }
    expect(caseHandlingMinutesToday(SEED, town, t)).toBe(caseHandlingMinutesToday(SEED, town, t));
  });
});
