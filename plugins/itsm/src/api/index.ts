export { itsmApiRef } from './ItsmApi';
export type {
  ItsmApi,
  AddCommentRequest,
  ChangeConflictsResponse,
  LinkedIncident,
  SlaComplianceQuery,
  SlaScope,
  SlaTimerFilter,
  TransitionChangeRequest,
  TransitionIncidentRequest,
  TransitionServiceRequest,
} from './ItsmApi';
export { ItsmClient } from './ItsmClient';
export { errorMessage, isNotFound, serverMessage } from './errors';
