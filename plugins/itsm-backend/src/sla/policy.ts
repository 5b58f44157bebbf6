import { SlaMetric } from '@backstage-itsm/plugin-itsm-common';
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

const DURATION =
  /^P(?!$)(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

/**
 * Parses an ISO-8601 duration restricted to days, hours, minutes and seconds
 * (`P1D`, `PT4H`, `PT15M`, `P2DT4H30M`) into milliseconds. Years, months and
 * weeks are rejected (their length is ambiguous). `P1D` means 24 h of
 * calendar time: on a business calendar that is 24 *working* hours, not one
 * working day. Returns undefined if the text is not such a duration or is 0.
 */
export function parseIsoDurationMillis(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = DURATION.exec(text.trim());
  if (!m) return undefined;
  const [d, h, min, s] = m.slice(1).map(v => (v === undefined ? 0 : Number(v)));
  const millis = Math.round(((d * 24 + h) * 60 + min) * 60_000 + s * 1000);
  return millis > 0 ? millis : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(raw: unknown, key: string): string[] {
  if (
    !Array.isArray(raw) ||
    raw.length === 0 ||
    raw.some(v => typeof v !== 'string' || v.trim() === '')
  ) {
    throw new Error(`${key} must be a non-empty list of strings`);
  }
  return raw.map(v => (v as string).trim());
}

const POLICY_KEYS = [
  'name',
  'appliesTo',
  'calendar',
  'targets',
  'pauseStates',
  'warningThresholds',
];

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
  if (!isObject(raw)) throw new Error(`${key} must be an object`);
  for (const k of Object.keys(raw)) {
    if (!POLICY_KEYS.includes(k)) {
      throw new Error(`${key}.${k} is not a policy property`);
    }
  }

  if (typeof raw.name !== 'string' || raw.name.trim() === '') {
    throw new Error(`${key}.name must be a non-empty string`);
  }
  const name = raw.name.trim();

  const a = raw.appliesTo;
  if (!isObject(a)) {
    throw new Error(`${key}.appliesTo must be an object with at least kind`);
  }
  for (const k of Object.keys(a)) {
    if (!['kind', 'priority', 'tier'].includes(k)) {
      throw new Error(
        `${key}.appliesTo.${k} is not allowed (use kind, priority, tier)`,
      );
    }
  }
  if (typeof a.kind !== 'string' || a.kind.trim() === '') {
    throw new Error(
      `${key}.appliesTo.kind must be a record kind such as incident`,
    );
  }
  const appliesTo: SlaAppliesTo = { kind: a.kind.trim() };
  if (a.priority !== undefined) {
    appliesTo.priority = stringList(a.priority, `${key}.appliesTo.priority`);
  }
  if (a.tier !== undefined) {
    appliesTo.tier = stringList(a.tier, `${key}.appliesTo.tier`);
  }

  const names = Object.keys(calendars).sort();
  if (typeof raw.calendar !== 'string' || !(raw.calendar in calendars)) {
    throw new Error(
      `${key}.calendar '${String(raw.calendar)}' is not one of the calendars: ${
        names.length ? names.join(', ') : '(none defined in itsm.sla.calendars)'
      }`,
    );
  }
  const calendarName = raw.calendar;

  const t = raw.targets;
  if (!isObject(t)) {
    throw new Error(
      `${key}.targets must be an object with response and/or resolution`,
    );
  }
  const targets: Partial<Record<SlaMetric, number>> = {};
  const targetsIso: Partial<Record<SlaMetric, string>> = {};
  for (const k of Object.keys(t)) {
    if (k !== 'response' && k !== 'resolution') {
      throw new Error(
        `${key}.targets.${k} is not a metric (use response, resolution)`,
      );
    }
    const millis = parseIsoDurationMillis(t[k]);
    if (millis === undefined) {
      throw new Error(
        `${key}.targets.${k} must be an ISO-8601 duration such as PT4H`,
      );
    }
    targets[k] = millis;
    targetsIso[k] = String(t[k]).trim();
  }
  if (Object.keys(targets).length === 0) {
    throw new Error(`${key}.targets must set response and/or resolution`);
  }

  const noPauses =
    raw.pauseStates === undefined ||
    (Array.isArray(raw.pauseStates) && raw.pauseStates.length === 0);
  const pauseStates = noPauses
    ? []
    : stringList(raw.pauseStates, `${key}.pauseStates`);

  let warningThresholds = [...DEFAULT_WARNING_THRESHOLDS];
  if (raw.warningThresholds !== undefined) {
    const w = raw.warningThresholds;
    const wKey = `${key}.warningThresholds`;
    if (!Array.isArray(w)) {
      throw new Error(
        `${wKey} must be a list of fractions such as [0.5, 0.75]`,
      );
    }
    w.forEach((v, i) => {
      if (typeof v !== 'number' || !(v > 0 && v < 1)) {
        throw new Error(`${wKey}[${i}] must be a number between 0 and 1`);
      }
      if (i > 0 && v <= (w[i - 1] as number)) {
        throw new Error(`${wKey}[${i}] must be greater than ${wKey}[${i - 1}]`);
      }
    });
    warningThresholds = w as number[];
  }

  return {
    name,
    appliesTo,
    calendarName,
    calendar: calendars[calendarName],
    targets,
    targetsIso,
    pauseStates,
    warningThresholds,
  };
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
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new Error(`${key} must be a list of policies`);
  const policies = raw.map((p, i) =>
    parseSlaPolicy(p, calendars, `${key}[${i}]`),
  );
  const seen = new Map<string, number>();
  policies.forEach((p, i) => {
    if (seen.has(p.name)) {
      throw new Error(
        `${key}[${i}].name '${p.name}' is already used by ${key}[${seen.get(
          p.name,
        )}]`,
      );
    }
    seen.set(p.name, i);
  });
  return policies;
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
