import { InputError } from '@backstage/errors';
import { DateTime } from 'luxon';
import { z } from 'zod/v4';

/** RFC 3339 with an offset (2026-11-24T22:00:00Z, …+01:00): what the API documents. */
const rfc3339 = z.iso.datetime({ offset: true });

/**
 * The one reading of date-time input, for the OpenAPI validator's `date-time` format and
 * for the services: the shape of RFC 3339 and a real calendar date and time, parsed by
 * luxon without moving anything (Date.parse turns 2026-02-30 into March 2). The instant
 * must fall in the years 1–9999 in UTC, which both engines store and SQLite orders as
 * text.
 */
export function parseDateTime(value: string): DateTime | undefined {
  if (!rfc3339.safeParse(value).success) return undefined;
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid) return undefined;
  const utc = parsed.toUTC();
  return utc.year >= 1 && utc.year <= 9999 ? utc : undefined;
}

/** For the validator: whether a string is a date-time this API accepts. */
export function isDateTime(value: string): boolean {
  return parseDateTime(value) !== undefined;
}

/** A date-time input as the stored ISO string (UTC, milliseconds); a 400 naming the field otherwise. */
export function toIsoDateTime(field: string, value: string): string {
  const parsed = parseDateTime(value);
  if (!parsed) {
    throw new InputError(
      `${field}: '${value}' is not a date-time; expected RFC 3339 with an offset, e.g. 2026-11-24T22:00:00Z`,
    );
  }
  return parsed.toISO()!;
}
