import {
  normalizeEntityRef,
  TEXT_LIMITS,
} from '@backstage-itsm/plugin-itsm-common';

/** The fields every new record asks for. */
export interface RecordCoreValues {
  title: string;
  description: string;
  entityRef: string;
}

export type RecordCoreErrors = Partial<Record<keyof RecordCoreValues, string>>;

/**
 * Client-side checks of a new record's title, description and CI: the same limits the
 * API enforces, so that a user learns what is wrong before sending rather than from a
 * 400.
 */
export function validateRecordCore(values: RecordCoreValues): RecordCoreErrors {
  const errors: RecordCoreErrors = {};
  const title = values.title.trim();
  if (!title) {
    errors.title = 'A title is required';
  } else if (title.length > TEXT_LIMITS.title) {
    errors.title = `At most ${TEXT_LIMITS.title} characters (now ${title.length})`;
  }
  if (values.description.length > TEXT_LIMITS.description) {
    errors.description = `At most ${TEXT_LIMITS.description} characters (now ${values.description.length})`;
  }
  if (!values.entityRef.trim()) {
    errors.entityRef = 'The affected catalog entity is required';
  } else if (!normalizeEntityRef(values.entityRef)) {
    errors.entityRef =
      'Use an entity ref such as component:default/payments (kind:namespace/name)';
  }
  return errors;
}

/**
 * The core of a create request from a valid form, as every kind's API takes it: the
 * title trimmed, the description only when there is one, the CI normalised.
 */
export function recordCoreRequest(values: RecordCoreValues): {
  title: string;
  description?: string;
  entityRef: string;
} {
  return {
    title: values.title.trim(),
    ...(values.description.trim() ? { description: values.description } : {}),
    entityRef: normalizeEntityRef(values.entityRef) ?? values.entityRef,
  };
}

/**
 * What is wrong with a comment's text, as the API checks it: missing where one is
 * required (`missing` says so), or too long; nothing when it is fine.
 */
export function commentProblem(
  text: string,
  missing?: string,
): string | undefined {
  if (missing && !text.trim()) return missing;
  if (text.length > TEXT_LIMITS.comment)
    return `At most ${TEXT_LIMITS.comment} characters`;
  return undefined;
}
