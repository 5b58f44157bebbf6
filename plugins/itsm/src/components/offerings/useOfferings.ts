import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import {
  isServiceOfferingEntity,
  ServiceOfferingEntity,
} from '@backstage-itsm/plugin-itsm-common';
import { offeringTitle, providedByFilter } from './offering';

/**
 * Service offerings from the catalog, by title: all of them, or those a CI provides
 * (`providedBy`: its ref).
 */
export function useOfferings(options: { providedBy?: string } = {}) {
  const catalogApi = useApi(catalogApiRef);
  const { providedBy } = options;
  return useAsync(async (): Promise<ServiceOfferingEntity[]> => {
    const { items } = await catalogApi.getEntities({
      filter: providedBy
        ? providedByFilter(providedBy)
        : { kind: 'ServiceOffering' },
    });
    return items
      .filter(isServiceOfferingEntity)
      .sort((a, b) => offeringTitle(a).localeCompare(offeringTitle(b)));
  }, [catalogApi, providedBy]);
}

/** One offering by its ref; undefined when the catalog has no such offering. */
export function useOffering(ref: string | undefined) {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    if (!ref) return undefined;
    const entity = await catalogApi.getEntityByRef(ref);
    return entity && isServiceOfferingEntity(entity) ? entity : undefined;
  }, [catalogApi, ref]);
}
