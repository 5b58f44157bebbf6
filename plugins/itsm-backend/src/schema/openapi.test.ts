import fs from 'fs';
import path from 'path';
import YAML from 'yaml';
import { spec } from './openapi.generated';

describe('openapi contract', () => {
  it('the generated router spec matches openapi.yaml (run `yarn generate`)', () => {
    const yaml = YAML.parse(
      fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'),
    );
    expect(spec).toEqual(yaml);
  });

  it('the API types in itsm-common are generated from openapi.yaml (run `yarn generate`)', () => {
    // itsm-common's api/contract.check.ts holds the shared types to these (tsc).
    const {
      renderTypes,
      typesFile,
    } = require('../../scripts/generate-openapi');
    expect(fs.readFileSync(typesFile, 'utf8')).toBe(renderTypes());
  });
});

describe('openapi inputs', () => {
  const schemas = spec.components.schemas as Record<string, any>;
  const parameters = spec.components.parameters as Record<string, any>;
  const named = (ref: string) => {
    const [, , kind, name] = ref.split('/');
    return kind === 'parameters' ? parameters[name] : schemas[name];
  };

  /** Every string and integer schema a request can carry, with where it is. */
  function inputs(): { at: string; schema: any }[] {
    const found: { at: string; schema: any }[] = [];
    const visit = (schema: any, at: string, seen: Set<any>) => {
      if (schema.$ref) {
        const target = named(schema.$ref);
        if (!seen.has(target)) visit(target, at, new Set([...seen, target]));
        return;
      }
      if (schema.type === 'string' || schema.type === 'integer')
        found.push({ at, schema });
      for (const choice of schema.oneOf ?? []) visit(choice, at, seen);
      if (schema.items) visit(schema.items, `${at}[]`, seen);
      for (const [key, value] of Object.entries(schema.properties ?? {}))
        visit(value, `${at}.${key}`, seen);
    };
    for (const [route, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries<any>(operations)) {
        for (const parameter of operation.parameters ?? []) {
          const p = parameter.$ref ? named(parameter.$ref) : parameter;
          visit(p.schema, `${method} ${route} ${p.in} ${p.name}`, new Set());
        }
        const body = operation.requestBody?.content?.['application/json'];
        if (body) visit(body.schema, `${method} ${route} body`, new Set());
      }
    }
    return found;
  }

  it('bound every string by a maxLength or an enum, and every integer to 32 bits', () => {
    const all = inputs();
    expect(all.length).toBeGreaterThan(100);
    const unbounded = all
      .filter(({ schema }) =>
        schema.type === 'string'
          ? schema.maxLength === undefined && !schema.enum
          : !schema.enum &&
            !(schema.minimum >= -(2 ** 31) && schema.maximum <= 2 ** 31 - 1),
      )
      .map(({ at }) => at);
    expect(unbounded).toEqual([]);
  });
});
