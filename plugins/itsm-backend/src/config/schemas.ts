import { normalizeEntityRef } from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod/v4';

/**
 * Building blocks of the config schemas. Every schema carries the message its config
 * key states (`must be …`); `parseConfig` puts the key in front of it.
 */

/** A plain object (not null, not a list). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An object of `shape`. Unknown keys are its first issue, named by their path
 * (`….foo is not a policy property`), so a misspelt key is reported as such rather
 * than as the key it was meant to be; without `unknownKey` they are dropped.
 */
export function configObject<S extends z.core.$ZodShape>(
  shape: S,
  messages: { notObject: string; unknownKey?: string },
) {
  const known = new Set(Object.keys(shape));
  const { notObject, unknownKey } = messages;
  return z
    .custom<Record<string, unknown>>(isObject, { error: notObject })
    .check(ctx => {
      const unknown = Object.keys(ctx.value).filter(k => !known.has(k));
      if (unknownKey !== undefined && unknown.length > 0) {
        ctx.issues.push({
          code: 'unrecognized_keys',
          keys: unknown,
          input: ctx.value,
          message: unknownKey,
        });
      }
    })
    .pipe(z.object(shape));
}

/**
 * `schema` reading a list as the object of its indexes (`[]` is `{}`, `['x']` has
 * the key `0`), as the parsers before the schemas did for some values; kept so that
 * those values are accepted and named as before.
 */
export function listsAsObjects<S extends z.ZodType>(schema: S) {
  return z.preprocess(
    (value: unknown) => (Array.isArray(value) ? { ...value } : value),
    schema,
  );
}

/**
 * A value `read` makes sense of (undefined when it cannot), e.g. a group ref through
 * normalizeEntityRef: for rules another parser already knows.
 */
export function readWith<T>(
  read: (value: unknown) => T | undefined,
  message: string | ((input: unknown) => string),
) {
  return z.unknown().transform((value, ctx): T => {
    const result = read(value);
    if (result === undefined) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        message: typeof message === 'string' ? message : message(value),
      });
      return z.NEVER;
    }
    return result;
  });
}

/**
 * `schema`, but whatever is wrong inside the value is one issue at the value itself,
 * for keys whose rule is stated for the whole (`must be a non-empty list of strings`).
 */
export function wholeValue<S extends z.ZodType>(schema: S, message: string) {
  return readWith(value => {
    const result = schema.safeParse(value);
    return result.success ? (result.data as z.output<S>) : undefined;
  }, message);
}

/** A string that is not blank, trimmed. */
export function nonEmptyString(message: string) {
  return z.string({ error: message }).trim().min(1, { error: message });
}

/** A group ref normalized (`group:platform` is `group:default/platform`), or undefined. */
export function toGroupRef(value: unknown): string | undefined {
  const ref = typeof value === 'string' ? normalizeEntityRef(value) : undefined;
  return ref?.startsWith('group:') ? ref : undefined;
}

/** A group ref, normalized. */
export function groupRef(message: string | ((input: unknown) => string)) {
  return readWith(toGroupRef, message);
}
