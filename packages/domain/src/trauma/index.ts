export type {
  CoverageBand,
  CoverageOptions,
  CoverageStats,
  CoverageSummary,
  TownshipCoverage,
  VillageTravelTime,
} from './coverage';
export { coverageSummary, isCovered } from './coverage';
export type {
  ChooseHospitalOptions,
  HospitalCandidate,
  HospitalCapabilities,
  HospitalChoice,
  HospitalLive,
  HospitalReason,
  HospitalReasonCode,
  InjuryType,
  LocalizedText,
  RejectedHospital,
  Severity,
  TraumaCase,
} from './hospital';
export { chooseHospital, etaMinutes } from './hospital';
export type {
  AgeBand,
  DurationStats,
  GoldenHourStats,
  PatientRecord,
  PublicPatient,
  PublicSex,
  RegionTraumaKpis,
  TraumaIncident,
  TraumaKpiOptions,
  TraumaKpis,
} from './kpi';
export { AGE_BANDS, ageBand, quantileSorted, toPublicPatient, traumaKpis, traumaKpisByRegion } from './kpi';
export type { GpsFix, InterpolatedPosition, InterpolateOptions } from './motion';
export { bearingDeg, interpolateFix } from './motion';
export type {
  PreemptionConfig,
  PreemptionEta,
  PreemptionEtaOptions,
  PreemptionEvent,
  PreemptionSignal,
  PreemptionSignalState,
  PreemptionState,
  SignalDelayModel,
} from './preemption';
export {
  createPreemption,
  DEFAULT_PREEMPTION_CONFIG,
  etaWithAndWithoutPreemption,
  nextSignal,
  stepPreemption,
} from './preemption';
