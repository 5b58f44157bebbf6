import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import { ITSM_RECORD_RESOURCE_TYPE } from '@backstage-itsm/plugin-itsm-common';

/**
 * What permission rules see of a record, whatever its kind.
 *
 * @public
 */
export interface ItsmRecordResource {
  id: string;
  requester: string;
  assignee: string | null;
  assignmentGroup: string | null;
  /** Group (or user) refs that may decide one of the record's open approval steps. */
  pendingApprovers: string[];
  /** A problem published as a known error. */
  knownError: boolean;
}

/**
 * What a rule becomes in a list query: a column of `itsm_records` (or, for
 * `pending_approver`, the groups of the record's open approval steps; for
 * `known_error`, the problems published as known errors) and the values it may have.
 *
 * @public
 */
export interface ItsmRecordQuery {
  column:
    | 'requester'
    | 'assignee'
    | 'assignment_group'
    | 'pending_approver'
    | 'known_error';
  values: string[];
}

/**
 * The ITSM record as a permission resource (resource type `itsm-record`): resource
 * permissions of every kind take a record id as their `resourceRef`.
 *
 * @public
 */
export const itsmRecordResourceRef = createPermissionResourceRef<
  ItsmRecordResource,
  ItsmRecordQuery
>().with({ pluginId: 'itsm', resourceType: ITSM_RECORD_RESOURCE_TYPE });
