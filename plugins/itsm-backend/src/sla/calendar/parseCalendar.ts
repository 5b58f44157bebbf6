import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod/v4';
import { parseConfig } from '../../config/parseConfig';
import { configObject, isObject, readWith } from '../../config/schemas';
import {
  BusinessCalendar,
  DailyInterval,
  SlaCalendar,
  WEEKDAYS,
  Weekday,
} from './types';

/** "HH:mm-HH:mm": starts 00:00–23:59, ends 00:00–24:00. */
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d';
const INTERVAL = new RegExp(`^(${TIME})-(${TIME}|24:00)$`);

const minutes = (hhmm: string) =>
  Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

const interval = z
  .string({ error: 'must be HH:mm-HH:mm' })
  .trim()
  .regex(INTERVAL, { error: 'must be HH:mm-HH:mm' })
  .transform((text): DailyInterval => {
    const [start, end] = text.split('-');
    return { start: minutes(start), end: minutes(end) };
  })
  .refine(i => i.end > i.start, {
    error:
      'must end after it starts (no overnight intervals; split them at 24:00)',
  });

/** One weekday's opening hours, sorted; missing means closed. */
const dayHours = (day: Weekday) =>
  z
    .array(interval, { error: 'must be a list of HH:mm-HH:mm' })
    .nullish()
    .transform(list => list ?? [])
    .check(ctx => {
      const sorted = ctx.value
        .map((item, index) => ({ ...item, index }))
        .sort((a, b) => a.start - b.start);
      const clash = sorted.findIndex(
        (item, i) => i > 0 && item.start < sorted[i - 1].end,
      );
      if (clash > 0) {
        ctx.issues.push({
          code: 'custom',
          path: [sorted[clash].index],
          message: `overlaps ${day}[${sorted[clash - 1].index}]`,
          input: ctx.value,
        });
      }
    })
    .transform(list => [...list].sort((a, b) => a.start - b.start));

const hours = configObject(
  Object.fromEntries(WEEKDAYS.map(day => [day, dayHours(day)])),
  {
    notObject: 'must map weekdays (mon…sun) to intervals',
    unknownKey: 'is not a weekday (mon…sun)',
  },
).refine(days => Object.values(days).some(list => list.length > 0), {
  error: 'must open on at least one day',
});

const holiday = readWith(
  value =>
    typeof value === 'string' &&
    DateTime.fromFormat(value, 'yyyy-MM-dd', { zone: 'utc' }).isValid
      ? value
      : undefined,
  'must be a date YYYY-MM-DD',
);

const business = configObject(
  {
    type: z.literal('business'),
    timeZone: readWith(
      value =>
        typeof value === 'string' && IANAZone.isValidZone(value)
          ? value
          : undefined,
      'must be an IANA time zone such as Europe/Berlin',
    ),
    hours,
    holidays: z
      .array(holiday, { error: 'must be a list of dates YYYY-MM-DD' })
      .nullish(),
  },
  { notObject: 'must be an object', unknownKey: 'is not a calendar property' },
).transform(
  (raw): BusinessCalendar => ({
    type: 'business',
    timeZone: raw.timeZone,
    hours: raw.hours as Record<Weekday, DailyInterval[]>,
    holidays: new Set(raw.holidays ?? []),
  }),
);

const twentyFourSeven = configObject(
  { type: z.literal('24x7') },
  {
    notObject: 'must be an object',
    unknownKey: 'is not allowed for a 24x7 calendar',
  },
).transform((): SlaCalendar => ({ type: '24x7' }));

/** One of the types, chosen by `type` before the rest is read. */
const ofType = (
  type: SlaCalendar['type'],
  schema: z.ZodType<SlaCalendar, Record<string, unknown>>,
) =>
  z
    .looseObject({ type: z.literal(type) })
    .pipe(schema as z.ZodType<SlaCalendar, Pick<SlaCalendar, 'type'>>);

const calendar = z
  .custom<Record<string, unknown>>(isObject, { error: 'must be an object' })
  .pipe(
    z.discriminatedUnion(
      'type',
      [ofType('24x7', twentyFourSeven), ofType('business', business)],
      { error: "must be '24x7' or 'business'" },
    ),
  );

const calendars = z
  .record(z.string(), calendar, { error: 'must map names to calendars' })
  .optional()
  .transform(map => map ?? {});

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
  return parseConfig(calendar, raw, key);
}

/** Reads all of `itsm.sla.calendars` (a map of name → definition). */
export function parseCalendars(
  raw: unknown,
  key = 'itsm.sla.calendars',
): Record<string, SlaCalendar> {
  return parseConfig(calendars, raw, key);
}
