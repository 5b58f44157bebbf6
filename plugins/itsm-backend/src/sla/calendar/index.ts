export * from './types';
export { parseCalendar, parseCalendars } from './parseCalendar';
export {
  addBusinessMillis,
  businessMillisBetween,
  elapsedBusinessMillis,
  elapsedWithPauses,
  firstInstantAtOrAfter,
  mergeIntervals,
  openIntervalsBetween,
} from './arithmetic';
