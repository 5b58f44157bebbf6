import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { ServiceOfferingProcessor } from './ServiceOfferingProcessor';

const location = { type: 'file', target: '/examples/offerings.yaml' };

function offering(spec: Record<string, unknown> = {}): Entity {
  return {
    apiVersion: 'itsm.backstage.io/v1alpha1',
    kind: 'ServiceOffering',
    metadata: { name: 'new-postgres-database', namespace: 'default' },
    spec: {
      type: 'database',
      owner: 'dba',
      providedBy: 'resource:postgres-cluster',
      approval: 'owner',
      fulfillmentTarget: 'P2D',
      parameters: {
        type: 'object',
        properties: { name: { type: 'string' } },
      },
      ...spec,
    },
  };
}

describe('ServiceOfferingProcessor', () => {
  const processor = new ServiceOfferingProcessor();

  it('has a name', () => {
    expect(processor.getProcessorName()).toBe('ServiceOfferingProcessor');
  });

  describe('validateEntityKind', () => {
    it('accepts a valid offering', async () => {
      await expect(processor.validateEntityKind(offering())).resolves.toBe(
        true,
      );
    });

    it('leaves other kinds and versions to other processors', async () => {
      await expect(
        processor.validateEntityKind({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'payments-api' },
          spec: {},
        }),
      ).resolves.toBe(false);
      await expect(
        processor.validateEntityKind({
          ...offering(),
          apiVersion: 'itsm.backstage.io/v1',
        }),
      ).resolves.toBe(false);
    });

    it('throws an InputError naming the entity and every problem', async () => {
      const entity = offering({
        fulfillmentTarget: 'two days',
        parameters: {
          type: 'object',
          properties: { size: { type: 'string', enum: 'small' } },
        },
      });
      const result = processor.validateEntityKind(entity);
      await expect(result).rejects.toThrow(InputError);
      await expect(result).rejects.toThrow(
        'ServiceOffering default/new-postgres-database is invalid: ' +
          'spec.fulfillmentTarget must be an ISO-8601 duration such as P2D or PT8H, got "two days"; ' +
          'spec.parameters: schema is invalid: data/properties/size/enum must be array',
      );
    });

    it('names the default namespace when the entity has none', async () => {
      const entity = offering({ owner: 'user:alice' });
      delete entity.metadata.namespace;
      await expect(processor.validateEntityKind(entity)).rejects.toThrow(
        'ServiceOffering default/new-postgres-database is invalid: spec.owner must be a group reference',
      );
    });
  });

  describe('postProcessEntity', () => {
    async function relations(entity: Entity) {
      const emitted: CatalogProcessorResult[] = [];
      const result = await processor.postProcessEntity(entity, location, r =>
        emitted.push(r),
      );
      expect(result).toBe(entity);
      return emitted;
    }

    it('relates the offering to its owner and its CI, both ways', async () => {
      const self = {
        kind: 'ServiceOffering',
        namespace: 'default',
        name: 'new-postgres-database',
      };
      const dba = { kind: 'Group', namespace: 'default', name: 'dba' };
      const cluster = {
        kind: 'resource',
        namespace: 'default',
        name: 'postgres-cluster',
      };
      expect(await relations(offering())).toEqual([
        {
          type: 'relation',
          relation: { source: self, type: 'ownedBy', target: dba },
        },
        {
          type: 'relation',
          relation: { source: dba, type: 'ownerOf', target: self },
        },
        {
          type: 'relation',
          relation: { source: self, type: 'providedBy', target: cluster },
        },
        {
          type: 'relation',
          relation: { source: cluster, type: 'providesOffering', target: self },
        },
      ]);
    });

    it('resolves short refs in the offering namespace', async () => {
      const entity = offering({
        owner: 'group:dba',
        providedBy: 'system:identity',
      });
      entity.metadata.namespace = 'ops';
      const emitted = await relations(entity);
      expect(
        emitted.map(r => r.type === 'relation' && r.relation.target),
      ).toEqual([
        { kind: 'group', namespace: 'ops', name: 'dba' },
        {
          kind: 'ServiceOffering',
          namespace: 'ops',
          name: 'new-postgres-database',
        },
        { kind: 'system', namespace: 'ops', name: 'identity' },
        {
          kind: 'ServiceOffering',
          namespace: 'ops',
          name: 'new-postgres-database',
        },
      ]);
    });

    it('emits nothing for other kinds', async () => {
      expect(
        await relations({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'payments-api' },
          spec: { owner: 'team-payments' },
        }),
      ).toEqual([]);
    });
  });
});
