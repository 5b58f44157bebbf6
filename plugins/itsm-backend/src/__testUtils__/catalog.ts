import { Entity } from '@backstage/catalog-model';

/** A small catalog: two teams, a system, components with dependencies. */
export const testEntities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-payments', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'platform', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'alice', namespace: 'default' },
    spec: { memberOf: ['team-payments'] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'bob', namespace: 'default' },
    spec: { memberOf: ['platform'] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments-api',
      namespace: 'default',
      annotations: { 'itsm.backstage.io/tier': 'tier-1' },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'team-payments',
      system: 'payments',
      dependsOn: ['resource:payments-db'],
    },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/team-payments' },
      { type: 'partOf', targetRef: 'system:default/payments' },
      { type: 'dependsOn', targetRef: 'resource:default/payments-db' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-storefront', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'carol', namespace: 'default' },
    spec: { memberOf: ['team-storefront'] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'dave', namespace: 'default' },
    spec: { memberOf: ['team-payments'] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'cart-service', namespace: 'default' },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'team-storefront',
    },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/team-storefront' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { owner: 'team-payments', domain: 'commerce' },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/team-payments' },
      { type: 'partOf', targetRef: 'domain:default/commerce' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout-web', namespace: 'default' },
    spec: { type: 'website', lifecycle: 'production', owner: 'group:platform' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'payments-db', namespace: 'default' },
    spec: { type: 'database', owner: 'platform', system: 'payments' },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/platform' },
      { type: 'partOf', targetRef: 'system:default/payments' },
      { type: 'dependencyOf', targetRef: 'component:default/payments-api' },
    ],
  },
];
