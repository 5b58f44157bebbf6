import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { validate } from 'jsonschema';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createItsmActions } from './actions';

// The example template of the repository (examples/templates/standard-change), read
// as the scaffolder would run it: its step must be valid input for the action.
const template = parse(
  fs.readFileSync(
    path.resolve(
      __dirname,
      '../../../examples/templates/standard-change/template.yaml',
    ),
    'utf8',
  ),
);

/** The defaults of the template's form fields. */
const defaults: Record<string, unknown> = Object.fromEntries(
  template.spec.parameters.flatMap((page: any) =>
    Object.entries(page.properties)
      .filter(([, property]: [string, any]) => property.default !== undefined)
      .map(([name, property]: [string, any]) => [name, property.default]),
  ),
);

/** What a user fills in; the rest keeps the template's defaults. */
const formData: Record<string, unknown> = {
  ...defaults,
  entityRef: 'component:default/payments-api',
  title: 'Rotate the TLS certificate',
  plannedStart: '2026-12-08T20:00:00.000Z',
  plannedEnd: '2026-12-08T21:00:00.000Z',
};

/** `${{ parameters.x }}` as the scaffolder renders it (a whole-value expression). */
function render(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const match = value.match(/^\$\{\{\s*parameters\.(\w+)\s*\}\}$/);
  return match ? formData[match[1]] : value;
}

describe('the example template "Open a standard change"', () => {
  const change = createItsmActions({
    auth: mockServices.auth({ pluginId: 'scaffolder' }),
    discovery: mockServices.discovery(),
  })[1];
  const [step] = template.spec.steps;
  const input = Object.fromEntries(
    Object.entries(step.input).map(([name, value]) => [name, render(value)]),
  );

  it('raises a low-risk standard change with the parameters', () => {
    expect(template.spec.steps).toHaveLength(1);
    expect(step).toMatchObject({
      id: 'open-change',
      action: 'itsm:change:create',
    });
    expect(input).toMatchObject({
      type: 'standard',
      risk: 'low',
      entityRef: 'component:default/payments-api',
      plannedStart: '2026-12-08T20:00:00.000Z',
    });
    for (const plan of ['implementationPlan', 'backoutPlan', 'testPlan'])
      expect(input[plan]).toEqual(expect.stringMatching(/\w/));
    // as the scaffolder checks a step's input before it runs the action
    expect(validate(input, change.schema!.input!).errors).toEqual([]);
  });

  it('picks a component or resource and links to the change page', () => {
    const picker = template.spec.parameters[0].properties.entityRef;
    expect(picker['ui:field']).toBe('EntityPicker');
    expect(picker['ui:options'].catalogFilter).toEqual({
      kind: ['Component', 'Resource'],
    });
    expect(template.spec.owner).toBe('group:default/platform-team');
    expect(template.spec.output.links).toEqual([
      {
        title: 'Open change',
        url: "${{ steps['open-change'].output.path }}",
      },
    ]);
  });

  it('passes a dry run of the action', async () => {
    const ctx = {
      ...createMockActionContext<any>({ input }),
      isDryRun: true,
      getInitiatorCredentials: async () => mockCredentials.user(),
    };
    await change.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('path', '/itsm/changes/CHG-DRYRUN');
  });
});
