import { Config } from '@backstage/config';
import { normalizeEntityRef } from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';

/**
 * `itsm.permissions`: how the ITSM permission policy decides.
 *
 * @public
 */
export interface ItsmPermissionSettings {
  /** Members of these groups may do everything in ITSM (full group refs, lower case). */
  adminGroups: string[];
  /**
   * Who reads records: `everyone` signed in (the default: incidents and changes are
   * how engineers learn what is going on), or only those `involved` in a record (its
   * requester, assignee, assignment group and the approvers of its open steps).
   */
  readAccess: 'everyone' | 'involved';
}

const groupRef = z.string().transform((value, ctx) => {
  const ref = normalizeEntityRef(value);
  if (!ref?.startsWith('group:')) {
    ctx.addIssue({
      code: 'custom',
      message: `'${value}' is not a group ref such as group:default/itsm-admins`,
    });
    return z.NEVER;
  }
  return ref;
});

const schema = z
  .object({
    adminGroups: z.array(groupRef).default([]),
    readAccess: z.enum(['everyone', 'involved']).default('everyone'),
    otherPermissions: z.enum(['allow', 'deny']).optional(),
  })
  .strict();

/**
 * Reads `itsm.permissions`; a bad value stops start-up with an error naming its key.
 *
 * @public
 */
export function readItsmPermissionSettings(
  config: Config,
): ItsmPermissionSettings {
  const parsed = schema.safeParse(config.getOptional('itsm.permissions') ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = ['itsm', 'permissions', ...issue.path].join('.');
    throw new Error(`${key}: ${issue.message}`);
  }
  const { adminGroups, readAccess } = parsed.data;
  return { adminGroups, readAccess };
}
