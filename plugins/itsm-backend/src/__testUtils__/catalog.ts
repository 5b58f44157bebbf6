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
  // Owned by a person, and by a group the catalog does not have: their work and
  // approvals go to the fallback group.
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'legacy-batch', namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'user:dave' },
    relations: [{ type: 'ownedBy', targetRef: 'user:default/dave' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orphan-service', namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'ghosts' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/ghosts' }],
  },
  // Catalog data longer than the columns a record keeps it in.
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'overlong-tier',
      namespace: 'default',
      annotations: { 'itsm.backstage.io/tier': `tier-${'x'.repeat(60)}` },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-payments' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-payments' }],
  },
  ...[
    {
      name: 'new-database',
      title: 'New database',
      spec: {
        type: 'database',
        owner: 'group:default/platform',
        providedBy: 'resource:default/payments-db',
        approval: 'owner',
        fulfillmentTarget: 'P2D',
        parameters: {
          type: 'object',
          required: ['name', 'size'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', pattern: '^[a-z][a-z0-9_]{2,30}$' },
            size: { enum: ['small', 'medium', 'large'] },
            backups: { type: 'boolean', default: true },
            retentionDays: { type: 'integer', minimum: 1, maximum: 35 },
          },
        },
      },
    },
    {
      name: 'repo-access',
      title: 'Payments repository access',
      spec: {
        type: 'access',
        owner: 'group:default/team-payments',
        providedBy: 'component:default/payments-api',
        approval: ['group:default/team-payments', 'group:default/platform'],
        fulfillmentTarget: 'PT8H',
        availableFor: ['group:default/team-payments', 'team-storefront'],
        parameters: {
          type: 'object',
          required: ['role'],
          properties: { role: { enum: ['read', 'write'] } },
        },
      },
    },
    {
      name: 'overlong-title',
      title: `Sandbox ${'x'.repeat(200)}`,
      spec: {
        type: 'environment',
        owner: 'group:default/platform',
        providedBy: 'resource:default/payments-db',
        approval: 'none',
        fulfillmentTarget: 'P1D',
        parameters: { type: 'object' },
      },
    },
    {
      name: 'sandbox',
      title: 'Sandbox environment',
      spec: {
        type: 'environment',
        owner: 'group:default/platform',
        providedBy: 'resource:default/payments-db',
        approval: 'none',
        fulfillmentTarget: 'P1D',
        notAvailableFor: ['group:default/team-storefront'],
        parameters: {
          type: 'object',
          properties: { ttlDays: { type: 'integer' } },
        },
      },
    },
  ].map(
    ({ name, title, spec }): Entity => ({
      apiVersion: 'itsm.backstage.io/v1alpha1',
      kind: 'ServiceOffering',
      metadata: { name, namespace: 'default', title },
      spec,
      relations: [{ type: 'ownedBy', targetRef: spec.owner }],
    }),
  ),
];
