export type { CompareWindow, TimedValue, WindowStats, YearOnYear } from './compare';
export { COMPARE_WINDOW_MS, compareYearOnYear } from './compare';
export type {
  DailyAirOptions,
  DailyAirResult,
  DailyStatistic,
  HourlyAirSample,
  HourlyPollutant,
} from './daily';
export {
  DAILY_EVALUATION_ITEMS,
  DAILY_STATISTICS,
  dailyAirQuality,
  HOURLY_POLLUTANTS,
  roundHalfEven,
} from './daily';
export type {
  AqiEpisode,
  EpisodeOptions,
  HourlyAqi,
  UpwindOptions,
  UpwindStation,
} from './episodes';
export { detectEpisodes, upwindStations } from './episodes';
export type { DailyAqiRecord, GoodDayOptions, GoodDayProgress, GoodDayShare } from './good-days';
export {
  datesBetween,
  GOOD_DAY_MAX_AQI,
  goodDayShare,
  monthGoodDayShare,
  yearGoodDayProgress,
} from './good-days';
export type { IdwBBox, IdwGrid, IdwGridOptions, IdwOptions, IdwStation } from './idw';
export { idwGrid, sampleIdw } from './idw';
export type {
  NightExceedance,
  NoiseHourly,
  NoisePeriodResult,
  NoiseSite,
  NoiseSummary,
  NoiseSummaryOptions,
  PeriodCompliance,
  ZoneNoiseSummary,
} from './noise-summary';
export { energyAverageDb, noiseComplianceSummary, noisePeriodOfHour } from './noise-summary';
export { beijingDateOf, beijingDayStart, shiftBeijingYears } from './time';
export type {
  DatedWaterSample,
  FailingParameter,
  ParameterExceedance,
  WaterComplianceResult,
  WaterLimit,
  WaterSection,
} from './water-compliance';
export { waterCompliance, waterLimitFor } from './water-compliance';
export type { YearToDate } from './year-to-date';
export { yearToDateGoodDays } from './year-to-date';
