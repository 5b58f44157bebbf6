import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  itsmChangeReadPermission,
  RecordCore,
  itsmIncidentReadPermission,
  normalizeEntityRef,
  RecordKind,
} from '@backstage-itsm/plugin-itsm-common';
import { InputError, NotFoundError } from '@backstage/errors';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { Request, Router } from 'express';
import { JsonObject } from '@backstage/types';
import { spec } from '../schema/openapi.generated';
import { unansweredAsUnavailable } from './unanswered';
import { IncidentService } from '../incidents/IncidentService';
import { ChangeService } from '../changes/ChangeService';
import { RequestService } from '../requests/RequestService';
import { ProblemService } from '../problems/ProblemService';
import { registerProblemRoutes } from './problemRoutes';
import { registerMachineRoutes } from './machineRoutes';
import { registerSearchRoutes } from './searchRoutes';
import { DeployGates } from '../gates/DeployGates';
import { SearchFeed } from '../search/SearchFeed';
import { AlertIntake } from '../alerts/AlertIntake';
import { BlastRadiusCalculator } from '../impact/BlastRadius';
import { MajorIncidents } from '../incidents/MajorIncidents';
import { registerMajorIncidentRoutes } from './majorIncidentRoutes';
import { WorkQueues } from '../work/WorkQueues';
import { ApprovalEngine } from '../approvals/ApprovalEngine';
import { Actor } from '../records/actor';
import { RecordStore } from '../records/RecordStore';
import { RecordListFilter } from '../records/types';
import { Authorizer } from './authorization';
import { edgeOptions } from './edge';
import { KindRoutes, registerKindRoutes } from './kindRoutes';
import { registerSlaRoutes, SlaRouteOptions } from './slaRoutes';

type WithId = Request<{ id: string }>;

export interface RouterOptions {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  authorizer: Authorizer;
  userInfo: UserInfoService;
  records: RecordStore;
  incidents: IncidentService;
  changes: ChangeService;
  requests: RequestService;
  problems: ProblemService;
  approvals: ApprovalEngine;
  work: WorkQueues;
  alerts: AlertIntake;
  search: SearchFeed;
  gates: DeployGates;
  impact: BlastRadiusCalculator;
  major: MajorIncidents;
  sla: Omit<SlaRouteOptions, 'authorizer'>;
}

/**
 * The HTTP edge: the edge checks (edge.ts) and the OpenAPI validator reject malformed
 * input (400) before any handler runs; handlers authenticate, authorise, audit and delegate. No business
 * rules live here.
 */
export async function createRouter(options: RouterOptions) {
  const { httpAuth, auditor, authorizer, records, incidents, changes } =
    options;
  const { requests, problems } = options;
  const router = createValidatedOpenApiRouter<typeof spec>(
    spec,
    edgeOptions(spec),
  );

  type AnyRequest = Parameters<HttpAuthService['credentials']>[0];

  const actorOf = async (req: AnyRequest): Promise<Actor> => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    return { ref: credentials.principal.userEntityRef, credentials };
  };

  /** The caller with the groups they belong to, for approval decisions and queues. */
  const memberOf = async (actor: Actor) => {
    const { ownershipEntityRefs } = await options.userInfo.getUserInfo(
      actor.credentials,
    );
    return { ...actor, ownershipEntityRefs };
  };
  const approverOf = async (req: AnyRequest) => memberOf(await actorOf(req));

  /**
   * The caller and the record they address, once they may read it (else 404, as for
   * a missing record) and, when given, do `permission` on it (else 403).
   */
  const actOn = async (
    kind: RecordKind,
    req: AnyRequest & { params: { id: string } },
    permission?: ResourcePermission,
  ) => {
    const actor = await actorOf(req);
    const id = await authorizer.record(
      kind,
      req.params.id,
      actor.credentials,
      permission,
    );
    return { actor, id };
  };
  /**
   * Records name the records they are linked to (an incident its causing change and
   * its problem, a change the problem it fixes); a caller who may not read a linked
   * record sees no link (its number is not theirs to see).
   */
  const withVisibleLinks =
    (links: Array<[field: string, kind: RecordKind]>) =>
    async <T extends RecordCore>(
      items: T[],
      credentials: BackstageCredentials,
    ): Promise<T[]> => {
      let shown = items;
      for (const [field, kind] of links) {
        const numbers = shown.flatMap(i => (i as any)[field] ?? []);
        if (numbers.length === 0) continue;
        const visible = await authorizer.readable(
          kind,
          'number',
          numbers,
          credentials,
        );
        shown = shown.map(i =>
          (i as any)[field] && !visible.has((i as any)[field])
            ? { ...i, [field]: null }
            : i,
        );
      }
      return shown;
    };

  /**
   * A write that links another record needs reading it (and writes on its timeline):
   * a 400 naming the field when the caller may not, as when there is none.
   */
  const requireReadable = async (
    kind: RecordKind,
    field: string,
    ref: string | null | undefined,
    credentials: BackstageCredentials,
  ) => {
    if (!ref) return;
    const byNumber = /^[A-Za-z]{3}-\d+$/.test(ref);
    const readable = await authorizer.readable(
      kind,
      byNumber ? 'number' : 'id',
      [byNumber ? ref.toUpperCase() : ref],
      credentials,
    );
    if (readable.size === 0)
      throw new InputError(
        `${field}: there is no ${kind} ${ref} that you may read`,
      );
  };

  /** Runs a write as an audited event (success or failure with the error). */
  const audited = async <T>(
    req: AnyRequest,
    eventId: string,
    meta: JsonObject,
    fn: () => Promise<T>,
  ): Promise<T> => {
    const event = await auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      request: req,
      meta,
    });
    try {
      const result = await fn();
      await event.success();
      return result;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  };

  const refParam = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const ref = normalizeEntityRef(value);
    if (!ref)
      throw new InputError(`${name}: '${value}' is not a valid entity ref`);
    return ref;
  };

  /** The filters every kind's list takes (docs/domain-rules.md §5). */
  const listFilterOf = (q: {
    entityRef?: string;
    state?: string[];
    open?: boolean;
    assignee?: string;
    requester?: string;
    assignmentGroup?: string[];
    q?: string;
  }): RecordListFilter => ({
    entityRef: refParam('entityRef', q.entityRef),
    states: q.state,
    open: q.open,
    assignee: refParam('assignee', q.assignee),
    requester: refParam('requester', q.requester),
    assignmentGroups: q.assignmentGroup?.map(
      g => refParam('assignmentGroup', g)!,
    ),
    q: q.q?.trim() || undefined,
  });

  const kinds: KindRoutes[] = [
    {
      kind: 'incident',
      path: 'incidents',
      service: incidents,
      members: false,
      listFilter: q => ({ priorities: q.priority }),
      createMeta: body => ({ entityRef: body.entityRef }),
      present: withVisibleLinks([
        ['causedByChange', 'change'],
        ['problem', 'problem'],
      ]),
      checkCreate: (body, actor) =>
        requireReadable('problem', 'problem', body.problem, actor.credentials),
      checkUpdate: async (body, actor) => {
        await requireReadable(
          'change',
          'causedByChange',
          body.causedByChange,
          actor.credentials,
        );
        await requireReadable(
          'problem',
          'problem',
          body.problem,
          actor.credentials,
        );
      },
    },
    {
      kind: 'change',
      path: 'changes',
      service: changes,
      members: true,
      listFilter: q => ({ types: q.type }),
      createMeta: body => ({ entityRef: body.entityRef, type: body.type }),
      present: withVisibleLinks([['problem', 'problem']]),
      checkCreate: (body, actor) =>
        requireReadable('problem', 'problem', body.problem, actor.credentials),
    },
    {
      kind: 'request',
      path: 'requests',
      service: requests,
      members: true,
      listFilter: q => ({
        offeringRef: refParam('offeringRef', q.offeringRef),
      }),
      createMeta: body => ({ offeringRef: body.offeringRef }),
    },
    {
      kind: 'problem',
      path: 'problems',
      service: problems,
      members: false,
      listFilter: q => ({ priorities: q.priority, knownError: q.knownError }),
      createMeta: body => ({
        entityRef: body.entityRef,
        incidents: body.incidents ?? [],
      }),
      checkCreate: async (body, actor) => {
        for (const incident of body.incidents ?? [])
          await requireReadable(
            'incident',
            'incidents',
            incident,
            actor.credentials,
          );
      },
    },
  ];
  registerKindRoutes(router as unknown as Router, kinds, {
    authorizer,
    actorOf,
    memberOf,
    actOn,
    audited,
    listFilterOf,
    timeline: id => records.getTimeline(id),
  });

  // The blast radius of the kinds raised against CIs, over what the caller may see.
  for (const { kind, path, service } of kinds) {
    if (kind === 'request') continue;
    (router as unknown as Router).get(
      `/${path}/:id/impact`,
      async (req, res) => {
        const { actor, id } = await actOn(kind, req as WithId);
        const record = await service.get(id);
        res.json(
          await options.impact.of(
            [record.entityRef, ...record.affectedEntityRefs],
            actor.credentials,
          ),
        );
      },
    );
  }

  router.get('/changes/:id/conflicts', async (req, res) => {
    const { actor, id } = await actOn('change', req);
    // Only conflicting changes the caller may read are shown.
    const readable = await authorizer.readFilter(
      itsmChangeReadPermission,
      actor.credentials,
    );
    res.json(await changes.conflicts(id, actor, readable));
  });

  router.get('/changes/:id/incidents', async (req, res) => {
    const { actor, id } = await actOn('change', req);
    // Only the caused incidents the caller may read are shown.
    const readable = await authorizer.readFilter(
      itsmIncidentReadPermission,
      actor.credentials,
    );
    res.json({ items: await changes.causedIncidents(id, readable) });
  });

  router.get('/change-calendar', async (req, res) => {
    const actor = await actorOf(req);
    const criteria = await authorizer.readFilter(
      itsmChangeReadPermission,
      actor.credentials,
    );
    if (criteria === null) {
      res.json({ changes: [], freezes: [] });
      return;
    }
    const q = req.query;
    res.json(
      await changes.calendar(
        {
          from: q.from,
          to: q.to,
          entityRef: refParam('entityRef', q.entityRef),
          assignmentGroup: refParam('assignmentGroup', q.assignmentGroup),
          states: q.state,
        },
        actor,
        criteria,
      ),
    );
  });

  router.get('/my-work', async (req, res) => {
    const member = await approverOf(req);
    // Counts only what the caller may read, as the queues' lists show.
    const readable = await authorizer.readFilters(member.credentials);
    res.json(await options.work.of(member, readable));
  });

  router.get('/approvals/pending', async (req, res) => {
    const approver = await approverOf(req);
    // Steps of records the caller may not read are not theirs to see.
    const filters = await authorizer.readFilters(approver.credentials);
    res.json({ items: await options.approvals.pendingFor(approver, filters) });
  });

  registerProblemRoutes(router, problems, {
    authorizer,
    actorOf,
    actOn,
    audited,
    refParam,
    requireReadable,
  });

  registerMajorIncidentRoutes(router, options.major, {
    authorizer,
    actorOf,
    actOn,
    audited,
    memberOf,
    refParam,
    requireReadable,
  });

  registerMachineRoutes(
    router,
    { alerts: options.alerts, gates: options.gates },
    { httpAuth, audited, authorizer },
  );
  registerSearchRoutes(router, options.search, { httpAuth, authorizer });

  registerSlaRoutes(
    router,
    { ...options.sla, authorizer },
    { actorOf, actOn, refParam },
  );

  // Another service not answering (user info, catalog, permissions) is a 503.
  router.use(unansweredAsUnavailable);

  // Anything else under /api/itsm (e.g. an empty id: /incidents//sla) is a 404 with
  // the error body like every other answer, not the server's bare one.
  router.use((req, _res, next) => {
    next(
      new NotFoundError(
        `${req.method} ${req.path.slice(0, 200)} is not a route of this API`,
      ),
    );
  });

  return router;
}
