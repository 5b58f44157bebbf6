import { accessOffering, makeOffering } from '../../__testUtils__/fixtures';
import { describeParameters, fieldErrorsOf, splitUiSchema } from './schema';
import { formatDuration, specRef, unavailableReason } from './offering';

describe('offering forms', () => {
  it('moves ui hints out of the schema into the uiSchema', () => {
    const { schema, uiSchema } = splitUiSchema({
      type: 'object',
      'ui:order': ['b', 'a'],
      properties: {
        a: { type: 'string', 'ui:widget': 'textarea', title: 'A' },
        b: {
          type: 'array',
          uniqueItems: true,
          items: { type: 'string', enum: ['x', 'y'] },
        },
        c: {
          type: 'array',
          items: {
            type: 'object',
            properties: { d: { type: 'string', 'ui:autofocus': true } },
          },
        },
      },
    });
    expect(schema).toEqual({
      type: 'object',
      properties: {
        a: { type: 'string', title: 'A' },
        b: {
          type: 'array',
          uniqueItems: true,
          items: { type: 'string', enum: ['x', 'y'] },
        },
        c: {
          type: 'array',
          items: { type: 'object', properties: { d: { type: 'string' } } },
        },
      },
    });
    expect(uiSchema).toEqual({
      'ui:order': ['b', 'a'],
      a: { 'ui:widget': 'textarea' },
      b: { 'ui:widget': 'checkboxes' },
      c: { items: { d: { 'ui:autofocus': true } } },
    });
  });

  it('describes parameters by the schema titles, in its order, then the rest by key', () => {
    expect(
      describeParameters(
        {
          justification: 'Incident INC-000042',
          extraThing: ['a', 'b'],
          system: 'payments',
          emergency: false,
          empty: '',
        },
        accessOffering.spec.parameters,
      ),
    ).toEqual([
      { key: 'system', label: 'System', value: 'payments' },
      {
        key: 'justification',
        label: 'Why do you need it?',
        value: 'Incident INC-000042',
      },
      { key: 'extraThing', label: 'Extra thing', value: 'a, b' },
      { key: 'emergency', label: 'Emergency', value: 'No' },
      { key: 'empty', label: 'Empty', value: '—' },
    ]);
    expect(describeParameters({ retention_days: 7 })).toEqual([
      { key: 'retention_days', label: 'Retention days', value: '7' },
    ]);
  });

  it("puts the server's messages on the fields they name", () => {
    expect(
      fieldErrorsOf(
        'parameters.size must be one of: small, medium, large; parameters.name is required; ' +
          'parameters.services[1] must be equal to one of the allowed values; parameters must be object',
      ),
    ).toEqual({
      size: ['must be one of: small, medium, large'],
      name: ['is required'],
      services: ['must be equal to one of the allowed values'],
    });
    expect(fieldErrorsOf('offeringRef: x is not a service offering')).toEqual(
      {},
    );
  });
});

describe('offerings', () => {
  it('formats ISO-8601 durations for people', () => {
    expect(formatDuration('P2D')).toBe('2 days');
    expect(formatDuration('PT8H')).toBe('8 hours');
    expect(formatDuration('P1DT12H')).toBe('1 day 12 hours');
    expect(formatDuration('P1W')).toBe('1 week');
    expect(formatDuration('PT30M')).toBe('30 minutes');
    expect(formatDuration('soon')).toBe('soon');
    expect(formatDuration('P')).toBe('P');
  });

  it('resolves refs written in the spec and says who may not order', () => {
    const offering = makeOffering('kafka-topic', {
      spec: {
        owner: 'platform-team',
        availableFor: ['team-payments', 'group:default/platform-team'],
        notAvailableFor: ['contractors'],
      },
    });
    expect(specRef(offering, offering.spec.owner, 'group')).toBe(
      'group:default/platform-team',
    );
    expect(specRef(offering, 'resource:kafka', 'component')).toBe(
      'resource:default/kafka',
    );
    expect(
      unavailableReason(offering, [
        'user:default/alice',
        'group:default/team-payments',
      ]),
    ).toBeUndefined();
    expect(unavailableReason(offering, ['user:default/bob'])).toBe(
      'Only members of group:default/team-payments, group:default/platform-team may order it.',
    );
    expect(
      unavailableReason(offering, [
        'group:default/team-payments',
        'group:default/contractors',
      ]),
    ).toBe('Members of group:default/contractors may not order it.');
    expect(unavailableReason(accessOffering, [])).toBeUndefined();
  });
});
