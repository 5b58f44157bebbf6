/** Weekday keys as they appear in `itsm.sla.calendars.<name>.hours`. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Weekday keys in ISO order (Monday first). */
export const WEEKDAYS: readonly Weekday[] = [
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
];

/** Opening hours within one local day, in minutes after local midnight: [start, end). */
export interface DailyInterval {
  /** 0..1439 */
  start: number;
  /** 1..1440; 1440 means midnight at the end of the day ("24:00"). */
  end: number;
}

/** Every instant counts: business time equals real elapsed time. */
export interface TwentyFourSevenCalendar {
  type: '24x7';
}

/** Weekly opening hours in an IANA time zone, minus whole-day holidays. */
export interface BusinessCalendar {
  type: 'business';
  /** IANA zone name, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** Sorted, non-overlapping intervals per weekday; an empty list means closed. */
  hours: Record<Weekday, DailyInterval[]>;
  /** Closed local dates (`YYYY-MM-DD`, in `timeZone`). */
  holidays: ReadonlySet<string>;
}

export type SlaCalendar = TwentyFourSevenCalendar | BusinessCalendar;

/** A half-open interval [start, end) of instants. */
export interface TimeInterval {
  start: Date;
  end: Date;
}

/** A pause; `end: null` (or missing) means "still paused" (open-ended). */
export interface PauseInterval {
  start: Date;
  end?: Date | null;
}
