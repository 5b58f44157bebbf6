import { Duration, DurationLikeObject } from 'luxon';

/**
 * The one reader of ISO-8601 durations of the ITSM plugins (offering fulfilment
 * targets, SLA policy targets, their display). luxon's `Duration.fromISO` reads the
 * grammar; what luxon takes but the product refuses is refused here: signs (`-P1D`,
 * `PT-1H`), decimal commas, fractions of any unit but seconds, a `T` with no time after
 * it (`P1DT`) and a duration with no unit at all (`P`, `PT`).
 */

/**
 * The parts of a duration, as RFC 3339 appendix A writes them:
 * `P[nY][nM][nD][T[nH][nM][nS]]` or `PnW`. Units not written are 0.
 */
export type IsoDurationParts = {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  /** Whole seconds, unless fractional seconds are allowed (`PT1.5S` is 1.5). */
  seconds: number;
};

export interface IsoDurationOptions {
  /**
   * Which units may be written. `all` (the default): years, months, weeks, days,
   * hours, minutes and seconds, weeks alone (`P2W`), as RFC 3339 and ajv-formats'
   * `duration` format accept. `dayTime`: days, hours, minutes and seconds only; years,
   * months and weeks are refused, even as zero, because a year and a month have no
   * one length (the SLA policy rule: `P1D` is 24 hours of the policy's calendar).
   */
  units?: 'all' | 'dayTime';
  /**
   * Whether seconds may carry up to three decimals (`PT1.5S`, milliseconds). By
   * default every number is whole, as RFC 3339 and ajv-formats' `duration` accept.
   */
  fractionalSeconds?: boolean;
}

/** The SLA policy rule: days to seconds, seconds to the millisecond. */
export const SLA_DURATION_OPTIONS: Readonly<IsoDurationOptions> = {
  units: 'dayTime',
  fractionalSeconds: true,
};

/** Digits and unit letters only; with fractional seconds, `.ddd` just before the `S`. */
const WHOLE_NUMBERS = /^[^.,+-]*$/;
const FRACTIONAL_SECONDS = /^[^.,+-]*(?:\.\d{1,3}S)?$/;

const NOT_DAY_TIME: readonly (keyof DurationLikeObject)[] = [
  'years',
  'quarters',
  'months',
  'weeks',
];

/** The units written in `text` (as luxon reads them), or undefined when refused. */
function readUnits(
  text: string,
  fractionalSeconds: boolean,
): DurationLikeObject | undefined {
  const plain = fractionalSeconds ? FRACTIONAL_SECONDS : WHOLE_NUMBERS;
  if (!plain.test(text) || text.endsWith('T')) {
    return undefined;
  }
  const duration = Duration.fromISO(text);
  const units = duration.isValid ? duration.toObject() : {};
  return Object.keys(units).length > 0 ? units : undefined;
}

/** Whether the written units are allowed: weeks alone, and `dayTime` without long units. */
function unitsAllowed(
  units: DurationLikeObject,
  allowed: IsoDurationOptions['units'],
): boolean {
  if (allowed === 'dayTime') {
    return NOT_DAY_TIME.every(unit => units[unit] === undefined);
  }
  return units.weeks === undefined || Object.keys(units).length === 1;
}

/** The units of `text` when it is a duration of the allowed units and numbers. */
function allowedUnits(
  text: string,
  options: IsoDurationOptions,
): DurationLikeObject | undefined {
  const units = readUnits(text, options.fractionalSeconds ?? false);
  return units && unitsAllowed(units, options.units) ? units : undefined;
}

/**
 * The parts of `text`, or undefined when it is not an ISO-8601 duration of the
 * allowed units and numbers (see IsoDurationOptions; by default RFC 3339's grammar
 * with whole numbers, as ajv-formats' `duration` format accepts). Zero (`P0D`) is a
 * duration: ask isPositiveDuration. Surrounding spaces are refused.
 */
export function parseIsoDuration(
  text: string,
  options: IsoDurationOptions = {},
): IsoDurationParts | undefined {
  const units = allowedUnits(text, options);
  if (!units) {
    return undefined;
  }
  return {
    years: units.years ?? 0,
    months: units.months ?? 0,
    weeks: units.weeks ?? 0,
    days: units.days ?? 0,
    hours: units.hours ?? 0,
    minutes: units.minutes ?? 0,
    seconds: (units.seconds ?? 0) + (units.milliseconds ?? 0) / 1000,
  };
}

/** Whether the duration is longer than zero. */
export function isPositiveDuration(parts: IsoDurationParts): boolean {
  return Object.values(parts).some(part => part > 0);
}

/**
 * The length of `text` in milliseconds, or undefined when it is not an ISO-8601
 * duration of the allowed units and numbers (see parseIsoDuration) or is zero. A day is
 * 24 hours; with `units: 'all'` a week is 7 days, a month 30 days and a year 365 days
 * (luxon's casual conversion). Anything but a string is undefined.
 */
export function isoDurationMillis(
  text: unknown,
  options: IsoDurationOptions = {},
): number | undefined {
  const units =
    typeof text === 'string' ? allowedUnits(text, options) : undefined;
  const millis = units ? Duration.fromObject(units).toMillis() : 0;
  return millis > 0 ? millis : undefined;
}

/**
 * An SLA target in milliseconds (`itsm.sla.policies[].targets`): days, hours, minutes
 * and seconds (to the millisecond), surrounding spaces ignored; undefined when it is
 * not such a duration or is zero. `P1D` is 24 hours of the policy's calendar: on a
 * business calendar that is 24 *working* hours, not one working day.
 */
export function slaDurationMillis(text: unknown): number | undefined {
  return isoDurationMillis(
    typeof text === 'string' ? text.trim() : text,
    SLA_DURATION_OPTIONS,
  );
}

const UNIT_NAMES: ReadonlyArray<[keyof IsoDurationParts, string]> = [
  ['years', 'year'],
  ['months', 'month'],
  ['weeks', 'week'],
  ['days', 'day'],
  ['hours', 'hour'],
  ['minutes', 'minute'],
  ['seconds', 'second'],
];

/**
 * An ISO-8601 duration for people: `P2D` → `2 days`, `PT8H` → `8 hours`, `P1DT12H` →
 * `1 day 12 hours`. Whole numbers of any units (weeks with days too, `P1W2D` →
 * `1 week 2 days`); anything else, zero included, is returned unchanged.
 */
export function formatIsoDuration(iso: string): string {
  const units = readUnits(iso, false);
  const words = UNIT_NAMES.flatMap(([unit, name]) => {
    const n = units?.[unit] ?? 0;
    return n ? [`${n} ${name}${n === 1 ? '' : 's'}`] : [];
  });
  return words.length > 0 ? words.join(' ') : iso;
}
