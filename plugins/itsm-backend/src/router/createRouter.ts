import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  itsmChangeApprovePermission,
  itsmChangeCreatePermission,
  itsmChangeReadPermission,
  itsmChangeUpdatePermission,
  CommentVisibility,
  Incident,
  ITSM_KIND_PERMISSIONS,
  itsmRequestApprovePermission,
  itsmRequestCreatePermission,
  itsmRequestReadPermission,
  itsmRequestUpdatePermission,
  itsmIncidentCreatePermission,
  itsmIncidentReadPermission,
  itsmIncidentUpdatePermission,
  normalizeEntityRef,
  RecordKind,
  itsmRecordWorknoteReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { InputError, NotFoundError } from '@backstage/errors';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { spec } from '../schema/openapi.generated';
import { IncidentService } from '../incidents/IncidentService';
import { ChangeService } from '../changes/ChangeService';
import { RequestService } from '../requests/RequestService';
import { ApprovalEngine } from '../approvals/ApprovalEngine';
import { Actor } from '../records/actor';
import { RecordStore } from '../records/RecordStore';
import { RecordListFilter } from '../records/types';
import { Authorizer } from './authorization';
import { edgeOptions } from './edge';
import { registerSlaRoutes, SlaRouteOptions } from './slaRoutes';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  authorizer: Authorizer;
  userInfo: UserInfoService;
  records: RecordStore;
  incidents: IncidentService;
  changes: ChangeService;
  requests: RequestService;
  approvals: ApprovalEngine;
  sla: Omit<SlaRouteOptions, 'authorizer'>;
}

/** Lists return at most this many records when no limit is asked for. */
const DEFAULT_LIMIT = 50;

/**
 * The HTTP edge: the edge checks (edge.ts) and the OpenAPI validator reject malformed
 * input (400) before any handler runs; handlers authenticate, authorise, audit and delegate. No business
 * rules live here.
 */
export async function createRouter(options: RouterOptions) {
  const { httpAuth, auditor, authorizer, records, incidents, changes } =
    options;
  const { requests } = options;
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
  type WithId = AnyRequest & { params: { id: string } };
  const actOnIncident = (req: WithId, permission?: ResourcePermission) =>
    actOn('incident', req, permission);
  const actOnChange = (req: WithId, permission?: ResourcePermission) =>
    actOn('change', req, permission);
  /** For requests every act needs the caller's groups (domain rules on who may act). */
  const actOnRequest = async (req: WithId, permission: ResourcePermission) => {
    const { actor, id } = await actOn('request', req, permission);
    return { id, member: await memberOf(actor) };
  };
  /** The permission a comment needs: a work note is working the record. */
  const commentPermission = (
    kind: RecordKind,
    visibility: CommentVisibility,
  ) =>
    visibility === 'work_note'
      ? ITSM_KIND_PERMISSIONS[kind].update
      : ITSM_KIND_PERMISSIONS[kind].comment;

  /** A record's timeline; work notes only for callers who may read them. */
  const timelineOf = async (kind: RecordKind, req: WithId) => {
    const actor = await actorOf(req);
    const {
      id,
      also: [notes],
    } = await authorizer.recordAnd(
      kind,
      req.params.id,
      actor.credentials,
      undefined,
      [itsmRecordWorknoteReadPermission],
    );
    const entries = await records.getTimeline(id);
    return notes ? entries : entries.filter(e => e.type !== 'work_note');
  };

  /**
   * Incidents name the change that caused them; a caller who may not read that
   * change sees no link (its number and title are not theirs to see).
   */
  const withVisibleCauses = async (
    items: Incident[],
    credentials: BackstageCredentials,
  ): Promise<Incident[]> => {
    const numbers = items.flatMap(i => i.causedByChange ?? []);
    if (numbers.length === 0) return items;
    const visible = await authorizer.readable(
      'change',
      'number',
      numbers,
      credentials,
    );
    return items.map(i =>
      i.causedByChange && !visible.has(i.causedByChange)
        ? { ...i, causedByChange: null }
        : i,
    );
  };
  const withVisibleCause = async (
    incident: Incident,
    credentials: BackstageCredentials,
  ) => (await withVisibleCauses([incident], credentials))[0];

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

  /** The filters every kind's list takes (docs/DESIGN.md §5). */
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

  router.get('/incidents', async (req, res) => {
    const { credentials } = await actorOf(req);
    const criteria = await authorizer.readFilter(
      itsmIncidentReadPermission,
      credentials,
    );
    if (criteria === null) {
      res.json({ items: [] });
      return;
    }
    const q = req.query;
    const page = await incidents.list(
      { ...listFilterOf(q), priorities: q.priority },
      { limit: q.limit ?? DEFAULT_LIMIT, cursor: q.cursor },
      criteria,
    );
    res.json({
      ...page,
      items: await withVisibleCauses(page.items, credentials),
    });
  });

  router.post('/incidents', async (req, res) => {
    const actor = await actorOf(req);
    await authorizer.basic(itsmIncidentCreatePermission, actor.credentials);
    const incident = await audited(
      req,
      'incident-create',
      { entityRef: req.body.entityRef },
      () => incidents.create(req.body, actor),
    );
    res.status(201).json(incident);
  });

  router.get('/incidents/:id', async (req, res) => {
    const { actor, id } = await actOnIncident(req);
    res.json(await withVisibleCause(await incidents.get(id), actor.credentials));
  });

  router.patch('/incidents/:id', async (req, res) => {
    const { actor, id } = await actOnIncident(
      req,
      itsmIncidentUpdatePermission,
    );
    const cause = req.body.causedByChange;
    if (cause) {
      // Linking needs reading what is linked (and writes on its timeline).
      const readable = await authorizer.readable(
        'change',
        /^[A-Za-z]{3}-\d+$/.test(cause) ? 'number' : 'id',
        [/^[A-Za-z]{3}-\d+$/.test(cause) ? cause.toUpperCase() : cause],
        actor.credentials,
      );
      if (readable.size === 0)
        throw new InputError(
          `causedByChange: there is no change ${cause} that you may read`,
        );
    }
    const incident = await audited(
      req,
      'incident-update',
      { id, fields: Object.keys(req.body) },
      () => incidents.update(id, req.body, actor),
    );
    res.json(await withVisibleCause(incident, actor.credentials));
  });

  router.post('/incidents/:id/transitions', async (req, res) => {
    const { actor, id } = await actOnIncident(
      req,
      itsmIncidentUpdatePermission,
    );
    const incident = await audited(
      req,
      'incident-transition',
      { id, to: req.body.to },
      () => incidents.transition(id, req.body, actor),
    );
    res.json(await withVisibleCause(incident, actor.credentials));
  });

  router.post('/incidents/:id/comments', async (req, res) => {
    const { actor, id } = await actOnIncident(
      req,
      commentPermission('incident', req.body.visibility),
    );
    const entry = await audited(
      req,
      'incident-comment',
      { id, visibility: req.body.visibility },
      () => incidents.comment(id, req.body, actor),
    );
    res.status(201).json(entry);
  });

  router.get('/incidents/:id/timeline', async (req, res) => {
    res.json({ items: await timelineOf('incident', req) });
  });

  router.get('/changes', async (req, res) => {
    const { credentials } = await actorOf(req);
    const criteria = await authorizer.readFilter(
      itsmChangeReadPermission,
      credentials,
    );
    if (criteria === null) {
      res.json({ items: [] });
      return;
    }
    const q = req.query;
    const page = await changes.list(
      { ...listFilterOf(q), types: q.type },
      { limit: q.limit ?? DEFAULT_LIMIT, cursor: q.cursor },
      criteria,
    );
    res.json(page);
  });

  router.post('/changes', async (req, res) => {
    const actor = await approverOf(req);
    await authorizer.basic(itsmChangeCreatePermission, actor.credentials);
    const change = await audited(
      req,
      'change-create',
      { entityRef: req.body.entityRef, type: req.body.type },
      () => changes.create(req.body, actor),
    );
    res.status(201).json(change);
  });

  router.get('/changes/:id', async (req, res) => {
    const { id } = await actOnChange(req);
    res.json(await changes.get(id));
  });

  router.patch('/changes/:id', async (req, res) => {
    const { actor, id } = await actOnChange(req, itsmChangeUpdatePermission);
    const member = await memberOf(actor);
    const change = await audited(
      req,
      'change-update',
      { id, fields: Object.keys(req.body) },
      () => changes.update(id, req.body, member),
    );
    res.json(change);
  });

  router.post('/changes/:id/transitions', async (req, res) => {
    const { actor, id } = await actOnChange(req, itsmChangeUpdatePermission);
    const change = await audited(
      req,
      'change-transition',
      { id, to: req.body.to },
      () => changes.transition(id, req.body, actor),
    );
    res.json(change);
  });

  router.get('/changes/:id/approvals', async (req, res) => {
    const { id } = await actOnChange(req);
    res.json({ items: await changes.approvalSteps(id) });
  });

  router.post('/changes/:id/approvals', async (req, res) => {
    const { id } = await actOnChange(req, itsmChangeApprovePermission);
    const approver = await approverOf(req);
    const change = await audited(
      req,
      'change-approval',
      { id, stepId: req.body.stepId, decision: req.body.decision },
      () => changes.decide(id, req.body, approver),
    );
    res.json(change);
  });

  router.get('/changes/:id/conflicts', async (req, res) => {
    const { actor, id } = await actOnChange(req);
    // Only conflicting changes the caller may read are shown.
    const readable = await authorizer.readFilter(
      itsmChangeReadPermission,
      actor.credentials,
    );
    res.json(await changes.conflicts(id, actor, readable));
  });

  router.get('/changes/:id/incidents', async (req, res) => {
    const { actor, id } = await actOnChange(req);
    // Only the caused incidents the caller may read are shown.
    const readable = await authorizer.readFilter(
      itsmIncidentReadPermission,
      actor.credentials,
    );
    res.json({ items: await changes.causedIncidents(id, readable) });
  });

  router.post('/changes/:id/comments', async (req, res) => {
    const { actor, id } = await actOnChange(
      req,
      commentPermission('change', req.body.visibility),
    );
    const entry = await audited(
      req,
      'change-comment',
      { id, visibility: req.body.visibility },
      () => changes.comment(id, req.body, actor),
    );
    res.status(201).json(entry);
  });

  router.get('/changes/:id/timeline', async (req, res) => {
    res.json({ items: await timelineOf('change', req) });
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

  router.get('/approvals/pending', async (req, res) => {
    const approver = await approverOf(req);
    // Steps of records the caller may not read are not theirs to see.
    const filters = await authorizer.readFilters(approver.credentials);
    res.json({ items: await options.approvals.pendingFor(approver, filters) });
  });

  router.get('/requests', async (req, res) => {
    const { credentials } = await actorOf(req);
    const criteria = await authorizer.readFilter(
      itsmRequestReadPermission,
      credentials,
    );
    if (criteria === null) {
      res.json({ items: [] });
      return;
    }
    const q = req.query;
    const page = await requests.list(
      {
        ...listFilterOf(q),
        offeringRef: refParam('offeringRef', q.offeringRef),
      },
      { limit: q.limit ?? DEFAULT_LIMIT, cursor: q.cursor },
      criteria,
    );
    res.json(page);
  });

  router.post('/requests', async (req, res) => {
    const member = await approverOf(req);
    await authorizer.basic(itsmRequestCreatePermission, member.credentials);
    const request = await audited(
      req,
      'request-create',
      { offeringRef: req.body.offeringRef },
      () => requests.create(req.body, member),
    );
    res.status(201).json(request);
  });

  router.get('/requests/:id', async (req, res) => {
    const { id } = await actOn('request', req);
    res.json(await requests.get(id));
  });

  router.post('/requests/:id/transitions', async (req, res) => {
    const { id, member } = await actOnRequest(req, itsmRequestUpdatePermission);
    const request = await audited(
      req,
      'request-transition',
      { id, to: req.body.to },
      () => requests.transition(id, req.body, member),
    );
    res.json(request);
  });

  router.get('/requests/:id/approvals', async (req, res) => {
    const { id } = await actOn('request', req);
    res.json({ items: await requests.approvalSteps(id) });
  });

  router.post('/requests/:id/approvals', async (req, res) => {
    const { id, member } = await actOnRequest(
      req,
      itsmRequestApprovePermission,
    );
    const request = await audited(
      req,
      'request-approval',
      { id, stepId: req.body.stepId, decision: req.body.decision },
      () => requests.decide(id, req.body, member),
    );
    res.json(request);
  });

  router.post('/requests/:id/comments', async (req, res) => {
    const { actor, id } = await actOn(
      'request',
      req,
      commentPermission('request', req.body.visibility),
    );
    const entry = await audited(
      req,
      'request-comment',
      { id, visibility: req.body.visibility },
      () => requests.comment(id, req.body, actor),
    );
    res.status(201).json(entry);
  });

  router.get('/requests/:id/timeline', async (req, res) => {
    res.json({ items: await timelineOf('request', req) });
  });

  registerSlaRoutes(
    router,
    { ...options.sla, authorizer },
    { actorOf, actOn, refParam },
  );

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
