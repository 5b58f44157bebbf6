import {
  ITSM_KIND_PERMISSIONS,
  RecordKind,
} from '@backstage-itsm/plugin-itsm-common';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Request, Response, Router } from 'express';
import { ProblemService } from '../problems/ProblemService';
import { EdgeTools } from './kindRoutes';

/** The edge's tools the problem routes use (see createRouter). */
export type ProblemRouteTools = Pick<
  EdgeTools,
  'authorizer' | 'actorOf' | 'actOn' | 'audited'
> & {
  refParam(name: string, value: string | undefined): string | undefined;
  requireReadable(
    kind: RecordKind,
    field: string,
    ref: string | null | undefined,
    credentials: BackstageCredentials,
  ): Promise<void>;
};

/**
 * What problem management adds to the routes every kind has: the incidents a problem
 * explains (linked and unlinked from its page), the changes raised to fix it, the known
 * errors of a CI and the problem candidates. Reads show only what the caller may read.
 */
export function registerProblemRoutes(
  validated: unknown,
  problems: ProblemService,
  tools: ProblemRouteTools,
) {
  const router = validated as Router;
  const { authorizer, actorOf, actOn, audited } = tools;
  const readFilterOf = (kind: RecordKind, credentials: BackstageCredentials) =>
    authorizer.readFilter(ITSM_KIND_PERMISSIONS[kind].read, credentials);

  router.get(
    '/problems/:id/incidents',
    async (req: Request<{ id: string }>, res) => {
      const { actor, id } = await actOn('problem', req);
      const readable = await readFilterOf('incident', actor.credentials);
      res.json({ items: await problems.incidentsOf(id, readable) });
    },
  );

  /** Links or unlinks an incident from the problem's page: working the problem, reading the incident. */
  const setLink =
    (link: boolean) =>
    async (req: Request<{ id: string; incident?: string }>, res: Response) => {
      const { actor, id } = await actOn(
        'problem',
        req,
        ITSM_KIND_PERMISSIONS.problem.update,
      );
      const incident: string = link ? req.body.incident : req.params.incident;
      await tools.requireReadable(
        'incident',
        'incident',
        incident,
        actor.credentials,
      );
      const problem = await audited(
        req,
        link ? 'problem-link' : 'problem-unlink',
        { id, incident },
        () =>
          link
            ? problems.linkIncident(id, incident, actor)
            : problems.unlinkIncident(id, incident, actor),
      );
      res.json(problem);
    };
  router.post('/problems/:id/incidents', setLink(true));
  router.delete('/problems/:id/incidents/:incident', setLink(false));

  router.get(
    '/problems/:id/changes',
    async (req: Request<{ id: string }>, res) => {
      const { actor, id } = await actOn('problem', req);
      const readable = await readFilterOf('change', actor.credentials);
      res.json({ items: await problems.changesOf(id, readable) });
    },
  );

  router.get('/known-errors', async (req, res) => {
    const actor = await actorOf(req);
    const entityRef = tools.refParam(
      'entityRef',
      req.query.entityRef as string,
    )!;
    const readable = await readFilterOf('problem', actor.credentials);
    res.json({
      items: await problems.knownErrors(
        entityRef,
        (req.query as { dependencies?: boolean }).dependencies !== false,
        actor,
        readable,
      ),
    });
  });

  router.get('/problem-kpis', async (req, res) => {
    const actor = await actorOf(req);
    res.json(
      await problems.kpis({
        readableProblems: await readFilterOf('problem', actor.credentials),
        readableIncidents: await readFilterOf('incident', actor.credentials),
        entityRef: tools.refParam(
          'entityRef',
          req.query.entityRef as string | undefined,
        ),
      }),
    );
  });

  router.get('/problem-candidates', async (req, res) => {
    const actor = await actorOf(req);
    // Counted over the incidents the caller may read.
    const readable = await readFilterOf('incident', actor.credentials);
    const { minIncidents, days } = problems.policy.candidates;
    res.json({
      items: await problems.candidates(
        readable,
        tools.refParam('entityRef', req.query.entityRef as string | undefined),
      ),
      minIncidents,
      days,
    });
  });
}
