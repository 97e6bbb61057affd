export type { CalendarDay, HolidayName, HolidayPeriod, HolidayYear } from './holidays';
export {
  CALENDAR_COVERAGE,
  calendarDay,
  datesBetween,
  HOLIDAY_SCHEDULE,
  HOLIDAYS,
  officialDayKind,
} from './holidays';
