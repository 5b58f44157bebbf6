/**
 * Catalog module of the ITSM plugins: the `ServiceOffering` entity kind (validation and
 * relations to its owner group and the CI that provides it).
 *
 * @packageDocumentation
 */
export { catalogModuleItsmServiceOfferings as default } from './module';
export { ServiceOfferingProcessor } from './processor/ServiceOfferingProcessor';
export {
  compileParametersSchema,
  parseCiRef,
  parseGroupRef,
  validateServiceOffering,
} from './offerings/validateServiceOffering';
export type { ServiceOfferingProblem } from './offerings/validateServiceOffering';
export { parseIsoDuration } from './offerings/isoDuration';
export type { IsoDurationParts } from './offerings/isoDuration';
