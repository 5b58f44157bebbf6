import {
  Incident,
  UpdateIncidentRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { ItsmApi } from '../../api';

/**
 * Updates `incident` with `patch`, at the version that was read: the server refuses it
 * (409) when someone changed the incident since.
 */
export function patchIncident(
  api: ItsmApi,
  incident: Pick<Incident, 'id' | 'version'>,
  patch: Omit<UpdateIncidentRequest, 'version'>,
): Promise<Incident> {
  return api.updateIncident(incident.id, {
    version: incident.version,
    ...patch,
  });
}
