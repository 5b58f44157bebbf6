import { validate } from 'jsonschema';
import { startItsmTestBackend } from './__testUtils__/startItsmTestBackend';

jest.setTimeout(60_000);

describe('the ITSM scaffolder module', () => {
  it('registers the three create actions, each supporting dry runs', async () => {
    const { actions, backend } = await startItsmTestBackend();
    try {
      expect(actions.map(a => [a.id, a.supportsDryRun])).toEqual([
        ['itsm:incident:create', true],
        ['itsm:change:create', true],
        ['itsm:request:create', true],
      ]);
      for (const action of actions) {
        expect(action.description).toBeTruthy();
        expect(action.examples?.[0].example).toContain(`action: ${action.id}`);
        expect(action.schema?.output).toMatchObject({
          type: 'object',
          required: ['number', 'id', 'path', 'url'],
        });
      }
    } finally {
      await backend.stop();
    }
  });

  it('describes the inputs of each kind as JSON Schema, with the API fields', async () => {
    const { action, backend } = await startItsmTestBackend();
    try {
      const incident = action('itsm:incident:create').schema?.input as any;
      expect(incident.required).toEqual([
        'title',
        'entityRef',
        'impact',
        'urgency',
      ]);
      expect(incident.additionalProperties).toBe(false);
      expect(Object.keys(incident.properties)).toEqual([
        'title',
        'description',
        'entityRef',
        'affectedEntityRefs',
        'assignee',
        'assignmentGroup',
        'impact',
        'urgency',
        'problem',
      ]);
      expect(incident.properties.impact).toMatchObject({
        type: 'number',
        enum: [1, 2, 3],
      });
      expect(incident.properties.impact.description).toMatch(/1 = high/);
      expect(incident.properties.entityRef).toMatchObject({
        type: 'string',
        pattern: expect.any(String),
      });
      expect(incident.properties.entityRef.description).toMatch(
        /component:default\/payments-api/,
      );

      const change = action('itsm:change:create').schema?.input as any;
      expect(change.required).toEqual(['title', 'entityRef', 'type', 'risk']);
      expect(change.properties.type).toMatchObject({
        type: 'string',
        enum: ['standard', 'normal', 'emergency'],
      });
      expect(change.properties.risk.enum).toEqual(['low', 'moderate', 'high']);
      expect(change.properties.plannedStart).toMatchObject({
        type: 'string',
        format: 'date-time',
      });
      for (const plan of ['implementationPlan', 'backoutPlan', 'testPlan'])
        expect(change.properties[plan].type).toBe('string');

      const request = action('itsm:request:create').schema?.input as any;
      expect(request.required).toEqual(['offeringRef', 'parameters']);
      expect(request.properties.parameters.type).toBe('object');
      expect(request.properties.offeringRef.description).toMatch(
        /serviceoffering:default\//,
      );
    } finally {
      await backend.stop();
    }
  });

  it('lets the scaffolder refuse bad input by the schemas, naming the field', async () => {
    const { action, backend } = await startItsmTestBackend();
    try {
      const incident = action('itsm:incident:create').schema!.input!;
      const good = {
        title: 'Checkout returns 502',
        entityRef: 'component:default/payments-api',
        impact: 1,
        urgency: 3,
      };
      const errors = (input: object) =>
        validate(input, incident).errors.map(e => `${e.property} ${e.message}`);

      expect(errors(good)).toEqual([]);
      expect(errors({ ...good, impact: 4 })).toEqual([
        'instance.impact is not one of enum values: 1,2,3',
      ]);
      expect(errors({ ...good, entityRef: 'payments-api' })).toEqual([
        expect.stringMatching(/^instance.entityRef does not match pattern/),
      ]);
      expect(errors({ ...good, severity: 'high' })).toEqual([
        'instance is not allowed to have the additional property "severity"',
      ]);

      const change = action('itsm:change:create').schema!.input!;
      expect(
        validate(
          {
            title: 'Scale out',
            entityRef: 'component:default/cart-service',
            type: 'standard',
            risk: 'low',
            plannedStart: '2026-12-08T20:00:00.000Z',
            plannedEnd: 'tomorrow evening',
          },
          change,
        ).errors.map(e => `${e.property} ${e.message}`),
      ).toEqual([
        'instance.plannedEnd does not conform to the "date-time" format',
      ]);
    } finally {
      await backend.stop();
    }
  });
});
