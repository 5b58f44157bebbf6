import { incidentDescriptor } from '../incidents';
import { problemDescriptor } from '../problems';
import { requestDescriptor } from '../requests';
import {
  applyPreset,
  FilteredKind,
  listFilterLink,
  listFilterParams,
  listFilterQuery,
  matchingPreset,
  readListFilters,
} from './listFilters';

const me = {
  userEntityRef: 'user:default/alice',
  groups: ['group:default/sre', 'group:default/dba'],
};

const read = (query: string, kind: FilteredKind = incidentDescriptor) =>
  readListFilters(new URLSearchParams(query), kind);

describe('list filters', () => {
  it('reads a view’s URL, leaving out what the kind does not know', () => {
    expect(read('')).toEqual({
      state: 'open',
      codes: [],
      flag: false,
      assignee: undefined,
      assignmentGroup: [],
      requester: undefined,
      entityRef: undefined,
      q: undefined,
    });
    expect(
      read(
        'state=new&state=bogus&priority=P1&priority=P9&assignee=user:default/bob' +
          '&assignmentGroup=group:default/sre&assignmentGroup=group:default/sre&q=+db+&knownError=true',
      ),
    ).toMatchObject({
      state: ['new'],
      codes: ['P1'],
      // Incidents have no switch.
      flag: false,
      assignee: 'user:default/bob',
      assignmentGroup: ['group:default/sre'],
      q: 'db',
    });
    expect(read('state=all&state=new').state).toBe('all');
    expect(read('state=bogus').state).toBe('open');
    expect(read('knownError=true', problemDescriptor).flag).toBe(true);
  });

  it('writes filters back in a fixed order, without defaults, and reads them again', () => {
    const query =
      'state=approved&state=in_fulfillment&assignmentGroup=group%3Adefault%2Fsre' +
      '&requester=user%3Adefault%2Fbob&entityRef=component%3Adefault%2Fpayments&q=db';
    const filters = read(query, requestDescriptor);
    expect(listFilterParams(filters, requestDescriptor).toString()).toBe(query);
    expect(
      listFilterParams(
        { flag: true, codes: ['P2'], state: 'all' },
        problemDescriptor,
      ).toString(),
    ).toBe('state=all&priority=P2&knownError=true');
    expect(listFilterLink('/itsm/incidents', {}, incidentDescriptor)).toBe(
      '/itsm/incidents',
    );
  });

  it('makes the list query of the filters', () => {
    expect(listFilterQuery(read(''), incidentDescriptor)).toEqual({
      open: true,
    });
    expect(
      listFilterQuery(
        read('state=all&knownError=true&priority=P1&q=pool', problemDescriptor),
        problemDescriptor,
      ),
    ).toEqual({ knownError: true, priority: ['P1'], q: 'pool' });
    expect(
      listFilterQuery(
        read(
          Array.from(
            { length: 120 },
            (_, i) => `assignmentGroup=group:default/g${i}`,
          ).join('&'),
        ),
        incidentDescriptor,
      ).assignmentGroup,
    ).toHaveLength(100);
  });

  it('finds the preset the filters are in, the most specific of several', () => {
    const { presets } = requestDescriptor.view;
    const preset = (query: string) =>
      matchingPreset(read(query, requestDescriptor), presets, me)?.id;
    expect(preset('')).toBe('all');
    expect(preset('priority=P1&q=x')).toBe('all');
    expect(preset('requester=user:default/alice')).toBe('mine');
    expect(
      preset(
        'assignmentGroup=group:default/dba&assignmentGroup=group:default/sre',
      ),
    ).toBe('groups');
    expect(
      preset(
        'state=in_fulfillment&state=approved&assignmentGroup=group:default/sre&assignmentGroup=group:default/dba',
      ),
    ).toBe('to-fulfil');
    expect(preset('assignee=user:default/bob')).toBeUndefined();
    expect(preset('assignmentGroup=group:default/sre')).toBeUndefined();
    expect(
      matchingPreset(
        read('knownError=true', problemDescriptor),
        problemDescriptor.view.presets,
        me,
      )?.id,
    ).toBe('known-errors');
  });

  it('applies a preset: its filters, keeping the text searched for', () => {
    const [, toFulfil] = requestDescriptor.view.presets;
    expect(
      listFilterParams(
        applyPreset(
          toFulfil,
          me,
          read('priority=P1&assignee=user:default/bob&q=db', requestDescriptor),
        ),
        requestDescriptor,
      ).toString(),
    ).toBe(
      'state=approved&state=in_fulfillment&assignmentGroup=group%3Adefault%2Fsre' +
        '&assignmentGroup=group%3Adefault%2Fdba&q=db',
    );
  });
});
