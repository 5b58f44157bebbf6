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
});
