import { DateTime, IANAZone } from 'luxon';
import {
  BusinessCalendar,
  DailyInterval,
  SlaCalendar,
  WEEKDAYS,
  Weekday,
} from './types';

const INTERVAL = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses "HH:mm-HH:mm" (00:00..24:00, start < end) or returns undefined. */
function parseInterval(raw: unknown): DailyInterval | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = INTERVAL.exec(raw.trim());
  if (!m) return undefined;
  const [sh, sm, eh, em] = m.slice(1).map(Number);
  if (sm > 59 || em > 59 || sh > 23 || eh > 24 || (eh === 24 && em !== 0)) {
    return undefined;
  }
  return { start: sh * 60 + sm, end: eh * 60 + em };
}

/**
 * Reads one calendar definition from `itsm.sla.calendars.<name>`.
 *
 * @param raw - the config value (plain JSON, e.g. from `config.get()`)
 * @param key - the config path, used in error messages,
 *   e.g. `itsm.sla.calendars.eu-office`
 * @throws Error naming the bad key, e.g.
 *   `itsm.sla.calendars.eu-office.hours.mon[0] must be HH:mm-HH:mm`
 */
export function parseCalendar(raw: unknown, key: string): SlaCalendar {
  if (!isObject(raw)) throw new Error(`${key} must be an object`);
  if (raw.type === '24x7') {
    const extra = Object.keys(raw).filter(k => k !== 'type');
    if (extra.length) {
      throw new Error(`${key}.${extra[0]} is not allowed for a 24x7 calendar`);
    }
    return { type: '24x7' };
  }
  if (raw.type !== 'business') {
    throw new Error(`${key}.type must be '24x7' or 'business'`);
  }
  for (const k of Object.keys(raw)) {
    if (!['type', 'timeZone', 'hours', 'holidays'].includes(k)) {
      throw new Error(`${key}.${k} is not a calendar property`);
    }
  }

  const timeZone = raw.timeZone;
  if (typeof timeZone !== 'string' || !IANAZone.isValidZone(timeZone)) {
    throw new Error(
      `${key}.timeZone must be an IANA time zone such as Europe/Berlin`,
    );
  }

  if (!isObject(raw.hours)) {
    throw new Error(`${key}.hours must map weekdays (mon…sun) to intervals`);
  }
  const hours = {} as Record<Weekday, DailyInterval[]>;
  for (const day of Object.keys(raw.hours)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) {
      throw new Error(`${key}.hours.${day} is not a weekday (mon…sun)`);
    }
  }
  let open = false;
  for (const day of WEEKDAYS) {
    const list = raw.hours[day] ?? [];
    if (!Array.isArray(list)) {
      throw new Error(`${key}.hours.${day} must be a list of HH:mm-HH:mm`);
    }
    const parsed = list.map((item, i) => {
      const interval = parseInterval(item);
      if (!interval) {
        throw new Error(`${key}.hours.${day}[${i}] must be HH:mm-HH:mm`);
      }
      if (interval.end <= interval.start) {
        throw new Error(
          `${key}.hours.${day}[${i}] must end after it starts (no overnight intervals; split them at 24:00)`,
        );
      }
      return { ...interval, index: i };
    });
    parsed.sort((a, b) => a.start - b.start);
    for (let i = 1; i < parsed.length; i++) {
      if (parsed[i].start < parsed[i - 1].end) {
        throw new Error(
          `${key}.hours.${day}[${parsed[i].index}] overlaps ${day}[${
            parsed[i - 1].index
          }]`,
        );
      }
    }
    hours[day] = parsed.map(({ start, end }) => ({ start, end }));
    open = open || parsed.length > 0;
  }
  if (!open) throw new Error(`${key}.hours must open on at least one day`);

  const rawHolidays = raw.holidays ?? [];
  if (!Array.isArray(rawHolidays)) {
    throw new Error(`${key}.holidays must be a list of dates YYYY-MM-DD`);
  }
  const holidays = new Set<string>();
  rawHolidays.forEach((item, i) => {
    if (
      typeof item !== 'string' ||
      !DATE.test(item) ||
      !DateTime.fromISO(item, { zone: 'utc' }).isValid
    ) {
      throw new Error(`${key}.holidays[${i}] must be a date YYYY-MM-DD`);
    }
    holidays.add(item);
  });

  const calendar: BusinessCalendar = {
    type: 'business',
    timeZone,
    hours,
    holidays,
  };
  return calendar;
}

/** Reads all of `itsm.sla.calendars` (a map of name → definition). */
export function parseCalendars(
  raw: unknown,
  key = 'itsm.sla.calendars',
): Record<string, SlaCalendar> {
  if (raw === undefined) return {};
  if (!isObject(raw)) throw new Error(`${key} must map names to calendars`);
  const result: Record<string, SlaCalendar> = {};
  for (const [name, value] of Object.entries(raw)) {
    result[name] = parseCalendar(value, `${key}.${name}`);
  }
  return result;
}
