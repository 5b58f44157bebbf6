import { Entity } from '@backstage/catalog-model';
import { parseEntityYaml } from '@backstage/plugin-catalog-node';
import fs from 'node:fs';
import path from 'node:path';
import {
  compileParametersSchema,
  parseCiRef,
  parseGroupRef,
  validateServiceOffering,
} from './validateServiceOffering';

function offering(
  spec: Record<string, unknown>,
  metadata: Entity['metadata'] = { name: 'new-postgres-database' },
): Entity {
  return {
    apiVersion: 'itsm.backstage.io/v1alpha1',
    kind: 'ServiceOffering',
    metadata,
    spec: spec as Entity['spec'],
  };
}

const validSpec = {
  type: 'database',
  owner: 'group:default/dba',
  providedBy: 'resource:default/postgres-cluster',
  approval: 'owner',
  fulfillmentTarget: 'P2D',
  parameters: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', pattern: '^[a-z][a-z0-9_]{2,30}$' },
      size: { type: 'string', enum: ['small', 'medium', 'large'] },
      backups: { type: 'boolean', default: true },
      retentionDays: { type: 'integer', minimum: 1, maximum: 35 },
      until: { type: 'string', format: 'date' },
      notes: { type: 'string', 'ui:widget': 'textarea' },
    },
  },
};

function messages(spec: Record<string, unknown>): string[] {
  return validateServiceOffering(offering(spec)).map(p => p.message);
}

describe('validateServiceOffering', () => {
  it('accepts a valid offering', () => {
    expect(validateServiceOffering(offering(validSpec))).toEqual([]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['short owner', { owner: 'dba' }],
    ['owner with kind', { owner: 'group:dba' }],
    ['approval none', { approval: 'none' }],
    [
      'approval by groups',
      { approval: ['team-identity', 'group:default/dba'] },
    ],
    ['weeks', { fulfillmentTarget: 'P1W' }],
    ['hours', { fulfillmentTarget: 'PT8H' }],
    ['date and time', { fulfillmentTarget: 'P1DT12H30M' }],
    ['availableFor', { availableFor: ['team-payments'], notAvailableFor: [] }],
    ['providedBy in the namespace', { providedBy: 'system:identity' }],
    [
      'rjsf enumNames',
      {
        parameters: {
          type: 'object',
          properties: { s: { type: 'string', enum: ['a'], enumNames: ['A'] } },
        },
      },
    ],
  ])('accepts %s', (_, change) => {
    expect(messages({ ...validSpec, ...change })).toEqual([]);
  });

  it('asks for every required field', () => {
    expect(messages({})).toEqual([
      'spec.type is required',
      'spec.owner is required',
      'spec.providedBy is required',
      'spec.approval is required',
      'spec.fulfillmentTarget is required',
      'spec.parameters is required',
    ]);
  });

  it('needs a spec object', () => {
    const entity = offering({});
    delete entity.spec;
    expect(validateServiceOffering(entity)).toEqual([
      { path: 'spec', message: 'spec must be an object' },
    ]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      'an empty type',
      { type: ' ' },
      ['spec.type must be a non-empty string such as "database", got " "'],
    ],
    [
      'a user as owner',
      { owner: 'user:default/alice' },
      [
        'spec.owner must be a group reference such as group:default/dba, got "user:default/alice"',
      ],
    ],
    [
      'an owner that is not a ref',
      { owner: 'group:a:b' },
      [
        'spec.owner must be a group reference such as group:default/dba, got "group:a:b"',
      ],
    ],
    [
      'an owner with an invalid name',
      { owner: 'DBA team' },
      [
        'spec.owner must be a group reference such as group:default/dba, got "DBA team"',
      ],
    ],
    [
      'providedBy without a kind',
      { providedBy: 'postgres-cluster' },
      [
        'spec.providedBy must be an entity reference with a kind such as resource:default/postgres-cluster, got "postgres-cluster"',
      ],
    ],
    [
      'providedBy not a string',
      { providedBy: { kind: 'resource', name: 'x' } },
      [
        'spec.providedBy must be an entity reference with a kind such as resource:default/postgres-cluster, got {"kind":"resource","name":"x"}',
      ],
    ],
    [
      'an unknown approval',
      { approval: 'manager' },
      [
        'spec.approval must be "none", "owner" or a list of group references, got "manager"',
      ],
    ],
    [
      'an empty approval list',
      { approval: [] },
      [
        'spec.approval must not be empty: say "none" or "owner", or list the groups that approve',
      ],
    ],
    [
      'a user in the approval list',
      { approval: ['team-identity', 'user:bob'] },
      [
        'spec.approval[1] must be a group reference such as group:default/dba, got "user:bob"',
      ],
    ],
    [
      'a fulfillmentTarget that is not a duration',
      { fulfillmentTarget: '2 days' },
      [
        'spec.fulfillmentTarget must be an ISO-8601 duration such as P2D or PT8H, got "2 days"',
      ],
    ],
    [
      'a fulfillmentTarget that is a number',
      { fulfillmentTarget: 2 },
      [
        'spec.fulfillmentTarget must be an ISO-8601 duration such as P2D or PT8H, got 2',
      ],
    ],
    [
      'a fulfillmentTarget with a dangling T',
      { fulfillmentTarget: 'P1DT' },
      [
        'spec.fulfillmentTarget must be an ISO-8601 duration such as P2D or PT8H, got "P1DT"',
      ],
    ],
    [
      'a zero fulfillmentTarget',
      { fulfillmentTarget: 'PT0S' },
      ['spec.fulfillmentTarget must be longer than zero, got "PT0S"'],
    ],
    [
      'parameters that are a list',
      { parameters: [] },
      [
        'spec.parameters must be a JSON Schema object such as { type: object, properties: {...} }',
      ],
    ],
    [
      'parameters that are not an object schema',
      { parameters: { type: 'string' } },
      ['spec.parameters.type must be "object", got "string"'],
    ],
    [
      'parameters without a type',
      { parameters: { properties: {} } },
      ['spec.parameters.type must be "object", got undefined'],
    ],
    [
      'parameters that break the meta-schema',
      {
        parameters: {
          type: 'object',
          properties: { size: { type: 'string', enum: 'small' } },
        },
      },
      [
        'spec.parameters: schema is invalid: data/properties/size/enum must be array',
      ],
    ],
    [
      'parameters with a misspelt keyword',
      {
        parameters: {
          type: 'object',
          properties: { name: { type: 'string', minLenght: 3 } },
        },
      },
      ['spec.parameters: strict mode: unknown keyword: "minLenght"'],
    ],
    [
      'parameters with an unknown format',
      {
        parameters: {
          type: 'object',
          properties: { until: { type: 'string', format: 'day' } },
        },
      },
      [
        'spec.parameters: unknown format "day" ignored in schema at path "#/properties/until"',
      ],
    ],
    [
      'parameters with a reference that does not resolve',
      {
        parameters: {
          type: 'object',
          properties: { team: { $ref: '#/definitions/team' } },
        },
      },
      ["spec.parameters: can't resolve reference #/definitions/team from id #"],
    ],
    [
      'an empty availableFor',
      { availableFor: [] },
      [
        'spec.availableFor must not be empty: leave it out to let everyone order',
      ],
    ],
    [
      'availableFor that is not a list',
      { availableFor: 'team-payments' },
      ['spec.availableFor must be a list of group references'],
    ],
    [
      'a component in notAvailableFor',
      { notAvailableFor: ['component:payments-api'] },
      [
        'spec.notAvailableFor[0] must be a group reference such as group:default/dba, got "component:payments-api"',
      ],
    ],
    [
      'an unknown field',
      { fulfilmentTarget: 'P2D' },
      ['spec.fulfilmentTarget is not a known field of a ServiceOffering'],
    ],
  ])('reports %s', (_, change, expected) => {
    expect(messages({ ...validSpec, ...change })).toEqual(expected);
  });

  it('reports every problem with its field path', () => {
    expect(
      validateServiceOffering(
        offering({
          ...validSpec,
          owner: 'user:alice',
          fulfillmentTarget: '48h',
          extra: true,
        }),
      ).map(p => p.path),
    ).toEqual(['spec.owner', 'spec.fulfillmentTarget', 'spec.extra']);
  });

  it('keeps schemas of different offerings apart', () => {
    const schema = { $id: 'https://example.com/form', type: 'object' };
    expect(compileParametersSchema(schema)).toBeUndefined();
    expect(compileParametersSchema(schema)).toBeUndefined();
  });

  it('accepts the example offerings', () => {
    const file = path.resolve(__dirname, '../../../../examples/offerings.yaml');
    const location = { type: 'file', target: file };
    const entities: Entity[] = [];
    for (const result of parseEntityYaml(fs.readFileSync(file), location)) {
      if (result.type !== 'entity') {
        throw new Error(`unexpected ${JSON.stringify(result)}`);
      }
      entities.push(result.entity);
    }
    expect(entities.map(e => e.metadata.name)).toEqual([
      'new-postgres-database',
      'system-access',
      'new-environment',
      'kafka-topic',
    ]);
    for (const entity of entities) {
      expect([entity.metadata.name, validateServiceOffering(entity)]).toEqual([
        entity.metadata.name,
        [],
      ]);
    }
  });
});

describe('refs', () => {
  it('resolves group refs in the entity namespace', () => {
    expect(parseGroupRef('dba', 'ops')).toEqual({
      kind: 'Group',
      namespace: 'ops',
      name: 'dba',
    });
    expect(parseGroupRef('group:default/dba', 'ops')).toEqual({
      kind: 'group',
      namespace: 'default',
      name: 'dba',
    });
    expect(parseGroupRef('user:alice')).toBeUndefined();
    expect(parseGroupRef(42)).toBeUndefined();
  });

  it('needs a kind for CI refs', () => {
    expect(parseCiRef('resource:kafka', 'ops')).toEqual({
      kind: 'resource',
      namespace: 'ops',
      name: 'kafka',
    });
    expect(parseCiRef('kafka')).toBeUndefined();
  });
});
