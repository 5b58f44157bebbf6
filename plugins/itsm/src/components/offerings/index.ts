export { ServiceCatalogPage } from './ServiceCatalogPage';
export { OfferingCard } from './OfferingCard';
export { OrderLink, useOrderLink } from './OrderLink';
export { useOffering, useOfferings } from './useOfferings';
export { describeParameters, splitUiSchema, fieldErrorsOf } from './schema';
export { formatDuration, offeringTitle, unavailableReason } from './offering';
export {
  EntityServiceOfferingCard,
  EntityServiceOfferingRequestsContent,
  EntityServiceOfferingsContent,
} from './EntityOfferings';
