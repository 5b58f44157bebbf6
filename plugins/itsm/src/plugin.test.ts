import { Entity } from '@backstage/catalog-model';
import defaultPlugin, {
  EntityItsmContent,
  EntityOpenIncidentsCard,
  EntitySlaCard,
  EntityKnownErrorsCard,
  isItsmAvailable,
  ItsmPage,
  itsmPlugin,
  ApprovalsCard,
  ChangeCalendarContent,
  ServiceCatalogPage,
  EntityServiceOfferingCard,
  EntityServiceOfferingRequestsContent,
  isServiceOffering,
  itsmSearchTypes,
} from './index';
import alphaPlugin from './alpha';

const entityOfKind = (kind: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x' },
});

describe('itsm plugin', () => {
  it('exports the legacy plugin and its extensions', () => {
    expect(itsmPlugin.getId()).toBe('itsm');
    expect(ItsmPage).toBeDefined();
    expect(EntityItsmContent).toBeDefined();
    expect(EntityOpenIncidentsCard).toBeDefined();
    expect(EntitySlaCard).toBeDefined();
    expect(EntityKnownErrorsCard).toBeDefined();
    expect(ApprovalsCard).toBeDefined();
    expect(ChangeCalendarContent).toBeDefined();
    expect(ServiceCatalogPage).toBeDefined();
    expect(EntityServiceOfferingCard).toBeDefined();
    expect(EntityServiceOfferingRequestsContent).toBeDefined();
    expect(itsmSearchTypes).toHaveLength(4);
  });

  it('recognises ServiceOffering entities', () => {
    expect(isServiceOffering(entityOfKind('ServiceOffering'))).toBe(true);
    expect(isServiceOffering(entityOfKind('Component'))).toBe(false);
    expect(isItsmAvailable(entityOfKind('ServiceOffering'))).toBe(false);
  });

  it('applies to CIs only', () => {
    expect(isItsmAvailable(entityOfKind('Component'))).toBe(true);
    expect(isItsmAvailable(entityOfKind('system'))).toBe(true);
    expect(isItsmAvailable(entityOfKind('Resource'))).toBe(true);
    expect(isItsmAvailable(entityOfKind('API'))).toBe(true);
    expect(isItsmAvailable(entityOfKind('User'))).toBe(false);
    expect(isItsmAvailable(entityOfKind('Group'))).toBe(false);
  });

  it('is the new frontend system plugin by default and in /alpha', () => {
    expect(defaultPlugin).toBe(alphaPlugin);
    expect(alphaPlugin.id).toBe('itsm');
    for (const id of [
      'api:itsm',
      'page:itsm',
      'page:itsm/service-catalog',
      'entity-content:itsm',
      'entity-card:itsm/open-incidents',
      'entity-card:itsm/sla',
      'entity-card:itsm/known-errors',
      'entity-card:itsm/service-offering',
      'entity-content:itsm/service-offering-requests',
      'home-page-widget:itsm/pending-approvals',
      'search-result-list-item:itsm',
      'search-filter-result-type:itsm/incident',
      'search-filter-result-type:itsm/change',
      'search-filter-result-type:itsm/request',
      'search-filter-result-type:itsm/problem',
    ]) {
      expect(alphaPlugin.getExtension(id as any)).toBeDefined();
    }
  });
});
