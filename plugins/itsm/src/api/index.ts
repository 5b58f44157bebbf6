export { itsmApiRef } from './ItsmApi';
export type {
  ItsmApi,
  AddCommentRequest,
  TransitionIncidentRequest,
} from './ItsmApi';
export { ItsmClient } from './ItsmClient';
export { errorMessage } from './errors';
