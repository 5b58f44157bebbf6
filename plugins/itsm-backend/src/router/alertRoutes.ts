import { HttpAuthService } from '@backstage/backend-plugin-api';
import { Request, Response, Router } from 'express';
import { AlertIntake } from '../alerts/AlertIntake';
import { AlertPayload, AlertSource } from '../alerts/mapping';
import { EdgeTools } from './kindRoutes';

/**
 * The monitoring webhooks (docs/alerts.md): for machine callers only, with a Backstage
 * external access token (`backend.auth.externalAccess`). A user's token is a 403; no
 * token is a 401 (the plugin's default auth policy).
 */
export function registerAlertRoutes(
  validated: unknown,
  intake: AlertIntake,
  tools: Pick<EdgeTools, 'audited'> & { httpAuth: HttpAuthService },
) {
  const router = validated as Router;
  const { httpAuth, audited } = tools;
  const receive =
    (source: AlertSource) => async (req: Request, res: Response) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['service'],
      });
      const payload = req.body as AlertPayload;
      const results = await audited(
        req,
        'itsm-alerts-receive',
        { source, alerts: payload.alerts.length },
        () =>
          intake.receive(source, payload, {
            ref: credentials.principal.subject,
          }),
      );
      res.json({ results });
    };
  router.post('/alerts/alertmanager', receive('alertmanager'));
  router.post('/alerts/grafana', receive('grafana'));
}
