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
  TEXT_LIMITS,
} from '@backstage-itsm/plugin-itsm-common';
import { incidentRouteRef, incidentsRouteRef } from '../../routes';
import {
  assignedToMe,
  declaredKind,
  everybody,
  MoveField,
  ofMyGroups,
  RecordKindDescriptor,
  resolutionFields,
  requestedByMe,
} from '../records';
import { ReportIncidentDialog } from './ReportIncidentDialog';

/** The button label of a move, in the words of the people doing it. */
export function transitionLabel(
  from: IncidentState,
  to: IncidentState,
): string {
  switch (to) {
    case 'in_progress':
      if (from === 'resolved') return 'Reopen';
      if (from === 'on_hold') return 'Resume work';
      return 'Start work';
    case 'on_hold':
      return 'Put on hold';
    case 'resolved':
      return 'Resolve';
    case 'closed':
      return 'Close';
    case 'canceled':
      return 'Cancel incident';
    default:
      return `Move to ${to}`;
  }
}

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

/** Every move takes a comment; holding for the caller requires one, to them. */
const COMMENT_FIELD: MoveField = {
  name: 'comment',
  id: 'itsm-transition-comment',
  label: 'Comment (optional, visible to the requester)',
  maxLength: TEXT_LIMITS.comment,
  missing:
    'Tell the caller what you need from them: it is sent to the requester',
  whenRequired: {
    label: 'Comment to the caller',
    helperText: 'What you need from the caller; their reply resumes the work',
  },
};

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
  plural: 'incidents',
  routeRef: incidentRouteRef,
  api: {
    list: (api, filter) => api.listIncidents(filter),
    get: (api, id) => api.getIncident(id),
    timeline: (api, id) => api.getTimeline(id),
  },
  columns: [
    'number',
    'title',
    'entity',
    'state',
    'priority',
    'assignee',
    'assignmentGroup',
    'age',
  ],
  codeFilter: { param: 'priority', label: 'Priority', codes: PRIORITIES },
  create: { label: 'Report incident', Dialog: ReportIncidentDialog },
  view: {
    routeRef: incidentsRouteRef,
    presets: [
      assignedToMe(),
      ofMyGroups(),
      requestedByMe('Reported by me', 'reported'),
      everybody('All incidents'),
    ],
  },
  moves: {
    dialogId: 'itsm-transition',
    allowed: incident => allowedIncidentTransitions(incident.state),
    label: (to, from) => transitionLabel(from, to),
    primary: ['resolved'],
    fields: to => [
      ...(to === 'resolved' ? RESOLUTION_FIELDS : []),
      ...(to === 'on_hold' ? HOLD_FIELDS : []),
      COMMENT_FIELD,
    ],
    guard: (_incident, input) => incidentTransitionGuard(input),
    send: (api, id, request) => api.transitionIncident(id, request),
  },
};
