import { startTestBackend } from '@backstage/backend-test-utils';
import {
  CatalogProcessor,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import catalogModule from './index';
import { ServiceOfferingProcessor } from './processor/ServiceOfferingProcessor';

describe('catalogModuleItsmServiceOfferings', () => {
  it('adds the ServiceOffering processor to the catalog', async () => {
    const processors: CatalogProcessor[] = [];
    const extensionPoint = {
      addProcessor: (...added: Array<CatalogProcessor | CatalogProcessor[]>) =>
        processors.push(...added.flat()),
    };

    const backend = await startTestBackend({
      extensionPoints: [[catalogProcessingExtensionPoint, extensionPoint]],
      features: [catalogModule],
    });

    expect(processors).toHaveLength(1);
    expect(processors[0]).toBeInstanceOf(ServiceOfferingProcessor);
    await backend.stop();
  });
});
