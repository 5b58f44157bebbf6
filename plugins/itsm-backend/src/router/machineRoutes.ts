import { HttpAuthService } from '@backstage/backend-plugin-api';
import { BasicPermission } from '@backstage/plugin-permission-common';
import {
  itsmAlertsReceivePermission,
  itsmGatesCheckPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { Request, Response, Router } from 'express';
import { AlertIntake } from '../alerts/AlertIntake';
import { AlertPayload, AlertSource } from '../alerts/mapping';
import { DeployGates } from '../gates/DeployGates';
import { Authorizer } from './authorization';
import { EdgeTools } from './kindRoutes';

/**
 * The routes for machine callers, with a Backstage external access token
 * (`backend.auth.externalAccess`): the monitoring webhooks (docs/alerts.md) and the
 * deploy gate for CI/CD. A user's token is a 403; no token is a 401 (the plugin's
 * default auth policy). The caller is named by its token's subject. Each route has its
 * permission (itsm.alerts.receive, itsm.gates.check), so a token restricted to one
 * (`accessRestrictions`) is a 403 on the other.
 */
export function registerMachineRoutes(
  validated: unknown,
  acts: { alerts: AlertIntake; gates: DeployGates },
  tools: Pick<EdgeTools, 'audited'> & {
    httpAuth: HttpAuthService;
    authorizer: Authorizer;
  },
) {
  const router = validated as Router;
  const { httpAuth, audited, authorizer } = tools;
  const callerOf = async (req: Request, permission: BasicPermission) => {
    const credentials = await httpAuth.credentials(req, { allow: ['service'] });
    await authorizer.basic(permission, credentials);
    return { ref: credentials.principal.subject };
  };

  const receive =
    (source: AlertSource) => async (req: Request, res: Response) => {
      const caller = await callerOf(req, itsmAlertsReceivePermission);
      const payload = req.body as AlertPayload;
      const results = await audited(
        req,
        'itsm-alerts-receive',
        { source, alerts: payload.alerts.length },
        () => acts.alerts.receive(source, payload, caller),
      );
      res.json({ results });
    };
  router.post('/alerts/alertmanager', receive('alertmanager'));
  router.post('/alerts/grafana', receive('grafana'));

  router.get('/gates', async (req: Request, res: Response) => {
    const caller = await callerOf(req, itsmGatesCheckPermission);
    const entityRef = String(req.query.entityRef);
    res.json(
      await audited(req, 'itsm-deploy-gate-check', { entityRef }, () =>
        acts.gates.check(entityRef, caller),
      ),
    );
  });
}
