import {
  SlaMetric,
  slaDurationMillis,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod/v4';
import { namingIssue, parseConfig } from '../config/parseConfig';
import {
  configObject,
  nonEmptyString,
  readWith,
  wholeValue,
} from '../config/schemas';
import { SlaCalendar } from './calendar';

export type { SlaMetric } from '@backstage-itsm/plugin-itsm-common';

/** Which records a policy applies to. Omitted lists match everything. */
export interface SlaAppliesTo {
  /** Record kind, e.g. `incident`, `request`, `change`. */
  kind: string;
  /** Priorities (e.g. `P1`); omitted = any priority. */
  priority?: string[];
  /** CI tiers (annotation `itsm.backstage.io/tier`); omitted = any tier. */
  tier?: string[];
}

/** One validated entry of `itsm.sla.policies`. */
export interface SlaPolicy {
  name: string;
  appliesTo: SlaAppliesTo;
  /** Name of the calendar in `itsm.sla.calendars`. */
  calendarName: string;
  /** The resolved calendar object. */
  calendar: SlaCalendar;
  /** Targets in milliseconds of calendar (business) time; at least one is set. */
  targets: Partial<Record<SlaMetric, number>>;
  /** The targets as written in config (ISO-8601), for display. */
  targetsIso: Partial<Record<SlaMetric, string>>;
  /** States in which the clock does not run. */
  pauseStates: string[];
  /** Fractions of the target (ascending, each in (0,1)) that raise a warning. */
  warningThresholds: number[];
}

export const DEFAULT_WARNING_THRESHOLDS: readonly number[] = [0.5, 0.75];

/**
 * Parses an ISO-8601 duration restricted to days, hours, minutes and seconds
 * (`P1D`, `PT4H`, `PT15M`, `P2DT4H30M`, `PT1.5S`) into milliseconds: the SLA rule of
 * the shared reader (slaDurationMillis). Years, months and weeks are rejected (their
 * length is ambiguous). `P1D` means 24 h of calendar time: on a business calendar
 * that is 24 *working* hours, not one working day. Returns undefined if the text is
 * not such a duration or is 0.
 */
export function parseIsoDurationMillis(text: unknown): number | undefined {
  return slaDurationMillis(text);
}

const stringList = wholeValue(
  z.array(z.string().trim().min(1)).min(1),
  'must be a non-empty list of strings',
);

/** As stringList, empty allowed: no pauses. */
const stateList = wholeValue(
  z.array(z.string().trim().min(1)),
  'must be a non-empty list of strings',
);

const target = readWith(
  value =>
    parseIsoDurationMillis(value) === undefined
      ? undefined
      : String(value).trim(),
  'must be an ISO-8601 duration such as PT4H',
);

/**
 * The targets by metric, read and kept in the order written: each key is checked, then
 * its value. The policies' fingerprint (SlaClock) is their JSON, so a parse must not
 * reorder them.
 */
const targets = z
  .record(
    z.string().refine(key => key === 'response' || key === 'resolution'),
    target,
    {
      error: issue =>
        issue.code === 'invalid_key'
          ? 'is not a metric (use response, resolution)'
          : 'must be an object with response and/or resolution',
    },
  )
  .refine(written => Object.keys(written).length > 0, {
    error: 'must set response and/or resolution',
  })
  .transform(written => written as Partial<Record<SlaMetric, string>>);

const warningThresholds = z
  .array(
    z
      .number({ error: 'must be a number between 0 and 1' })
      .gt(0, { error: 'must be a number between 0 and 1' })
      .lt(1, { error: 'must be a number between 0 and 1' }),
    { error: 'must be a list of fractions such as [0.5, 0.75]' },
  )
  .check(ctx => {
    const i = ctx.value.findIndex((v, j) => j > 0 && v <= ctx.value[j - 1]);
    if (i > 0) {
      ctx.issues.push(
        namingIssue({
          path: [i],
          message: 'must be greater than',
          names: [i - 1],
          input: ctx.value,
        }),
      );
    }
  });

/** The schema of one policy; the calendar names one of `calendars`. */
function policySchema(calendars: Record<string, SlaCalendar>) {
  const names = Object.keys(calendars).sort();
  return configObject(
    {
      name: nonEmptyString('must be a non-empty string'),
      appliesTo: configObject(
        {
          kind: nonEmptyString('must be a record kind such as incident'),
          priority: stringList.optional(),
          tier: stringList.optional(),
        },
        {
          notObject: 'must be an object with at least kind',
          unknownKey: 'is not allowed (use kind, priority, tier)',
        },
      ),
      calendar: readWith(
        value =>
          typeof value === 'string' && Object.hasOwn(calendars, value)
            ? value
            : undefined,
        value =>
          `'${String(value)}' is not one of the calendars: ${
            names.length
              ? names.join(', ')
              : '(none defined in itsm.sla.calendars)'
          }`,
      ),
      targets,
      pauseStates: stateList.optional(),
      warningThresholds: warningThresholds.optional(),
    },
    { notObject: 'must be an object', unknownKey: 'is not a policy property' },
  ).transform((raw): SlaPolicy => {
    const written = Object.entries(raw.targets);
    return {
      name: raw.name,
      appliesTo: raw.appliesTo,
      calendarName: raw.calendar,
      calendar: calendars[raw.calendar],
      targets: Object.fromEntries(
        written.map(([metric, iso]) => [metric, parseIsoDurationMillis(iso)]),
      ),
      targetsIso: Object.fromEntries(written),
      pauseStates: raw.pauseStates ?? [],
      warningThresholds: raw.warningThresholds ?? [
        ...DEFAULT_WARNING_THRESHOLDS,
      ],
    };
  });
}

/**
 * Validates one policy. `key` is its config path, e.g. `itsm.sla.policies[2]`.
 *
 * @throws Error naming the bad key
 */
export function parseSlaPolicy(
  raw: unknown,
  calendars: Record<string, SlaCalendar>,
  key: string,
): SlaPolicy {
  return parseConfig(policySchema(calendars), raw, key);
}

/**
 * Validates `itsm.sla.policies` (a list, order matters: see
 * {@link selectPolicy}). Missing config gives no policies.
 *
 * @param raw - the config value (plain JSON)
 * @param calendars - the result of `parseCalendars` for `itsm.sla.calendars`
 * @throws Error naming the bad key, e.g.
 *   `itsm.sla.policies[2].targets.resolution must be an ISO-8601 duration such as PT4H`
 */
export function parseSlaPolicies(
  raw: unknown,
  calendars: Record<string, SlaCalendar>,
  key = 'itsm.sla.policies',
): SlaPolicy[] {
  const policies = z
    .array(policySchema(calendars), { error: 'must be a list of policies' })
    .check(ctx => {
      const names = ctx.value.map(policy => policy.name);
      const i = names.findIndex((name, j) => names.indexOf(name) < j);
      if (i > 0) {
        ctx.issues.push(
          namingIssue({
            path: [i, 'name'],
            message: `'${names[i]}' is already used by`,
            names: [names.indexOf(names[i])],
            input: ctx.value,
          }),
        );
      }
    })
    .optional()
    .transform(list => list ?? []);
  return parseConfig(policies, raw, key);
}

/** What a record looks like to policy selection. */
export interface SlaSubject {
  kind: string;
  priority?: string | null;
  /** Tiers of the record's CI(s) (annotation `itsm.backstage.io/tier`). */
  tiers?: string[];
}

/** True if the policy's `appliesTo` matches the subject. */
export function policyApplies(policy: SlaPolicy, subject: SlaSubject): boolean {
  const { kind, priority, tier } = policy.appliesTo;
  if (kind !== subject.kind) return false;
  if (priority && (!subject.priority || !priority.includes(subject.priority))) {
    return false;
  }
  if (tier && !(subject.tiers ?? []).some(t => tier.includes(t))) {
    return false;
  }
  return true;
}

/**
 * **First match wins**: returns the first policy (in config order) whose
 * `appliesTo` matches, or undefined. A policy with a `priority` list needs
 * the record's priority in that list; one with a `tier` list needs at least
 * one of the record's tiers in that list; omitted lists match anything
 * (including records without priority / CI). Put specific policies first and
 * catch-all policies (only `kind`) last.
 */
export function selectPolicy(
  policies: readonly SlaPolicy[],
  subject: SlaSubject,
): SlaPolicy | undefined {
  return policies.find(p => policyApplies(p, subject));
}
