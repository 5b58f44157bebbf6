import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * Parses a full entity ref (`kind:namespace/name`, namespace optional) and returns it in
 * canonical lower-case form, or undefined when it is malformed. Records only store
 * canonical refs so that filters compare equal strings.
 */
export function normalizeEntityRef(ref: string): string | undefined {
  if (!/^[A-Za-z][\w-]*:([\w.-]+\/)?[\w.-]+$/.test(ref.trim()))
    return undefined;
  try {
    return stringifyEntityRef(parseEntityRef(ref.trim())).toLocaleLowerCase(
      'en-US',
    );
  } catch {
    return undefined;
  }
}
