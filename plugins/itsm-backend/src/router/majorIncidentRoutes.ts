import { ITSM_KIND_PERMISSIONS } from '@backstage-itsm/plugin-itsm-common';
import { Request, Response, Router } from 'express';
import { MajorIncidents } from '../incidents/MajorIncidents';
import { EdgeTools } from './kindRoutes';
import { ProblemRouteTools } from './problemRoutes';

type WithId = Request<{ id: string; incident?: string }>;

/**
 * Major incidents: propose / accept / reject, child incidents (linked from either
 * page: working the major incident, reading the child), stakeholder updates and the
 * banners of open major incidents. Reads show only what the caller may read.
 */
export function registerMajorIncidentRoutes(
  validated: unknown,
  major: MajorIncidents,
  tools: ProblemRouteTools & Pick<EdgeTools, 'memberOf'>,
) {
  const router = validated as Router;
  const { authorizer, actorOf, actOn, audited, memberOf } = tools;
  const update = ITSM_KIND_PERMISSIONS.incident.update;
  const readableIncidents = (
    credentials: Parameters<typeof authorizer.readFilter>[1],
  ) => authorizer.readFilter(ITSM_KIND_PERMISSIONS.incident.read, credentials);

  router.post('/incidents/:id/major', async (req: WithId, res: Response) => {
    // Proposing is working the incident; deciding is the major-incident group's
    // (a domain rule checked by the service), on an incident they may read.
    const proposing = req.body.action === 'propose';
    const { actor, id } = await actOn(
      'incident',
      req,
      proposing ? update : undefined,
    );
    const member = await memberOf(actor);
    const incident = await audited(
      req,
      `incident-major-${req.body.action}`,
      { id },
      () => major.decide(id, req.body, member),
    );
    res.json(incident);
  });

  router.get('/incidents/:id/children', async (req: WithId, res: Response) => {
    const { actor, id } = await actOn('incident', req);
    res.json({
      items: await major.childrenOf(
        id,
        await readableIncidents(actor.credentials),
      ),
    });
  });

  const setParent = (link: boolean) => async (req: WithId, res: Response) => {
    const { actor, id } = await actOn('incident', req, update);
    const child: string = link ? req.body.incident : req.params.incident!;
    await tools.requireReadable(
      'incident',
      'incident',
      child,
      actor.credentials,
    );
    const updated = await audited(
      req,
      link ? 'incident-child-link' : 'incident-child-unlink',
      { id, child },
      () => major.setParent(id, child, link, actor),
    );
    res.json(updated);
  };
  router.post('/incidents/:id/children', setParent(true));
  router.delete('/incidents/:id/children/:incident', setParent(false));

  router.post(
    '/incidents/:id/stakeholder-updates',
    async (req: WithId, res: Response) => {
      const { actor, id } = await actOn('incident', req);
      // The major-incident group speaks for any major incident; others need to work it.
      const member = await memberOf(actor);
      if (!major.isDecider(member))
        await authorizer.record('incident', id, actor.credentials, update);
      const entry = await audited(
        req,
        'incident-stakeholder-update',
        { id },
        () => major.stakeholderUpdate(id, req.body.body, actor),
      );
      res.status(201).json(entry);
    },
  );

  router.get('/major-incidents', async (req, res) => {
    const actor = await actorOf(req);
    const entityRef = tools.refParam(
      'entityRef',
      req.query.entityRef as string | undefined,
    );
    res.json({
      items: await major.banners(
        entityRef,
        await readableIncidents(actor.credentials),
        actor,
      ),
    });
  });
}
