#!/usr/bin/env node
/*
 * Turns src/schema/openapi.yaml (the contract) into src/schema/openapi.generated.ts, a
 * `const` copy from which the router's request and response types are inferred.
 * Run `yarn generate` after editing the YAML; a test fails when the two drift apart.
 */
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');

const dir = path.resolve(__dirname, '../src/schema');

function render() {
  const spec = YAML.parse(
    fs.readFileSync(path.join(dir, 'openapi.yaml'), 'utf8'),
  );
  return [
    '// Generated from openapi.yaml by scripts/generate-openapi.js; do not edit.',
    '/* eslint-disable */',
    `export const spec = ${JSON.stringify(spec, null, 2)} as const;`,
    '',
  ].join('\n');
}

if (require.main === module) {
  fs.writeFileSync(path.join(dir, 'openapi.generated.ts'), render());
} else {
  module.exports = { render };
}
