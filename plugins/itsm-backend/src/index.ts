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
} from './permissions/rules';
export type { ItsmRecordResource, ItsmRecordQuery } from './permissions/rules';
