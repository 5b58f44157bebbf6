import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Change,
  CHANGE_CLOSE_CODES,
  CHANGE_RISKS,
  CHANGE_STATES,
  CHANGE_TYPES,
  ChangeState,
  ChangeType,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod/v4';
import { ChangeService } from '../changes/ChangeService';
import { IncidentService } from '../incidents/IncidentService';
import { duration, ms } from './durations';

export const demoChangeSchema = z
  .object({
    title: z.string().min(1),
    description: z.string().optional(),
    entityRef: z.string(),
    affectedEntityRefs: z.array(z.string()).optional(),
    type: z.enum(CHANGE_TYPES as [ChangeType, ...ChangeType[]]),
    risk: z.enum(CHANGE_RISKS as [string, ...string[]]),
    requester: z.string(),
    /** How long ago it was raised; its steps are spread until now. */
    raisedAgo: duration.optional(),
    /** The planned window, relative to now: starting in, or having started, a while. */
    window: z
      .object({
        startsIn: duration.optional(),
        startedAgo: duration.optional(),
        lasts: duration,
      })
      .strict()
      .refine(w => !!w.startsIn !== !!w.startedAgo, {
        message: 'give exactly one of startsIn and startedAgo',
      }),
    implementationPlan: z.string().optional(),
    backoutPlan: z.string().optional(),
    testPlan: z.string().optional(),
    state: z.enum(CHANGE_STATES as [ChangeState, ...ChangeState[]]).optional(),
    /** Users who approve, in order; each decides the open step they may decide. */
    approvedBy: z.array(z.string()).optional(),
    closeCode: z.enum(CHANGE_CLOSE_CODES as [string, ...string[]]).optional(),
    /** Titles of demo incidents this change caused. */
    causedIncidents: z.array(z.string()).optional(),
  })
  .strict();

export type DemoChange = z.infer<typeof demoChangeSchema>;

/** The states a change of each type passes through, in order, on its way to closed. */
export const CHANGE_PATH_TO_CLOSED: Record<ChangeType, ChangeState[]> = {
  standard: ['draft', 'scheduled', 'implement', 'review', 'closed'],
  normal: [
    'draft',
    'assess',
    'authorize',
    'scheduled',
    'implement',
    'review',
    'closed',
  ],
  emergency: [
    'draft',
    'authorize',
    'scheduled',
    'implement',
    'review',
    'closed',
  ],
};

/**
 * Brings demo changes to their state the way people would: transitions, and approval
 * decisions by the named approvers (members of the step's groups, from the catalog).
 */
export async function seedDemoChanges(options: {
  items: DemoChange[];
  createService: (now: () => Date) => ChangeService;
  incidents: IncidentService;
  membership: (userRef: string) => Promise<string[]>;
  credentials: BackstageCredentials;
}): Promise<void> {
  const { items, createService, credentials } = options;
  for (const item of items) {
    const ago = ms(item.raisedAgo);
    const now = Date.now();
    const start = item.window.startsIn
      ? now + ms(item.window.startsIn)
      : now - ms(item.window.startedAgo!);
    const target = item.state ?? 'draft';
    const path: ChangeState[] =
      target === 'canceled'
        ? ['draft', 'canceled']
        : CHANGE_PATH_TO_CLOSED[item.type].slice(
            0,
            CHANGE_PATH_TO_CLOSED[item.type].indexOf(target) + 1,
          );
    const steps = path.length - 1 + (item.approvedBy?.length ?? 0);
    let at = now - ago;
    const tick = () => {
      at += ago / (steps + 1);
    };
    const service = createService(() => new Date(at));
    const requester = {
      ref: item.requester,
      credentials,
      ownershipEntityRefs: [
        item.requester,
        ...(await options.membership(item.requester)),
      ],
    };
    let change: Change = await service.create(
      {
        title: item.title,
        description: item.description,
        entityRef: item.entityRef,
        affectedEntityRefs: item.affectedEntityRefs,
        type: item.type,
        risk: item.risk as Change['risk'],
        plannedStart: new Date(start).toISOString(),
        plannedEnd: new Date(start + ms(item.window.lasts)).toISOString(),
        implementationPlan:
          item.implementationPlan ?? 'Roll out with the pipeline.',
        backoutPlan: item.backoutPlan ?? 'Roll back to the previous release.',
        testPlan: item.testPlan ?? 'Smoke tests and dashboards for 30 minutes.',
      },
      requester,
    );
    for (const to of path.slice(1)) {
      if (to === 'scheduled' && change.state === 'authorize') {
        // Approvals move it on to scheduled.
        for (const approverRef of item.approvedBy ?? []) {
          tick();
          change = await decideAs(service, change, approverRef, options);
        }
        if (change.state !== 'scheduled')
          throw new Error(
            `Demo change '${item.title}': the approvers given do not approve every step`,
          );
        continue;
      }
      tick();
      change = await service.transition(
        change.id,
        {
          version: change.version,
          to,
          ...(to === 'closed'
            ? { closeCode: (item.closeCode ?? 'successful') as any }
            : {}),
        },
        requester,
      );
    }
    if (target === 'authorize') {
      for (const approverRef of item.approvedBy ?? []) {
        tick();
        change = await decideAs(service, change, approverRef, options);
      }
    }
    for (const title of item.causedIncidents ?? []) {
      const [incident] = (
        await options.incidents.list({ q: title }, { limit: 1 })
      ).items;
      if (!incident) throw new Error(`Demo incident '${title}' not found`);
      await options.incidents.update(
        incident.id,
        { version: incident.version, causedByChange: change.id },
        { ref: incident.assignee ?? incident.requester, credentials },
      );
    }
  }
}

async function decideAs(
  service: ChangeService,
  change: Change,
  approverRef: string,
  options: {
    membership: (userRef: string) => Promise<string[]>;
    credentials: BackstageCredentials;
  },
): Promise<Change> {
  const groups = await options.membership(approverRef);
  const step = (await service.approvalSteps(change.id)).find(
    s =>
      s.state === 'pending' && s.eligibleGroups.some(g => groups.includes(g)),
  );
  if (!step)
    throw new Error(
      `Demo change '${change.title}': ${approverRef} may decide no open step`,
    );
  return service.decide(
    change.id,
    { stepId: step.id, decision: 'approved', comment: 'Approved (demo data)' },
    {
      ref: approverRef,
      credentials: options.credentials,
      ownershipEntityRefs: [approverRef, ...groups],
    },
  );
}
