import { parseEntityRef } from '@backstage/catalog-model';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Compact age for tables: `45s`, `12m`, `5h`, `3d`. */
export function formatAge(iso: string, now: number = Date.now()): string {
  const ms = Math.max(0, now - new Date(iso).getTime());
  if (Number.isNaN(ms)) return '';
  if (ms < MINUTE) return `${Math.floor(ms / 1000)}s`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)}m`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)}h`;
  return `${Math.floor(ms / DAY)}d`;
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
