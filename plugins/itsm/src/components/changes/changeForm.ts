import {
  Change,
  ChangePlan,
  ChangeRisk,
  ChangeType,
  CreateChangeRequest,
  GuardProblem,
  normalizeEntityRef,
  TEXT_LIMITS,
  UpdateChangeRequest,
  windowGuard,
} from '@backstage-itsm/plugin-itsm-common';
import {
  fromLocalInputValue,
  recordCoreRequest,
  toLocalInputValue,
  validateRecordCore,
} from '../shared';

/** What the change form edits; the window as `datetime-local` values (local time). */
export interface ChangeFormValues {
  title: string;
  description: string;
  entityRef: string;
  /** Entity refs separated by commas, spaces or new lines. */
  affectedEntityRefs: string;
  type: ChangeType;
  risk: ChangeRisk;
  plannedStart: string;
  plannedEnd: string;
  implementationPlan: string;
  backoutPlan: string;
  testPlan: string;
}

export type ChangeFormErrors = Partial<Record<keyof ChangeFormValues, string>>;

/** The API's limit on affected CIs. */
const MAX_AFFECTED = 50;
/** The API's limit on each plan. */
const PLAN_LIMIT = TEXT_LIMITS.description;
const PLAN_FIELDS = ['implementationPlan', 'backoutPlan', 'testPlan'] as const;

/** Field names as the plan form labels them. */
export const CHANGE_FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  entityRef: 'Configuration item',
  affectedEntityRefs: 'Affected CIs',
  type: 'Type',
  risk: 'Risk',
  plannedStart: 'Planned start',
  plannedEnd: 'Planned end',
  implementationPlan: 'Implementation plan',
  backoutPlan: 'Backout plan',
  testPlan: 'Test plan',
  closeCode: 'Close code',
  closeNotes: 'Close notes',
};

/**
 * A guard's problem (from the common workflow, phrased with the API's field names) in
 * the form's words: `backoutPlan is required before authorisation` → `Backout plan is
 * required before authorisation`. Only the wording: what to do with a problem is decided
 * by its field and code.
 */
export function humanizeProblem(problem: GuardProblem): string {
  const text = problem.message.replace(
    /\b(plannedStart|plannedEnd|implementationPlan|backoutPlan|testPlan|closeCode|closeNotes)\b/g,
    field => CHANGE_FIELD_LABELS[field].toLocaleLowerCase('en-US'),
  );
  return text.charAt(0).toLocaleUpperCase('en-US') + text.slice(1);
}

export function emptyChangeForm(entityRef = ''): ChangeFormValues {
  return {
    title: '',
    description: '',
    entityRef,
    affectedEntityRefs: '',
    type: 'normal',
    risk: 'moderate',
    plannedStart: '',
    plannedEnd: '',
    implementationPlan: '',
    backoutPlan: '',
    testPlan: '',
  };
}

export function changeFormFromChange(change: Change): ChangeFormValues {
  return {
    title: change.title,
    description: change.description,
    entityRef: change.entityRef,
    affectedEntityRefs: change.affectedEntityRefs.join('\n'),
    type: change.type,
    risk: change.risk,
    plannedStart: toLocalInputValue(change.plannedStart),
    plannedEnd: toLocalInputValue(change.plannedEnd),
    implementationPlan: change.implementationPlan,
    backoutPlan: change.backoutPlan,
    testPlan: change.testPlan,
  };
}

/** The entity refs of a free-text list, as typed (normalised separately). */
export function splitRefList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map(ref => ref.trim())
    .filter(Boolean);
}

function normalizedRefs(text: string): string[] {
  return [
    ...new Set(splitRefList(text).map(ref => normalizeEntityRef(ref) ?? ref)),
  ];
}

/** The plan the form describes, for the shared workflow guards. */
export function formPlan(values: ChangeFormValues): ChangePlan {
  return {
    type: values.type,
    plannedStart: fromLocalInputValue(values.plannedStart) ?? null,
    plannedEnd: fromLocalInputValue(values.plannedEnd) ?? null,
    implementationPlan: values.implementationPlan,
    backoutPlan: values.backoutPlan,
    testPlan: values.testPlan,
  };
}

/**
 * Client-side checks, the same the API and the workflow guards apply: title, CI, the
 * refs of affected CIs, a window with both ends in order (or none yet: a draft may be
 * planned later), and the length of the plans.
 */
export function validateChangeForm(
  values: ChangeFormValues,
  options: { checkEntityRef: boolean } = { checkEntityRef: true },
): ChangeFormErrors {
  const errors: ChangeFormErrors = validateRecordCore(values);
  if (!options.checkEntityRef) delete errors.entityRef;

  const affected = splitRefList(values.affectedEntityRefs);
  const invalid = affected.filter(ref => !normalizeEntityRef(ref));
  if (invalid.length > 0) {
    errors.affectedEntityRefs = `Not entity refs: ${invalid.join(', ')}`;
  } else if (affected.length > MAX_AFFECTED) {
    errors.affectedEntityRefs = `At most ${MAX_AFFECTED} CIs`;
  }

  const { plannedStart, plannedEnd } = values;
  if (plannedStart || plannedEnd) {
    const start = fromLocalInputValue(plannedStart);
    const end = fromLocalInputValue(plannedEnd);
    if (!plannedStart) errors.plannedStart = 'Set the start too, or neither';
    else if (!start) errors.plannedStart = 'Not a date and time';
    if (!plannedEnd) errors.plannedEnd = 'Set the end too, or neither';
    else if (!end) errors.plannedEnd = 'Not a date and time';
    if (start && end && windowGuard(start, end).some(p => p.code === 'order')) {
      errors.plannedEnd = 'The planned end must be after the start';
    }
  }

  for (const field of PLAN_FIELDS) {
    if (values[field].length > PLAN_LIMIT) {
      errors[
        field
      ] = `At most ${PLAN_LIMIT} characters (now ${values[field].length})`;
    }
  }
  return errors;
}

/** The create request of a valid form; empty optional fields are left out. */
export function createChangeRequest(
  values: ChangeFormValues,
): CreateChangeRequest {
  const affected = normalizedRefs(values.affectedEntityRefs);
  const plan = formPlan(values);
  return {
    ...recordCoreRequest(values),
    ...(affected.length ? { affectedEntityRefs: affected } : {}),
    type: values.type,
    risk: values.risk,
    ...(plan.plannedStart ? { plannedStart: plan.plannedStart } : {}),
    ...(plan.plannedEnd ? { plannedEnd: plan.plannedEnd } : {}),
    ...Object.fromEntries(
      PLAN_FIELDS.filter(f => values[f].trim()).map(f => [f, values[f]]),
    ),
  };
}

/** The update request of a valid form: only what differs from the change, with its version. */
export function updateChangeRequest(
  change: Change,
  values: ChangeFormValues,
): UpdateChangeRequest {
  const plan = formPlan(values);
  const next: Omit<UpdateChangeRequest, 'version'> = {
    title: values.title.trim(),
    description: values.description,
    affectedEntityRefs: normalizedRefs(values.affectedEntityRefs),
    type: values.type,
    risk: values.risk,
    plannedStart: plan.plannedStart,
    plannedEnd: plan.plannedEnd,
    implementationPlan: values.implementationPlan,
    backoutPlan: values.backoutPlan,
    testPlan: values.testPlan,
  };
  const request: UpdateChangeRequest = { version: change.version };
  for (const [field, value] of Object.entries(next)) {
    const current = change[field as keyof Change];
    const same =
      JSON.stringify(current ?? null) === JSON.stringify(value ?? null) ||
      // Same instant, other spelling (`…Z` vs `….000Z`).
      (field.startsWith('planned') &&
        typeof current === 'string' &&
        typeof value === 'string' &&
        Date.parse(current) === Date.parse(value));
    if (!same) (request as any)[field] = value;
  }
  return request;
}
