import {
  allowedChangeTransitions,
  CHANGE_CLOSE_CODES,
  CHANGE_RISKS,
  CHANGE_STATE_LABELS,
  CHANGE_STATES,
  CHANGE_TYPES,
  COMMITTED_CHANGE_STATES,
  OPEN_CHANGE_STATES,
} from '../changes/workflow';
import {
  allowedIncidentTransitions,
  HOLD_REASONS,
  INCIDENT_STATE_LABELS,
  INCIDENT_STATES,
  INCIDENT_TRANSITIONS,
  OPEN_INCIDENT_STATES,
  RESOLUTION_CODES,
} from '../incidents/workflow';
import { formatRecordNumber, RECORD_NUMBER_PREFIX } from '../records/types';
import {
  allowedRequestTransitions,
  OPEN_REQUEST_STATES,
  REQUEST_STATE_LABELS,
  REQUEST_STATES,
  REQUEST_TRANSITIONS,
  requestTransitionActor,
} from '../requests/workflow';
import { RecordKindDeclaration, TransitionTable } from './declaration';
import {
  allowedTransitions,
  closedStates,
  hasApprovals,
  isOpenState,
  isRecordKind,
  kindDeclaration,
  mapRecordKinds,
  moveActor,
  RECORD_KIND_DECLARATIONS,
  RECORD_KINDS,
  RecordKind,
  slaStateModel,
  stateLabel,
} from './registry';

const declarations: [RecordKind, RecordKindDeclaration][] = RECORD_KINDS.map(
  kind => [kind, RECORD_KIND_DECLARATIONS[kind]],
);

/** Every transition table of a declaration (one, or one per variant). */
function tablesOf(
  declaration: RecordKindDeclaration,
): TransitionTable<string>[] {
  const { transitions } = declaration;
  return transitions.by === undefined
    ? [transitions.table]
    : Object.values(transitions.tables);
}

describe('the kind registry', () => {
  it('lists the kinds in order, each under its own name', () => {
    expect(RECORD_KINDS).toEqual(['incident', 'change', 'request', 'problem']);
    expect(declarations.map(([key, d]) => d.kind === key)).toEqual(
      RECORD_KINDS.map(() => true),
    );
    expect(kindDeclaration('change').apiPath).toBe('changes');
    expect(isRecordKind('request')).toBe(true);
    expect(isRecordKind('toString')).toBe(false);
    expect(isRecordKind(undefined)).toBe(false);
  });

  it.each(declarations)(
    '%s: moves, open states, labels and the rest only name its states',
    (_kind, d) => {
      const states = new Set<string>(d.states);
      expect(states.size).toBe(d.states.length);
      for (const table of tablesOf(d)) {
        expect(Object.keys(table).sort()).toEqual([...d.states].sort());
        expect(
          Object.values(table)
            .flat()
            .filter(to => !states.has(to)),
        ).toEqual([]);
      }
      expect(d.openStates.filter(s => !states.has(s))).toEqual([]);
      expect(states.has(d.initialState)).toBe(true);
      expect(d.openStates).toContain(d.initialState);
      expect(Object.keys(d.stateLabels)).toEqual([...d.states]);
      expect(Object.values(d.stateLabels).filter(label => !label)).toEqual([]);
      expect(d.requesterMoves.filter(s => !states.has(s))).toEqual([]);
      expect(d.slaCancelStates.filter(s => d.openStates.includes(s))).toEqual(
        [],
      );
      expect(
        [d.approvalState].filter(s => s !== null && !d.openStates.includes(s)),
      ).toEqual([]);
    },
  );

  it.each(declarations)('%s: a state without moves is closed', (_kind, d) => {
    const stuck = d.states.filter(from =>
      tablesOf(d).every(table => table[from].length === 0),
    );
    expect(stuck.filter(s => d.openStates.includes(s))).toEqual([]);
  });

  it('gives every kind its own number prefix and API path', () => {
    const prefixes = declarations.map(([, d]) => d.numberPrefix);
    const paths = declarations.map(([, d]) => d.apiPath);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    expect(new Set(paths).size).toBe(paths.length);
    expect(RECORD_NUMBER_PREFIX).toEqual({
      incident: 'INC',
      change: 'CHG',
      request: 'REQ',
      problem: 'PRB',
    });
    expect(formatRecordNumber('request', 42)).toBe('REQ-000042');
    expect(mapRecordKinds(d => d.apiPath)).toEqual({
      incident: 'incidents',
      change: 'changes',
      request: 'requests',
      problem: 'problems',
    });
  });
});

describe('the generic helpers', () => {
  it('answer the moves of a kind, by variant where the kind has them', () => {
    expect(allowedTransitions('incident', 'on_hold')).toEqual([
      'in_progress',
      'resolved',
    ]);
    expect(allowedTransitions('change', 'draft', 'normal')).toEqual([
      'assess',
      'canceled',
    ]);
    expect(allowedTransitions('change', 'draft')).toEqual([]);
    expect(allowedTransitions('change', 'draft', 'unknown')).toEqual([]);
    expect(allowedTransitions('request', 'approved')).toEqual([
      'in_fulfillment',
      'rejected',
      'canceled',
    ]);
    expect(
      allowedTransitions('incident', 'toString' as unknown as 'new'),
    ).toEqual([]);
  });

  it('tell open states, closed states and labels', () => {
    expect(isOpenState('incident', 'on_hold')).toBe(true);
    expect(isOpenState('incident', 'resolved')).toBe(false);
    expect(isOpenState('request', 'approved')).toBe(true);
    expect(isOpenState('change', 'nonsense')).toBe(false);
    expect(closedStates('incident')).toEqual([
      'resolved',
      'closed',
      'canceled',
    ]);
    expect(stateLabel('request', 'in_fulfillment')).toBe('In fulfilment');
    expect(stateLabel('change', 'nonsense')).toBe('nonsense');
    expect(stateLabel('change', 'constructor')).toBe('constructor');
  });

  it('tell who moves, which kinds are approved and their SLA clocks', () => {
    expect(moveActor('request', 'canceled')).toBe('requester');
    expect(moveActor('request', 'fulfilled')).toBe('owner_group');
    expect(moveActor('incident', 'canceled')).toBe('owner_group');
    expect(RECORD_KINDS.filter(hasApprovals)).toEqual(['change', 'request']);
    expect(mapRecordKinds((_d, kind) => slaStateModel(kind))).toEqual({
      incident: {
        initialState: 'new',
        stopStates: ['resolved', 'closed', 'canceled'],
        cancelStates: ['canceled'],
      },
      change: {
        initialState: 'draft',
        stopStates: ['closed', 'canceled'],
        cancelStates: ['canceled'],
      },
      request: {
        initialState: 'submitted',
        stopStates: ['fulfilled', 'rejected', 'canceled'],
        cancelStates: ['rejected', 'canceled'],
      },
      problem: {
        initialState: 'new',
        stopStates: ['resolved', 'closed', 'canceled'],
        cancelStates: ['canceled'],
      },
    });
  });
});

describe('the former per-kind constants, now read from the declarations', () => {
  it('incident', () => {
    expect(INCIDENT_STATES).toEqual([
      'new',
      'in_progress',
      'on_hold',
      'resolved',
      'closed',
      'canceled',
    ]);
    expect(OPEN_INCIDENT_STATES).toEqual(['new', 'in_progress', 'on_hold']);
    expect(INCIDENT_STATE_LABELS).toEqual({
      new: 'New',
      in_progress: 'In progress',
      on_hold: 'On hold',
      resolved: 'Resolved',
      closed: 'Closed',
      canceled: 'Canceled',
    });
    expect(INCIDENT_TRANSITIONS).toEqual({
      new: ['in_progress', 'on_hold', 'resolved', 'canceled'],
      in_progress: ['on_hold', 'resolved', 'canceled'],
      on_hold: ['in_progress', 'resolved'],
      resolved: ['in_progress', 'closed'],
      closed: [],
      canceled: [],
    });
    expect(allowedIncidentTransitions('resolved')).toEqual([
      'in_progress',
      'closed',
    ]);
    expect(HOLD_REASONS).toEqual([
      'awaiting_caller',
      'awaiting_change',
      'awaiting_problem',
      'awaiting_vendor',
    ]);
    expect(RESOLUTION_CODES).toEqual([
      'fixed',
      'workaround',
      'duplicate',
      'not_reproducible',
      'no_fault_found',
      'resolved_by_change',
    ]);
  });

  it('change', () => {
    expect(CHANGE_STATES).toEqual([
      'draft',
      'assess',
      'authorize',
      'scheduled',
      'implement',
      'review',
      'closed',
      'canceled',
    ]);
    expect(OPEN_CHANGE_STATES).toEqual([
      'draft',
      'assess',
      'authorize',
      'scheduled',
      'implement',
      'review',
    ]);
    expect(CHANGE_STATE_LABELS).toEqual({
      draft: 'Draft',
      assess: 'Assess',
      authorize: 'Authorize',
      scheduled: 'Scheduled',
      implement: 'Implement',
      review: 'Review',
      closed: 'Closed',
      canceled: 'Canceled',
    });
    expect(COMMITTED_CHANGE_STATES).toEqual(['scheduled', 'implement']);
    expect(CHANGE_TYPES).toEqual(['standard', 'normal', 'emergency']);
    expect(CHANGE_RISKS).toEqual(['low', 'moderate', 'high']);
    expect(CHANGE_CLOSE_CODES).toEqual([
      'successful',
      'successful_with_issues',
      'unsuccessful',
      'backed_out',
    ]);
    const table = (type: (typeof CHANGE_TYPES)[number]) =>
      Object.fromEntries(
        CHANGE_STATES.map(from => [from, allowedChangeTransitions(type, from)]),
      );
    const onceScheduled = {
      scheduled: ['implement', 'draft', 'canceled'],
      implement: ['review', 'canceled'],
      review: ['closed', 'canceled'],
      closed: [],
      canceled: [],
    };
    expect(table('standard')).toEqual({
      draft: ['scheduled', 'canceled'],
      assess: ['canceled'],
      authorize: ['canceled'],
      ...onceScheduled,
    });
    expect(table('normal')).toEqual({
      draft: ['assess', 'canceled'],
      assess: ['authorize', 'draft', 'canceled'],
      authorize: ['draft', 'canceled'],
      ...onceScheduled,
    });
    expect(table('emergency')).toEqual({
      draft: ['authorize', 'canceled'],
      assess: ['authorize', 'draft', 'canceled'],
      authorize: ['draft', 'canceled'],
      ...onceScheduled,
    });
  });

  it('request', () => {
    expect(REQUEST_STATES).toEqual([
      'submitted',
      'awaiting_approval',
      'approved',
      'in_fulfillment',
      'fulfilled',
      'rejected',
      'canceled',
    ]);
    expect(OPEN_REQUEST_STATES).toEqual([
      'submitted',
      'awaiting_approval',
      'approved',
      'in_fulfillment',
    ]);
    expect(REQUEST_STATE_LABELS).toEqual({
      submitted: 'Submitted',
      awaiting_approval: 'Awaiting approval',
      approved: 'Approved',
      in_fulfillment: 'In fulfilment',
      fulfilled: 'Fulfilled',
      rejected: 'Rejected',
      canceled: 'Canceled',
    });
    expect(REQUEST_TRANSITIONS).toEqual({
      submitted: ['canceled'],
      awaiting_approval: ['canceled'],
      approved: ['in_fulfillment', 'rejected', 'canceled'],
      in_fulfillment: ['fulfilled', 'rejected', 'canceled'],
      fulfilled: [],
      rejected: [],
      canceled: [],
    });
    expect(allowedRequestTransitions('in_fulfillment')).toEqual([
      'fulfilled',
      'rejected',
      'canceled',
    ]);
    expect(REQUEST_STATES.map(requestTransitionActor)).toEqual([
      'owner_group',
      'owner_group',
      'owner_group',
      'owner_group',
      'owner_group',
      'owner_group',
      'requester',
    ]);
  });
});
