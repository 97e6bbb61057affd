export * from './analysis/index';
export type { AqiOptions, AqiPeriod, AqiResult, AqiSample, AqiSampleField } from './aqi';
export { aqiLevelOf, computeAqi, computeIaqi } from './aqi';
export type {
  AqiCategory,
  AqiCategoryEn,
  AqiEdition,
  AqiLevel,
  AqiLevelNumber,
  AqiRow,
  AqiRowId,
  AqiTable,
  Pollutant,
} from './aqi-tables';
export { AQI_LEVELS, AQI_TABLES, DEFAULT_AQI_EDITION, POLLUTANTS } from './aqi-tables';
export type { NoiseAssessment, NoisePeriod, NoiseZone, NoiseZoneInfo } from './noise';
export {
  assessNightMaxNoise,
  assessNoise,
  NIGHT_MAX_ALLOWANCE_DB,
  NOISE_LIMITS,
  NOISE_ZONES,
  noisePeriodAt,
} from './noise';
export type {
  Waterbody,
  WaterCategory,
  WaterClass,
  WaterClassInfo,
  WaterLabel,
  WaterOptions,
  WaterParameter,
  WaterParameterInfo,
  WaterResult,
  WaterSample,
} from './water';
export { classifyWater, WATER_CLASSES, WATER_LIMITS, WATER_PARAMETERS, WATER_PH_RANGE } from './water';
export type { SectionAssessment, SectionExcludedItem, TrophicInput, TrophicLevel } from './water-assessment';
export {
  assessSection,
  SECTION_EXCLUDED_ITEMS,
  TLI_WEIGHTS,
  trophicLevelIndex,
  trophicLevelOf,
} from './water-assessment';
