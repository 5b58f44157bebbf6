import { parseEntityRef } from '@backstage/catalog-model';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A compact length of (calendar) time, as `formatAge` shows ages: `12m`, `5h`, `3d`. */
export function formatAgeMs(elapsed: number): string {
  const ms = Math.max(0, elapsed);
  if (Number.isNaN(ms)) return '';
  if (ms < MINUTE) return `${Math.floor(ms / 1000)}s`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)}m`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)}h`;
  return `${Math.floor(ms / DAY)}d`;
}

/** Compact age for tables: `45s`, `12m`, `5h`, `3d`. */
export function formatAge(iso: string, now: number = Date.now()): string {
  return formatAgeMs(now - new Date(iso).getTime());
}

/** "5 minutes ago", "in 2 hours". */
export function formatRelativeTime(
  iso: string,
  now: number = Date.now(),
): string {
  const diff = new Date(iso).getTime() - now;
  if (Number.isNaN(diff)) return '';
  const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const abs = Math.abs(diff);
  if (abs < MINUTE) return rtf.format(Math.round(diff / 1000), 'second');
  if (abs < HOUR) return rtf.format(Math.round(diff / MINUTE), 'minute');
  if (abs < DAY) return rtf.format(Math.round(diff / HOUR), 'hour');
  return rtf.format(Math.round(diff / DAY), 'day');
}

/** Absolute local date and time, for tooltips and detail fields. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/**
 * A short human form of an entity ref: users and groups by name (`alice`), other kinds
 * as `component:payments`; the namespace only when it is not `default`. Anything that is
 * not an entity ref is returned unchanged.
 */
export function humanizeRef(ref: string | null | undefined): string {
  if (!ref) return '';
  try {
    const { kind, namespace, name } = parseEntityRef(ref);
    const lowerKind = kind.toLocaleLowerCase('en-US');
    const path = namespace === 'default' ? name : `${namespace}/${name}`;
    return lowerKind === 'user' || lowerKind === 'group'
      ? path
      : `${lowerKind}:${path}`;
  } catch {
    return ref;
  }
}

/** `in_progress` → `in progress`, for field names and codes without a label table. */
export function humanizeCode(code: string): string {
  return code
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An ISO date-time as the value of an `<input type="datetime-local">`, in the browser's
 * time zone (`2025-11-24T22:00`); empty for none.
 */
export function toLocalInputValue(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(
    d.getHours(),
  )}:${pad(d.getMinutes())}`;
}

/**
 * The value of an `<input type="datetime-local">` (local wall time, no zone) as an ISO
 * date-time with offset (UTC), using the browser's time zone; undefined when empty or
 * not a date.
 */
export function fromLocalInputValue(value: string): string | undefined {
  if (!value) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(
    value,
  );
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const date = new Date(y, mo - 1, d, h, mi, s || 0);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** `24 Nov` in the browser's time zone. */
export function formatDay(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
}

/** `22:00` in the browser's time zone. */
export function formatTime(date: Date): string {
  return date.toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  });
}

/**
 * A planned window for people: `24 Nov 22:00–23:00` within a day, `24 Nov 22:00 – 25 Nov
 * 02:00` across days; `not planned` without both ends.
 */
export function formatWindow(
  start: string | null | undefined,
  end: string | null | undefined,
): string {
  if (!start || !end) return 'not planned';
  const s = new Date(start);
  const e = new Date(end);
  if (Number.isNaN(s.getTime()) || Number.isNaN(e.getTime())) {
    return `${start} – ${end}`;
  }
  if (s.toDateString() === e.toDateString()) {
    return `${formatDay(s)} ${formatTime(s)}–${formatTime(e)}`;
  }
  return `${formatDay(s)} ${formatTime(s)} – ${formatDay(e)} ${formatTime(e)}`;
}
