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
});
