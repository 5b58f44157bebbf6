import {
  FreezeWindow,
  normalizeEntityRef,
  windowsOverlap,
} from '@backstage-itsm/plugin-itsm-common';
import { CiContext } from '../catalog/CatalogCis';
import { parseDateTime } from '../records/dateTime';
import { z } from 'zod/v4';
import { namingIssue, parseConfig } from '../config/parseConfig';
import {
  configObject,
  isObject,
  nonEmptyString,
  readWith,
} from '../config/schemas';

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

/** Read as the API reads date-times: 2026-02-30 is a mistake, not March 2. */
const dateTime = readWith(value => {
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    return value.toISOString();
  return typeof value === 'string'
    ? parseDateTime(value)?.toISO() ?? undefined
    : undefined;
}, 'must be an ISO-8601 date-time, e.g. 2026-12-20T00:00:00Z');

/** Refs of `kind`; the kind may be left out (`payments` is `system:payments`). */
const refs = (kind: string) =>
  z
    .array(
      readWith(
        ref =>
          typeof ref === 'string'
            ? normalizeEntityRef(ref.includes(':') ? ref : `${kind}:${ref}`)
            : undefined,
        `is not a valid ${kind} ref`,
      ),
      { error: `must be a list of ${kind} refs` },
    )
    .optional();

/** An item that is not an object is read as the object JavaScript makes of it (null as {}). */
const asObject = (value: unknown) =>
  isObject(value) ? value : { ...(value as object) };

/** A window's name and dates, its refs read after them (freezeWindow). */
const windowDates = z
  .preprocess(
    asObject,
    configObject(
      {
        name: nonEmptyString('must be a non-empty string'),
        start: dateTime,
        end: dateTime,
        entityRefs: z.unknown().optional(),
        systems: z.unknown().optional(),
        domains: z.unknown().optional(),
      },
      {
        notObject: 'must be an object',
        unknownKey: 'is not a freeze window field',
      },
    ),
  )
  .check(ctx => {
    if (Date.parse(ctx.value.end) <= Date.parse(ctx.value.start)) {
      ctx.issues.push(
        namingIssue({
          path: ['end'],
          message: 'must be after',
          names: ['start'],
          input: ctx.value,
        }),
      );
    }
  });

/** A freeze window: its name and dates, then its refs, in the order of the messages. */
const freezeWindow = windowDates
  .pipe(
    z.object({
      name: z.string(),
      start: z.string(),
      end: z.string(),
      entityRefs: refs('component'),
      systems: refs('system'),
      domains: refs('domain'),
    }),
  )
  .transform(
    ({ name, start, end, entityRefs, systems, domains }): FreezeWindow => ({
      name,
      start,
      end,
      ...(entityRefs ? { entityRefs } : {}),
      ...(systems ? { systems } : {}),
      ...(domains ? { domains } : {}),
    }),
  );

const freezeWindows = z
  .array(freezeWindow, { error: 'must be a list' })
  .optional()
  .transform(list => list ?? []);

/** Reads `itsm.changes.freezeWindows`, naming the bad key in the error. */
export function parseFreezeWindows(
  raw: unknown,
  key = 'itsm.changes.freezeWindows',
): FreezeWindow[] {
  return parseConfig(freezeWindows, raw, key);
}
