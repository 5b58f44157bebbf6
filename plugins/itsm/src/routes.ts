import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

// Legacy route refs also implement the new frontend system's RouteRef (they carry its
// `$$type`), and core-plugin-api's useRouteRef resolves through either app, so one set
// of refs serves both `src/plugin.ts` and `src/alpha`.

/** The ITSM page, `/itsm` by default: "My work", the views below it and the record pages. */
export const rootRouteRef = createRouteRef({ id: 'itsm' });

/** The page of one record of a kind below the ITSM page, by its id or number. */
function recordRouteRef<Path extends string>(kind: string, path: Path) {
  return createSubRouteRef({ id: `itsm/${kind}`, parent: rootRouteRef, path });
}

/** One incident, `/itsm/incidents/INC-000123`. */
export const incidentRouteRef = recordRouteRef('incident', '/incidents/:id');

/** One change, `/itsm/changes/CHG-000045`. */
export const changeRouteRef = recordRouteRef('change', '/changes/:id');

/** One service request, `/itsm/requests/REQ-000789`. */
export const requestRouteRef = recordRouteRef('request', '/requests/:id');

/** One problem, `/itsm/problems/PRB-000012`. */
export const problemRouteRef = recordRouteRef('problem', '/problems/:id');

/** The page of each kind's records, by kind. */
export const recordRouteRefs = {
  incident: incidentRouteRef,
  change: changeRouteRef,
  request: requestRouteRef,
  problem: problemRouteRef,
};

/** A view of the ITSM page below it; its filters are query parameters. */
function viewRouteRef(view: string) {
  return createSubRouteRef({
    id: `itsm/view/${view}`,
    parent: rootRouteRef,
    path: `/${view}`,
  });
}

/** The incidents view, `/itsm/incidents?assignee=user:default/alice&priority=P1`. */
export const incidentsRouteRef = viewRouteRef('incidents');

/** The changes view, `/itsm/changes?type=emergency`. */
export const changesRouteRef = viewRouteRef('changes');

/** The service requests view, `/itsm/requests?requester=user:default/alice`. */
export const requestsRouteRef = viewRouteRef('requests');

/** The problems view, `/itsm/problems?knownError=true`. */
export const problemsRouteRef = viewRouteRef('problems');

/** The approval queue of the signed-in user, `/itsm/approvals`. */
export const approvalsRouteRef = viewRouteRef('approvals');

/** The change calendar, `/itsm/calendar`. */
export const calendarRouteRef = viewRouteRef('calendar');

/** The SLA dashboard, `/itsm/sla?by=system&show=at-risk`. */
export const slaRouteRef = viewRouteRef('sla');

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

/** Every route of the plugin, by the names apps bind them (in both frontend systems). */
export const itsmRoutes = {
  root: rootRouteRef,
  incident: incidentRouteRef,
  change: changeRouteRef,
  request: requestRouteRef,
  problem: problemRouteRef,
  incidents: incidentsRouteRef,
  changes: changesRouteRef,
  requests: requestsRouteRef,
  problems: problemsRouteRef,
  approvals: approvalsRouteRef,
  calendar: calendarRouteRef,
  sla: slaRouteRef,
  serviceCatalog: serviceCatalogRouteRef,
  offering: offeringRouteRef,
};
