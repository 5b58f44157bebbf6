import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { ITSM_RECORD_RESOURCE_TYPE } from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';

/** What permission rules see of a record. */
export interface ItsmRecordResource {
  id: string;
  requester: string;
  assignee: string | null;
  assignmentGroup: string | null;
}

/** What rules become in a list query: a column and the values it may have. */
export interface ItsmRecordQuery {
  column: 'requester' | 'assignee' | 'assignment_group';
  values: string[];
}

export const itsmRecordResourceRef = createPermissionResourceRef<
  ItsmRecordResource,
  ItsmRecordQuery
>().with({ pluginId: 'itsm', resourceType: ITSM_RECORD_RESOURCE_TYPE });

const isRequester = createPermissionRule({
  name: 'IS_REQUESTER',
  description:
    'Allow when the user (or one of the given refs) raised the record',
  resourceRef: itsmRecordResourceRef,
  paramsSchema: z.object({
    claims: z.array(z.string()).describe('User refs, usually the caller’s own'),
  }),
  apply: (record, { claims }) => claims.includes(record.requester),
  toQuery: ({ claims }) => ({ column: 'requester', values: claims }),
});

const isAssignee = createPermissionRule({
  name: 'IS_ASSIGNEE',
  description:
    'Allow when the record is assigned to one of the given user refs',
  resourceRef: itsmRecordResourceRef,
  paramsSchema: z.object({
    claims: z.array(z.string()).describe('User refs, usually the caller’s own'),
  }),
  apply: (record, { claims }) =>
    record.assignee !== null && claims.includes(record.assignee),
  toQuery: ({ claims }) => ({ column: 'assignee', values: claims }),
});

const isInAssignmentGroup = createPermissionRule({
  name: 'IS_IN_ASSIGNMENT_GROUP',
  description:
    'Allow when the record’s assignment group is one of the given refs (pass the caller’s ownership refs)',
  resourceRef: itsmRecordResourceRef,
  paramsSchema: z.object({
    claims: z.array(z.string()).describe('Group refs the caller belongs to'),
  }),
  apply: (record, { claims }) =>
    record.assignmentGroup !== null && claims.includes(record.assignmentGroup),
  toQuery: ({ claims }) => ({ column: 'assignment_group', values: claims }),
});

export const itsmRecordPermissionRules = {
  isRequester,
  isAssignee,
  isInAssignmentGroup,
};

/**
 * Conditions for adopters' permission policies, e.g.
 * `itsmRecordConditions.isInAssignmentGroup({ claims: user.identity.ownershipEntityRefs })`.
 */
export const {
  conditions: itsmRecordConditions,
  createConditionalDecision: createItsmRecordConditionalDecision,
} = createConditionExports({
  resourceRef: itsmRecordResourceRef,
  rules: itsmRecordPermissionRules,
});
