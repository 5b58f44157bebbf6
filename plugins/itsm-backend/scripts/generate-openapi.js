#!/usr/bin/env node
/*
 * The API contract, src/schema/openapi.yaml, is the one source of the API's shapes.
 * This script writes what is derived from it:
 *
 * - src/schema/openapi.generated.ts: a `const` copy from which the router's request
 *   and response types are inferred (backend-openapi-utils).
 * - plugins/itsm-common/src/api/schemas.generated.ts: a TypeScript type per schema of
 *   `components.schemas`, which itsm-common's contract test holds the shared types
 *   (Incident, CreateIncidentRequest, …) to, both ways.
 *
 * Run `yarn generate` after editing the YAML; tests fail when either file drifts.
 * (Backstage's repo-tools OpenAPI generator needs a Java toolchain this project does not
 * assume; the schemas here use a small part of JSON Schema, which this covers.)
 */
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const prettier = require('prettier');

const dir = path.resolve(__dirname, '../src/schema');
const typesFile = path.resolve(
  __dirname,
  '../../itsm-common/src/api/schemas.generated.ts',
);

function readSpec() {
  return YAML.parse(fs.readFileSync(path.join(dir, 'openapi.yaml'), 'utf8'));
}

function render(spec = readSpec()) {
  return [
    '// Generated from openapi.yaml by scripts/generate-openapi.js; do not edit.',
    '/* eslint-disable */',
    `export const spec = ${JSON.stringify(spec, null, 2)} as const;`,
    '',
  ].join('\n');
}

const literal = value => JSON.stringify(value).replace(/"/g, "'");

/** The TypeScript type of a JSON schema, named schemas by name. */
function typeOf(schema, indent) {
  if (schema.$ref) return schema.$ref.split('/').pop();
  if (schema.enum) return schema.enum.map(literal).join(' | ');
  if (schema.oneOf)
    return schema.oneOf.map(choice => typeOf(choice, indent)).join(' | ');
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types
    .map(type => {
      switch (type) {
        case 'string':
          return 'string';
        case 'integer':
        case 'number':
          return 'number';
        case 'boolean':
          return 'boolean';
        case 'null':
          return 'null';
        case 'array': {
          const item = typeOf(schema.items ?? {}, indent);
          return /[ |]/.test(item) ? `Array<${item}>` : `${item}[]`;
        }
        case 'object':
          return objectType(schema, indent);
        default:
          return 'unknown';
      }
    })
    .join(' | ');
}

function objectType(schema, indent) {
  const inner = `${indent}  `;
  const required = new Set(schema.required ?? []);
  const lines = Object.entries(schema.properties ?? {}).map(
    ([name, property]) => {
      const doc = property.description
        ? `${inner}/** ${property.description} */\n`
        : '';
      const optional = required.has(name) ? '' : '?';
      return `${doc}${inner}${name}${optional}: ${typeOf(property, inner)};`;
    },
  );
  if (schema.additionalProperties && schema.additionalProperties !== false)
    lines.push(`${inner}[key: string]: unknown;`);
  return lines.length ? `{\n${lines.join('\n')}\n${indent}}` : '{}';
}

function renderTypes(spec = readSpec()) {
  const types = Object.entries(spec.components.schemas).map(
    ([name, schema]) => {
      const doc = schema.description ? `/** ${schema.description} */\n` : '';
      return `${doc}export type ${name} = ${typeOf(schema, '')};`;
    },
  );
  const text = [
    '// Generated from plugins/itsm-backend/src/schema/openapi.yaml by',
    '// plugins/itsm-backend/scripts/generate-openapi.js; do not edit.',
    '/* eslint-disable */',
    '',
    ...types.flatMap(type => [type, '']),
  ].join('\n');
  // Formatted as the repository formats TypeScript, so it reads like the rest.
  return prettier.format(text, {
    ...prettier.resolveConfig.sync(typesFile),
    parser: 'typescript',
  });
}

if (require.main === module) {
  const spec = readSpec();
  fs.writeFileSync(path.join(dir, 'openapi.generated.ts'), render(spec));
  fs.mkdirSync(path.dirname(typesFile), { recursive: true });
  fs.writeFileSync(typesFile, renderTypes(spec));
} else {
  module.exports = { render, renderTypes, typesFile };
}
