import {
  createConditionExports,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';
import { itsmRecordResourceRef } from './resource';

// Refs are compared lower-cased: the backend stores them so, and ownership refs
// from sign-in resolvers may come in any case.
const lower = (refs: string[]) => refs.map(r => r.toLocaleLowerCase('en-US'));
const claimsSchema = z.object({
  claims: z
    .array(z.string())
    .describe('Entity refs, usually the caller’s ownership refs'),
});

/** The fields of a record that name one party, and the `itsm_records` column of each. */
const PARTY_COLUMNS = {
  requester: 'requester',
  assignee: 'assignee',
  assignmentGroup: 'assignment_group',
} as const;

/**
 * A rule that allows when the party a field of the record names is one of the claims;
 * in a list query, the column that stores the field.
 */
function partyIsOneOfClaims(rule: {
  name: string;
  description: string;
  field: keyof typeof PARTY_COLUMNS;
}) {
  const { name, description, field } = rule;
  return createPermissionRule({
    name,
    description,
    resourceRef: itsmRecordResourceRef,
    paramsSchema: claimsSchema,
    apply: (record, { claims }) => {
      const party = record[field];
      return party !== null && lower(claims).includes(party);
    },
    toQuery: ({ claims }) => ({
      column: PARTY_COLUMNS[field],
      values: lower(claims),
    }),
  });
}

const isRequester = partyIsOneOfClaims({
  name: 'IS_REQUESTER',
  description: 'Allow when one of the given user refs raised the record',
  field: 'requester',
});

const isAssignee = partyIsOneOfClaims({
  name: 'IS_ASSIGNEE',
  description:
    'Allow when the record is assigned to one of the given user refs',
  field: 'assignee',
});

const isInAssignmentGroup = partyIsOneOfClaims({
  name: 'IS_IN_ASSIGNMENT_GROUP',
  description:
    'Allow when the record’s assignment group is one of the given group refs (pass the caller’s ownership refs)',
  field: 'assignmentGroup',
});

const isPendingApprover = createPermissionRule({
  name: 'IS_PENDING_APPROVER',
  description:
    'Allow when one of the given refs may decide an open approval step of the record (pass the caller’s ownership refs)',
  resourceRef: itsmRecordResourceRef,
  paramsSchema: claimsSchema,
  apply: (record, { claims }) => {
    const mine = lower(claims);
    return record.pendingApprovers.some(ref => mine.includes(ref));
  },
  toQuery: ({ claims }) => ({
    column: 'pending_approver',
    values: lower(claims),
  }),
});

const isPublishedKnownError = createPermissionRule({
  name: 'IS_PUBLISHED_KNOWN_ERROR',
  description:
    'Allow when the record is a problem published as a known error (its workaround is for everyone who meets the fault)',
  resourceRef: itsmRecordResourceRef,
  apply: record => record.knownError,
  toQuery: () => ({ column: 'known_error' as const, values: ['true'] }),
});

/**
 * The rules of the ITSM record resource.
 *
 * @public
 */
export const itsmRecordPermissionRules = {
  isRequester,
  isAssignee,
  isInAssignmentGroup,
  isPendingApprover,
  isPublishedKnownError,
};

/**
 * Conditions for adopters' permission policies, e.g.
 * `createItsmRecordConditionalDecision(request.permission, itsmRecordConditions.isInAssignmentGroup({ claims: ownershipEntityRefs }))`.
 *
 * @public
 */
export const {
  conditions: itsmRecordConditions,
  createConditionalDecision: createItsmRecordConditionalDecision,
} = createConditionExports({
  resourceRef: itsmRecordResourceRef,
  rules: itsmRecordPermissionRules,
});
