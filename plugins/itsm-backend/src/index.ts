/**
 * The ITSM backend plugin.
 *
 * @packageDocumentation
 */
export { itsmPlugin as default } from './plugin';
export {
  itsmRecordResourceRef,
  itsmRecordPermissionRules,
  itsmRecordConditions,
  createItsmRecordConditionalDecision,
} from '@backstage-itsm/plugin-itsm-node';
export type { ItsmRecordResource, ItsmRecordQuery } from '@backstage-itsm/plugin-itsm-node';
