import type { IndicatorValue, ParkingSnapshot } from '@cockpit/contracts';

export const pick = (s: ParkingSnapshot | undefined, id: string): IndicatorValue | undefined =>
  s?.indicators.find((i) => i.indicatorId === id);

export const sourceOf = (s: ParkingSnapshot | undefined, lang: string): string => {
  const src = s?.sources.find((x) => x.system === 'parking-platform');
  if (!src) return '停车平台';
  return lang === 'en' ? src.name.en : src.name.zh;
};

export const statusOf = (s: ParkingSnapshot | undefined) =>
  s?.sources.find((x) => x.system === 'parking-platform')?.status;

export const loc = (text: { zh: string; en: string }, lang: string) => (lang === 'en' ? text.en : text.zh);
