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
/** The offering's `spec.fulfillmentTarget` reader, now the product's one (itsm-common). */
export { parseIsoDuration } from '@backstage-itsm/plugin-itsm-common';
export type { IsoDurationParts } from '@backstage-itsm/plugin-itsm-common';
