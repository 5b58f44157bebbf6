import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

// Legacy route refs also implement the new frontend system's RouteRef (they carry its
// `$$type`), and core-plugin-api's useRouteRef resolves through either app, so one set
// of refs serves both `src/plugin.ts` and `src/alpha`.

/** The ITSM page, `/itsm` by default. */
export const rootRouteRef = createRouteRef({ id: 'itsm' });

/** One incident, `/itsm/incidents/INC-000123`. */
export const incidentRouteRef = createSubRouteRef({
  id: 'itsm/incident',
  parent: rootRouteRef,
  path: '/incidents/:id',
});

/** One change, `/itsm/changes/CHG-000045`. */
export const changeRouteRef = createSubRouteRef({
  id: 'itsm/change',
  parent: rootRouteRef,
  path: '/changes/:id',
});

/** One service request, `/itsm/requests/REQ-000789`. */
export const requestRouteRef = createSubRouteRef({
  id: 'itsm/request',
  parent: rootRouteRef,
  path: '/requests/:id',
});

/** The service catalog page: what can be ordered, `/service-catalog` by default. */
export const serviceCatalogRouteRef = createRouteRef({
  id: 'itsm/service-catalog',
});

/** The order form of one offering, `/service-catalog/default/new-postgres-database`. */
export const offeringRouteRef = createSubRouteRef({
  id: 'itsm/service-catalog/offering',
  parent: serviceCatalogRouteRef,
  path: '/:namespace/:name',
});
