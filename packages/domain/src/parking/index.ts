export type { AlarmKind, ParkingAlarm, Severity } from './alarms';
export { computeAlarms, SENSOR_SILENT_MS } from './alarms';
export type {
  CostBreakdown,
  Destination,
  DriveEstimate,
  ExclusionCode,
  LotCandidate,
  LotSite,
  PoiPreset,
  RankedLot,
  RankOptions,
  RankResult,
  RankWeights,
  Reason,
  ReasonCode,
  ResolvedDestination,
} from './guidance';
export {
  buildCandidate,
  DEFAULT_MAX_WALK_M,
  DEFAULT_WEIGHTS,
  driveFromRoute,
  ESTIMATED_DRIVE_KPH,
  estimateDrive,
  lotCost,
  POI_PRESETS,
  ROAD_FACTOR,
  rankLots,
  resolveDestination,
  WALK_DETOUR_FACTOR,
  WALK_SPEED_MPS,
  walkMeters,
} from './guidance';
export type {
  BerthCounts,
  HourlyFlow,
  OccupancyLevel,
  ParkingEvent,
  ParkingSession,
  RegionTotals,
  TimeWindow,
} from './kpi';
export {
  aggregateLots,
  averageDwellMinutes,
  BUSY_THRESHOLD,
  FULL_THRESHOLD,
  freeBerths,
  hourlyFlows,
  isValidCounts,
  occupancyLevel,
  occupancyRate,
  turnoverRate,
} from './kpi';
export { MASKED, maskPlate } from './mask';
export type {
  DayProfile,
  FreePrediction,
  HorizonStd,
  OccupancySample,
  PredictionEvaluation,
  PredictionMethod,
  PredictionPair,
  Profile,
  StandardHorizon,
} from './predict';
export {
  BAND_Z,
  buildProfile,
  DEFAULT_DECAY_TAU_MIN,
  DEFAULT_HORIZONS,
  evaluatePredictions,
  fullThreshold,
  predictFree,
  predictFreeAt,
  profileAt,
  RECENT_WINDOW_MIN,
  SLOT_MINUTES,
  SMOOTHING_TAU_MIN,
} from './predict';
export type {
  Direction,
  DirectionValue,
  GuideScreen,
  LotStatus,
  ScreenCheck,
  ScreenIssue,
  ScreenIssueCode,
  ScreenTarget,
  ScreenTier,
} from './screens';
export {
  checkScreens,
  DISPLAY_CAP,
  displayText,
  expectedDisplay,
  HEARTBEAT_STALE_MS,
  mismatchTolerance,
} from './screens';
export type { CalendarSpec, DayKind, DayKindOf } from './time';
export {
  BEIJING_OFFSET_MS,
  beijingDateKey,
  beijingDayIndex,
  beijingHourStart,
  beijingMidnight,
  beijingMinuteOfDay,
  beijingTime,
  beijingWeekday,
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  makeCalendar,
} from './time';
export type { LocalizedText } from './types';
