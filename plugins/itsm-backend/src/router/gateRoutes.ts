import { HttpAuthService } from '@backstage/backend-plugin-api';
import { Request, Response, Router } from 'express';
import { DeployGates } from '../gates/DeployGates';
import { EdgeTools } from './kindRoutes';

/**
 * The deploy gate (`GET /gates?entityRef=…`) for CI/CD, with a Backstage external
 * access token (`backend.auth.externalAccess`); a user's token is a 403.
 */
export function registerGateRoutes(
  validated: unknown,
  gates: DeployGates,
  tools: Pick<EdgeTools, 'audited'> & { httpAuth: HttpAuthService },
) {
  const router = validated as Router;
  const { httpAuth, audited } = tools;
  router.get('/gates', async (req: Request, res: Response) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['service'],
    });
    const entityRef = String(req.query.entityRef);
    const decision = await audited(
      req,
      'itsm-deploy-gate-check',
      { entityRef },
      () => gates.check(entityRef, { ref: credentials.principal.subject }),
    );
    res.json(decision);
  });
}
