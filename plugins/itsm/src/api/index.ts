export * from './ItsmApi';
export { ItsmClient, itsmClientFactory } from './ItsmClient';
export { errorMessage, isNotFound, serverMessage } from './errors';
