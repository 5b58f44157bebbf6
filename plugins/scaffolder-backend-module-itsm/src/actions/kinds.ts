import type { z } from 'zod/v3';
import {
  CHANGE_RISK_LABELS,
  CHANGE_TYPE_LABELS,
  ChangeRisk,
  ChangeType,
  CreateChangeRequest,
  CreateIncidentRequest,
  CreateServiceRequest,
  GuardProblem,
  normalizeEntityRef,
  RecordKind,
  standardChangeGuard,
  TEXT_LIMITS,
  windowGuard,
} from '@backstage-itsm/plugin-itsm-common';

/** The zod schema of one input field, in the form createTemplateAction takes. */
export type FieldSchema = (zImpl: typeof z) => z.ZodType;

/** An action's input fields, by name. */
export type FieldSchemas = { [name: string]: FieldSchema };

/** The input a handler receives for these fields (optional ones may be undefined). */
export type InputOf<S extends FieldSchemas> = {
  [name in keyof S]: z.infer<ReturnType<S[name]>>;
};

/**
 * What makes one kind's create action: the kind, its input fields and how they become
 * the body of `POST /{apiPath}`. `Body` is the ITSM API's create type of the kind (from
 * itsm-common); the inputs must be its fields, no more (the API refuses unknown ones).
 */
export interface CreateActionSpec<
  S extends FieldSchemas = FieldSchemas,
  Body extends object = object,
> {
  kind: Extract<RecordKind, 'incident' | 'change' | 'request'>;
  /** What the action does, for the list of installed actions. */
  description: string;
  input: S;
  /** The request body, of the API's create type: the inputs must fit it, no more. */
  body(input: InputOf<S>): Body;
  /** Rules of the kind that the input schema cannot express (empty when fine). */
  check?(input: InputOf<S>): GuardProblem[];
  /** What is being created, in a few words of the task log. */
  summary(input: InputOf<S>): string;
  examples: Array<{ description: string; input: Record<string, unknown> }>;
}

/**
 * A spec whose body is the API's create type `Body` (from itsm-common): its input
 * fields are inferred and must be fields of `Body` (the API refuses others), and
 * mapping them to anything but a `Body` does not compile.
 */
function specOf<Body extends object>() {
  return <
    S extends FieldSchemas & { [name in Exclude<keyof S, keyof Body>]: never },
  >(
    value: CreateActionSpec<S, Body>,
  ): CreateActionSpec<S, Body> => value;
}

/** A full entity ref: kind:namespace/name (the form the catalog and EntityPicker give). */
const ENTITY_REF = /^[A-Za-z][\w-]*:[\w.-]+\/[\w.-]+$/;

const entityRef = (zImpl: typeof z, description: string) =>
  zImpl
    .string({ description })
    .min(3)
    .max(255)
    .regex(ENTITY_REF, 'a full entity ref, kind:namespace/name');

/** The fields every record raised against a CI takes (CreateRecordBase). */
const recordFields = (what: string) => ({
  title: (zImpl: typeof z) =>
    zImpl
      .string({ description: `Short title of the ${what}` })
      .min(1)
      .max(TEXT_LIMITS.title),
  description: (zImpl: typeof z) =>
    zImpl
      .string({ description: `What the ${what} is about, in Markdown` })
      .max(TEXT_LIMITS.description)
      .optional(),
  entityRef: (zImpl: typeof z) =>
    entityRef(
      zImpl,
      `The configuration item (CI) of the ${what}: a full catalog entity ref, e.g. component:default/payments-api. Its owner group becomes the assignment group unless one is given.`,
    ),
  affectedEntityRefs: (zImpl: typeof z) =>
    zImpl
      .array(entityRef(zImpl, 'A full catalog entity ref'), {
        description:
          'More CIs affected, as full catalog entity refs (at most 50)',
      })
      .max(50)
      .optional(),
  assignee: (zImpl: typeof z) =>
    entityRef(
      zImpl,
      'The user to work it, e.g. user:default/alice (default: nobody yet)',
    ).optional(),
  assignmentGroup: (zImpl: typeof z) =>
    entityRef(
      zImpl,
      "The group to work it, e.g. group:default/team-payments (default: the CI's owner)",
    ).optional(),
});

/** A problem for each of the given refs that is not a full entity ref (as the schema says). */
function refProblems(
  refs: Array<[field: string, ref: string | undefined]>,
): GuardProblem[] {
  return refs
    .filter(
      ([, ref]) =>
        ref !== undefined && !(ENTITY_REF.test(ref) && normalizeEntityRef(ref)),
    )
    .map(([field, ref]) => ({
      field,
      code: 'invalid',
      message: `${field}: '${ref}' is not an entity ref (kind:namespace/name)`,
    }));
}

/** The refs of the record core, for refProblems. */
function coreRefs(input: {
  entityRef: string;
  affectedEntityRefs?: string[];
  assignee?: string;
  assignmentGroup?: string;
}): Array<[string, string | undefined]> {
  return [
    ['entityRef', input.entityRef],
    ...(input.affectedEntityRefs ?? []).map((ref, i): [string, string] => [
      `affectedEntityRefs[${i}]`,
      ref,
    ]),
    ['assignee', input.assignee],
    ['assignmentGroup', input.assignmentGroup],
  ];
}

const level = (zImpl: typeof z, description: string) =>
  zImpl.union([zImpl.literal(1), zImpl.literal(2), zImpl.literal(3)], {
    description,
  });

const problemField = (what: string) => (zImpl: typeof z) =>
  zImpl
    .string({
      description: `The problem (id or number, e.g. PRB-000012) ${what}`,
    })
    .min(1)
    .max(64)
    .optional();

export const incidentSpec = specOf<CreateIncidentRequest>()({
  kind: 'incident',
  description:
    'Opens an ITSM incident as the user who runs the template; outputs its number and the path of its page',
  input: {
    ...recordFields('incident'),
    impact: (zImpl: typeof z) =>
      level(
        zImpl,
        'How widely it hurts: 1 = high (many users or a whole service), 2 = medium, 3 = low (one user, a workaround exists). With urgency it sets the priority (1/1 is P1).',
      ),
    urgency: (zImpl: typeof z) =>
      level(
        zImpl,
        'How soon it must be fixed: 1 = high (now), 2 = medium, 3 = low (can wait)',
      ),
    problem: problemField('this incident matches, e.g. a known error'),
  },
  body: input => ({
    title: input.title,
    description: input.description,
    entityRef: input.entityRef,
    affectedEntityRefs: input.affectedEntityRefs,
    assignee: input.assignee,
    assignmentGroup: input.assignmentGroup,
    impact: input.impact,
    urgency: input.urgency,
    problem: input.problem,
  }),
  check: input => refProblems(coreRefs(input)),
  summary: input =>
    `incident '${input.title}' on ${input.entityRef} (impact ${input.impact}, urgency ${input.urgency})`,
  examples: [
    {
      description: 'Open an incident on a component',
      input: {
        title: 'Checkout returns 502 for card payments',
        entityRef: 'component:default/payments-api',
        impact: 2,
        urgency: 1,
      },
    },
  ],
});

const CHANGE_TYPES = Object.keys(CHANGE_TYPE_LABELS) as [
  ChangeType,
  ...ChangeType[],
];
const CHANGE_RISKS = Object.keys(CHANGE_RISK_LABELS) as [
  ChangeRisk,
  ...ChangeRisk[],
];

const dateTime = (description: string) => (zImpl: typeof z) =>
  zImpl.string({ description }).datetime({ offset: true }).max(64).optional();

const plan = (description: string) => (zImpl: typeof z) =>
  zImpl.string({ description }).max(TEXT_LIMITS.description).optional();

export const changeSpec = specOf<CreateChangeRequest>()({
  kind: 'change',
  description:
    'Raises an ITSM change (in Draft) as the user who runs the template; outputs its number and the path of its page',
  input: {
    ...recordFields('change'),
    type: (zImpl: typeof z) =>
      zImpl.enum(CHANGE_TYPES, {
        description:
          'standard: routine and pre-approved (low risk only, raised by a member of the owner group of each CI; no approvals), normal: approved by the owners (and the platform group when risky), emergency: approved fast, after the fact',
      }),
    risk: (zImpl: typeof z) =>
      zImpl.enum(CHANGE_RISKS, {
        description: 'low, moderate or high; a standard change must be low',
      }),
    plannedStart: dateTime(
      'Start of the planned window: an ISO 8601 date-time with an offset, e.g. 2026-12-08T20:00:00Z. Needed (with plannedEnd) before the change is scheduled or authorised.',
    ),
    plannedEnd: dateTime(
      'End of the planned window, after plannedStart, e.g. 2026-12-08T21:00:00Z',
    ),
    implementationPlan: plan('How the change is carried out, step by step'),
    backoutPlan: plan('How to undo it if it goes wrong'),
    testPlan: plan('How to check that it worked'),
    problem: problemField('this change is raised to fix'),
  },
  body: input => ({
    title: input.title,
    description: input.description,
    entityRef: input.entityRef,
    affectedEntityRefs: input.affectedEntityRefs,
    assignee: input.assignee,
    assignmentGroup: input.assignmentGroup,
    type: input.type,
    risk: input.risk,
    plannedStart: input.plannedStart,
    plannedEnd: input.plannedEnd,
    implementationPlan: input.implementationPlan,
    backoutPlan: input.backoutPlan,
    testPlan: input.testPlan,
    problem: input.problem,
  }),
  check: input => [
    ...refProblems(coreRefs(input)),
    ...standardChangeGuard(input),
    ...(input.plannedStart || input.plannedEnd
      ? windowGuard(input.plannedStart, input.plannedEnd)
      : []),
  ],
  summary: input =>
    `${input.type} change '${input.title}' on ${input.entityRef} (risk ${
      input.risk
    }${
      input.plannedStart
        ? `, planned ${input.plannedStart} – ${input.plannedEnd}`
        : ''
    })`,
  examples: [
    {
      description: 'Raise a standard (pre-approved) change with its window',
      input: {
        title: 'Rotate the TLS certificate of the payments API',
        entityRef: 'component:default/payments-api',
        type: 'standard',
        risk: 'low',
        plannedStart: '2026-12-08T20:00:00Z',
        plannedEnd: '2026-12-08T21:00:00Z',
        implementationPlan: 'Deploy the new certificate with the pipeline',
        backoutPlan: 'Redeploy the previous certificate',
        testPlan: 'Check the certificate served by the endpoint',
      },
    },
  ],
});

export const requestSpec = specOf<CreateServiceRequest>()({
  kind: 'request',
  description:
    'Submits an ITSM service request (an order of a service offering) as the user who runs the template; outputs its number and the path of its page',
  input: {
    offeringRef: (zImpl: typeof z) =>
      entityRef(
        zImpl,
        'The service offering ordered: a full ServiceOffering entity ref, e.g. serviceoffering:default/new-postgres-database',
      ),
    parameters: (zImpl: typeof z) =>
      zImpl.record(zImpl.unknown(), {
        description:
          "The order form's values: an object validated against the offering's parameters schema (send {} when it has none)",
      }),
    title: (zImpl: typeof z) =>
      zImpl
        .string({
          description:
            "Short title of the request (default: the offering's title)",
        })
        .min(1)
        .max(TEXT_LIMITS.title)
        .optional(),
    description: (zImpl: typeof z) =>
      zImpl
        .string({ description: 'Why it is needed, in Markdown' })
        .max(TEXT_LIMITS.description)
        .optional(),
  },
  body: input => ({
    offeringRef: input.offeringRef,
    parameters: input.parameters,
    title: input.title,
    description: input.description,
  }),
  check: input => refProblems([['offeringRef', input.offeringRef]]),
  summary: input =>
    `service request '${input.title ?? input.offeringRef}' for ${
      input.offeringRef
    }`,
  examples: [
    {
      description: 'Order a PostgreSQL database',
      input: {
        offeringRef: 'serviceoffering:default/new-postgres-database',
        parameters: {
          name: 'orders',
          size: 'small',
          owningTeam: 'group:default/team-payments',
        },
      },
    },
  ],
});

/** The create actions, one per kind: `itsm:<kind>:create`. */
export const CREATE_ACTION_SPECS = [incidentSpec, changeSpec, requestSpec];
