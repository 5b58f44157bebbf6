import {
  allowedIncidentTransitions,
  HOLD_REASON_LABELS,
  HOLD_REASONS,
  Incident,
  IncidentListFilter,
  IncidentState,
  IncidentTransitionInput,
  incidentTransitionGuard,
  PRIORITIES,
  RESOLUTION_CODE_LABELS,
  RESOLUTION_CODES,
} from '@backstage-itsm/plugin-itsm-common';
import { incidentsRouteRef } from '../../routes';
import {
  commentField,
  declaredKind,
  kindReads,
  MoveField,
  presets,
  moveLabels,
  RecordKindDescriptor,
  resolutionFields,
} from '../records';
import { RATED_RECORD_COLUMNS } from '../shared';
import { ReportIncidentDialog } from './ReportIncidentDialog';

/** The button label of a move, in the words of the people doing it. */
const labelOfMove = moveLabels<IncidentState>({
  in_progress: {
    resolved: 'Reopen',
    on_hold: 'Resume work',
    otherwise: 'Start work',
  },
  on_hold: 'Put on hold',
  resolved: 'Resolve',
  closed: 'Close',
  canceled: 'Cancel incident',
});

const RESOLUTION_FIELDS = resolutionFields({
  idPrefix: 'itsm-transition',
  codes: RESOLUTION_CODES,
  labels: RESOLUTION_CODE_LABELS,
  missingCode: 'Choose how it was resolved',
  notesHelp: 'What was wrong and what fixed it',
  missingNotes: 'Describe what was done to resolve it',
});

const HOLD_FIELDS: MoveField[] = [
  {
    name: 'holdReason',
    id: 'itsm-transition-hold-reason',
    label: 'Hold reason',
    options: { codes: HOLD_REASONS, labels: HOLD_REASON_LABELS },
    missing: 'Choose why the incident waits',
  },
];

/**
 * Resolving an accepted major incident (the parent of its children) may resolve its open
 * child incidents too, with the same code and notes.
 */
const RESOLVE_CHILDREN_FIELD: MoveField = {
  name: 'resolveChildren',
  id: 'itsm-resolve-children',
  label: 'Resolve its open child incidents too',
  checkbox: true,
};

/** Every move takes a comment; holding for the caller requires one, to them. */
const COMMENT_FIELD = commentField('itsm-transition', {
  label: 'Comment (optional, visible to the requester)',
  missing:
    'Tell the caller what you need from them: it is sent to the requester',
  whenRequired: {
    label: 'Comment to the caller',
    helperText: 'What you need from the caller; their reply resumes the work',
  },
});

/**
 * Incidents: reported on a CI, worked by their assignment group, resolved with a code
 * and notes, held for a reason.
 */
export const incidentDescriptor: RecordKindDescriptor<
  Incident,
  IncidentListFilter,
  IncidentTransitionInput
> = {
  ...declaredKind('incident'),
  api: kindReads('listIncidents', 'getIncident', 'getTimeline'),
  columns: [
    ...RATED_RECORD_COLUMNS,
    'assignee',
    'assignmentGroup',
    'age',
  ],
  codeFilter: { param: 'priority', label: 'Priority', codes: PRIORITIES },
  create: { label: 'Report incident', Dialog: ReportIncidentDialog },
  view: {
    routeRef: incidentsRouteRef,
    presets: [
      presets.assignedToMe(),
      presets.ofMyGroups(),
      presets.requestedByMe('Reported by me', 'reported'),
      presets.everybody('All incidents'),
    ],
  },
  moves: {
    dialogId: 'itsm-transition',
    allowed: incident => allowedIncidentTransitions(incident.state),
    label: labelOfMove,
    primary: ['resolved'],
    fields: (to, incident) => [
      ...(to === 'resolved' ? RESOLUTION_FIELDS : []),
      ...(to === 'resolved' && incident.major?.state === 'accepted'
        ? [RESOLVE_CHILDREN_FIELD]
        : []),
      ...(to === 'on_hold' ? HOLD_FIELDS : []),
      COMMENT_FIELD,
    ],
    guard: (_incident, input) => incidentTransitionGuard(input),
    send: (api, id, request) => api.transitionIncident(id, request),
  },
};
