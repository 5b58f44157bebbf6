import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { ServiceOfferingProcessor } from './processor/ServiceOfferingProcessor';

/**
 * Adds the `ServiceOffering` kind to the catalog: validation and relations.
 *
 * @public
 */
export const catalogModuleItsmServiceOfferings = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'itsm-service-offerings',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new ServiceOfferingProcessor());
      },
    });
  },
});
