import { InputError } from '@backstage/errors';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  Incident,
  kindOfRecordNumber,
  Page,
  recordApiPath,
  RecordCore,
  TimelineEntry,
} from '@backstage-itsm/plugin-itsm-common';
import type { z as zod } from 'zod/v3';
import { ItsmSelfClient } from './ItsmSelfClient';

/** The zod the actions registry hands to schema functions. */
type Zod = typeof zod;

/** Input fields the actions share, described for the assistant. */
const field = {
  entityRef: (z: Zod) =>
    z
      .string()
      .describe(
        'A full catalog entity ref, e.g. component:default/payments-api',
      ),
  number: (z: Zod) => z.string().describe('The record number, e.g. INC-000042'),
  level: (z: Zod) =>
    z.number().int().min(1).max(3).describe('1 high, 2 medium, 3 low'),
};

/** The record path of a number (`/incidents/INC-000042`). */
function recordPath(number: string) {
  const kind = kindOfRecordNumber(number);
  if (!kind)
    throw new InputError(
      `number: '${number}' is not a record number (INC-, CHG-, REQ- or PRB-…)`,
    );
  return recordApiPath(kind, number.toUpperCase());
}

/** A record as an assistant needs it: the core fields, whatever the kind. */
const summary = (record: RecordCore) => ({
  number: record.number,
  kind: record.kind,
  title: record.title,
  state: record.state,
  priority: record.priority,
  entityRef: record.entityRef,
  assignmentGroup: record.assignmentGroup ?? null,
  assignee: record.assignee ?? null,
  createdAt: record.createdAt,
});

/**
 * The ITSM actions in Backstage's actions registry, exposed to assistants by the MCP
 * actions backend (`backend.actions.pluginSources: [itsm]`). Each runs as the calling
 * user, through the plugin's own HTTP API: what they may not do there, they may not do
 * here (a 403 or 404 comes back as the action's error).
 */
export function registerItsmActions(
  registry: ActionsRegistryService,
  client: ItsmSelfClient,
) {
  const recordShape = (z: Zod) =>
    z.object({
      number: z.string(),
      kind: z.string(),
      title: z.string(),
      state: z.string(),
      priority: z.string(),
      entityRef: z.string(),
      assignmentGroup: z.string().nullable(),
      assignee: z.string().nullable(),
      createdAt: z.string(),
    });

  registry.register({
    name: 'find-incidents',
    title: 'Find incidents of an entity',
    description:
      'Lists the incidents whose CIs include a catalog entity (open ones by default), newest first, that the caller may read.',
    attributes: { readOnly: true },
    schema: {
      input: z =>
        z.object({
          entityRef: field.entityRef(z),
          open: z
            .boolean()
            .optional()
            .describe('Only incidents still being worked (default true)'),
          limit: z.number().int().min(1).max(100).optional(),
        }),
      output: z => z.object({ incidents: z.array(recordShape(z)) }),
    },
    action: async ({ input, credentials }) => {
      const page = await client.request<Page<Incident>>(
        credentials,
        'GET',
        '/incidents',
        {
          query: {
            entityRef: input.entityRef,
            open: String(input.open ?? true),
            limit: String(input.limit ?? 20),
          },
        },
      );
      return { output: { incidents: page.items.map(summary) } };
    },
  });

  registry.register({
    name: 'get-record',
    title: 'Get an ITSM record with its timeline',
    description:
      'An incident, change, service request or problem by its number (INC-000042, CHG-…, REQ-…, PRB-…), with its timeline (work notes only for those who may read them).',
    attributes: { readOnly: true },
    schema: {
      input: z => z.object({ number: field.number(z) }),
      output: z =>
        z.object({
          record: z.record(z.unknown()),
          timeline: z.array(
            z.object({
              type: z.string(),
              actor: z.string(),
              at: z.string(),
              body: z.string().optional(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const path = recordPath(input.number);
      const record = await client.request<Record<string, unknown>>(
        credentials,
        'GET',
        path,
      );
      const timeline = await client.request<{ items: TimelineEntry[] }>(
        credentials,
        'GET',
        `${path}/timeline`,
      );
      return {
        output: {
          record,
          timeline: timeline.items.map(e => ({
            type: e.type,
            actor: e.actor,
            at: e.at,
            ...(e.body ? { body: e.body } : {}),
          })),
        },
      };
    },
  });

  registry.register({
    name: 'open-incident',
    title: 'Open an incident',
    description:
      'Reports an incident on a catalog entity as the caller; it is routed to the entity owner group and prioritised by impact × urgency.',
    attributes: { destructive: false, readOnly: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          title: z.string().min(1).max(200),
          description: z.string().max(10000).optional(),
          entityRef: field
            .entityRef(z)
            .describe(
              'The affected catalog entity, e.g. component:default/payments-api',
            ),
          impact: field.level(z),
          urgency: field.level(z),
        }),
      output: z => z.object({ incident: recordShape(z) }),
    },
    action: async ({ input, credentials }) => {
      const incident = await client.request<Incident>(
        credentials,
        'POST',
        '/incidents',
        { body: input },
      );
      return { output: { incident: summary(incident) } };
    },
  });

  registry.register({
    name: 'comment',
    title: 'Comment on an ITSM record',
    description:
      'Adds a comment (visible to the requester) or a work note (internal to the people working it) to a record, as the caller.',
    attributes: { destructive: false, readOnly: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          number: field.number(z),
          body: z.string().min(1).max(10000),
          visibility: z
            .enum(['comment', 'work_note'])
            .optional()
            .describe('comment (default) or work_note'),
        }),
      output: z => z.object({ type: z.string(), at: z.string() }),
    },
    action: async ({ input, credentials }) => {
      const entry = await client.request<TimelineEntry>(
        credentials,
        'POST',
        `${recordPath(input.number)}/comments`,
        {
          body: {
            body: input.body,
            visibility: input.visibility ?? 'comment',
          },
        },
      );
      return { output: { type: entry.type, at: entry.at } };
    },
  });

  registry.register({
    name: 'entity-sla',
    title: 'SLA status of an entity',
    description:
      "SLA compliance over 30 and 90 days, open breaches and timers at risk of a catalog entity's records that the caller may read.",
    attributes: { readOnly: true },
    schema: {
      input: z =>
        z.object({
          entityRef: field.entityRef(z),
        }),
      output: z => z.object({ sla: z.record(z.unknown()) }),
    },
    action: async ({ input, credentials }) => ({
      output: {
        sla: await client.request<Record<string, unknown>>(
          credentials,
          'GET',
          '/sla/summary',
          { query: { entityRef: input.entityRef } },
        ),
      },
    }),
  });

  registry.register({
    name: 'pending-approvals',
    title: 'My pending approvals',
    description:
      'The approval steps of changes and service requests that wait for a decision by the caller.',
    attributes: { readOnly: true },
    schema: {
      input: z => z.object({}),
      output: z => z.object({ approvals: z.array(z.record(z.unknown())) }),
    },
    action: async ({ credentials }) => ({
      output: {
        approvals: (
          await client.request<{ items: Record<string, unknown>[] }>(
            credentials,
            'GET',
            '/approvals/pending',
          )
        ).items,
      },
    }),
  });
}
