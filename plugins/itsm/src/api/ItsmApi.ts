import { createApiRef } from '@backstage/core-plugin-api';
import {
  CommentVisibility,
  CreateIncidentRequest,
  HoldReason,
  Incident,
  IncidentListFilter,
  IncidentState,
  Page,
  ResolutionCode,
  TimelineEntry,
  UpdateIncidentRequest,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * A state change request; `version` is the one the user read, so that a move based on
 * stale data is refused (409) instead of silently overwriting someone else's change.
 *
 * @public
 */
export interface TransitionIncidentRequest {
  version: number;
  to: IncidentState;
  holdReason?: HoldReason;
  resolutionCode?: ResolutionCode;
  resolutionNotes?: string;
  comment?: string;
}

/** @public */
export interface AddCommentRequest {
  body: string;
  visibility: CommentVisibility;
}

/**
 * Client of the ITSM backend (`/api/itsm`). Ids are the uuid or the number (INC-000123).
 *
 * @public
 */
export interface ItsmApi {
  listIncidents(filter?: IncidentListFilter): Promise<Page<Incident>>;
  getIncident(idOrNumber: string): Promise<Incident>;
  createIncident(request: CreateIncidentRequest): Promise<Incident>;
  updateIncident(
    idOrNumber: string,
    request: UpdateIncidentRequest,
  ): Promise<Incident>;
  transitionIncident(
    idOrNumber: string,
    request: TransitionIncidentRequest,
  ): Promise<Incident>;
  addComment(
    idOrNumber: string,
    request: AddCommentRequest,
  ): Promise<TimelineEntry>;
  getTimeline(idOrNumber: string): Promise<TimelineEntry[]>;
}

/** @public */
export const itsmApiRef = createApiRef<ItsmApi>({
  id: 'plugin.itsm.service',
});
