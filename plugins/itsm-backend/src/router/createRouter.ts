import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  itsmIncidentCommentPermission,
  itsmIncidentCreatePermission,
  itsmIncidentReadPermission,
  itsmIncidentUpdatePermission,
  normalizeEntityRef,
} from '@backstage-itsm/plugin-itsm-common';
import { InputError } from '@backstage/errors';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { spec } from '../schema/openapi.generated';
import { Actor, IncidentService } from '../incidents/IncidentService';
import { RecordStore } from '../records/RecordStore';
import { Authorizer } from './authorization';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  authorizer: Authorizer;
  records: RecordStore;
  incidents: IncidentService;
}

/** Lists return at most this many records when no limit is asked for. */
const DEFAULT_LIMIT = 50;

/**
 * The HTTP edge: the OpenAPI validator rejects malformed input (400) before any
 * handler runs; handlers authenticate, authorise, audit and delegate. No business
 * rules live here.
 */
export async function createRouter(options: RouterOptions) {
  const { httpAuth, auditor, authorizer, records, incidents } = options;
  const router = createValidatedOpenApiRouter<typeof spec>(spec);

  type AnyRequest = Parameters<HttpAuthService['credentials']>[0];

  const actorOf = async (req: AnyRequest): Promise<Actor> => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    return { ref: credentials.principal.userEntityRef, credentials };
  };

  /** The caller and the record they act on, once they may do so. */
  const actOnIncident = async (
    req: AnyRequest & { params: { id: string } },
    permission: ResourcePermission,
  ) => {
    const actor = await actorOf(req);
    const id = await records.resolveId('incident', req.params.id);
    await authorizer.resource(permission, id, actor.credentials);
    return { actor, id };
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

  router.get('/incidents', async (req, res) => {
    const { credentials } = await actorOf(req);
    const criteria = await authorizer.listCriteria(
      itsmIncidentReadPermission,
      credentials,
    );
    if (criteria === null) {
      res.json({ items: [] });
      return;
    }
    const q = req.query;
    const page = await incidents.list(
      {
        entityRef: refParam('entityRef', q.entityRef),
        states: q.state,
        open: q.open,
        priorities: q.priority,
        assignee: refParam('assignee', q.assignee),
        requester: refParam('requester', q.requester),
        assignmentGroups: q.assignmentGroup?.map(
          g => refParam('assignmentGroup', g)!,
        ),
        q: q.q?.trim() || undefined,
      },
      { limit: q.limit ?? DEFAULT_LIMIT, cursor: q.cursor },
      criteria,
    );
    res.json(page);
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
    const { id } = await actOnIncident(req, itsmIncidentReadPermission);
    res.json(await incidents.get(id));
  });

  router.patch('/incidents/:id', async (req, res) => {
    const { actor, id } = await actOnIncident(
      req,
      itsmIncidentUpdatePermission,
    );
    const incident = await audited(
      req,
      'incident-update',
      { id, fields: Object.keys(req.body) },
      () => incidents.update(id, req.body, actor),
    );
    res.json(incident);
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
    res.json(incident);
  });

  router.post('/incidents/:id/comments', async (req, res) => {
    // Work notes are internal: writing one is working the incident.
    const { actor, id } = await actOnIncident(
      req,
      req.body.visibility === 'work_note'
        ? itsmIncidentUpdatePermission
        : itsmIncidentCommentPermission,
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
    const { id } = await actOnIncident(req, itsmIncidentReadPermission);
    res.json({ items: await incidents.timeline(id) });
  });

  return router;
}
