import {
  FreezeWindow,
  normalizeEntityRef,
  windowsOverlap,
} from '@backstage-itsm/plugin-itsm-common';
import { CiContext } from '../catalog/CatalogCis';
import { parseDateTime } from '../records/dateTime';

/** The freeze windows a planned window falls into, for the given CIs. */
export function freezesFor(
  freezes: FreezeWindow[],
  window: { start: string; end: string },
  context: Pick<CiContext, 'refs' | 'systems' | 'domains'>,
): FreezeWindow[] {
  return freezes.filter(
    freeze => windowsOverlap(freeze, window) && appliesTo(freeze, context),
  );
}

/** A freeze without filters covers everything; else any CI, system or domain named. */
export function appliesTo(
  freeze: FreezeWindow,
  context: Pick<CiContext, 'refs' | 'systems' | 'domains'>,
): boolean {
  const { entityRefs, systems, domains } = freeze;
  if (!entityRefs?.length && !systems?.length && !domains?.length) return true;
  return (
    !!entityRefs?.some(ref => context.refs.includes(ref)) ||
    !!systems?.some(ref => context.systems.includes(ref)) ||
    !!domains?.some(ref => context.domains.includes(ref))
  );
}

/** Describes a freeze for messages: "Year-end freeze (2026-12-20T00:00:00Z – …)". */
export function describeFreeze(freeze: FreezeWindow): string {
  return `'${freeze.name}' (${freeze.start} – ${freeze.end})`;
}

/** Reads `itsm.changes.freezeWindows`, naming the bad key in the error. */
export function parseFreezeWindows(
  raw: unknown,
  key = 'itsm.changes.freezeWindows',
): FreezeWindow[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new Error(`${key} must be a list`);
  return raw.map((item, i) => {
    const at = `${key}[${i}]`;
    const { name, start, end, entityRefs, systems, domains, ...rest } = (item ??
      {}) as Record<string, unknown>;
    if (Object.keys(rest).length)
      throw new Error(
        `${at}.${Object.keys(rest)[0]} is not a freeze window field`,
      );
    if (typeof name !== 'string' || !name.trim())
      throw new Error(`${at}.name must be a non-empty string`);
    const date = (value: unknown, field: string) => {
      if (value instanceof Date && !Number.isNaN(value.getTime()))
        return value.toISOString();
      // Read as the API reads date-times: 2026-02-30 is a mistake, not March 2.
      const parsed = typeof value === 'string' && parseDateTime(value);
      if (!parsed)
        throw new Error(
          `${at}.${field} must be an ISO-8601 date-time, e.g. 2026-12-20T00:00:00Z`,
        );
      return parsed.toISO()!;
    };
    const refs = (value: unknown, field: string, kind: string) => {
      if (value === undefined) return undefined;
      if (!Array.isArray(value))
        throw new Error(`${at}.${field} must be a list of ${kind} refs`);
      return value.map((ref, j) => {
        const normalized =
          typeof ref === 'string' &&
          normalizeEntityRef(ref.includes(':') ? ref : `${kind}:${ref}`);
        if (!normalized)
          throw new Error(`${at}.${field}[${j}] is not a valid ${kind} ref`);
        return normalized;
      });
    };
    const window: FreezeWindow = {
      name: name.trim(),
      start: date(start, 'start'),
      end: date(end, 'end'),
    };
    if (Date.parse(window.end) <= Date.parse(window.start))
      throw new Error(`${at}.end must be after ${at}.start`);
    const e = refs(entityRefs, 'entityRefs', 'component');
    const s = refs(systems, 'systems', 'system');
    const d = refs(domains, 'domains', 'domain');
    return {
      ...window,
      ...(e ? { entityRefs: e } : {}),
      ...(s ? { systems: s } : {}),
      ...(d ? { domains: d } : {}),
    };
  });
}
