import {
  allowedTransitions,
  PRIORITIES,
  Problem,
  PROBLEM_RESOLUTION_CODE_LABELS,
  ProblemState,
  ProblemTransitionInput,
  problemTransitionGuard,
  PROBLEM_RESOLVE_CODES,
} from '@backstage-itsm/plugin-itsm-common';
import { ProblemsFilter } from '../../api';
import { problemsRouteRef } from '../../routes';
import {
  commentField,
  declaredKind,
  kindReads,
  presets,
  moveLabels,
  RecordKindDescriptor,
  resolutionFields,
} from '../records';
import { RATED_RECORD_COLUMNS } from '../shared';
import { CreateProblemDialog } from './CreateProblemDialog';
import { KnownErrorChip } from './ProblemChips';

/** The codes a person resolves with (itsm-common's); `canceled` is set by canceling. */
export const PROBLEM_RESOLUTION_CHOICES = PROBLEM_RESOLVE_CODES;

/** The button label of a move, in the words of the people doing it. */
const labelOfMove = moveLabels<ProblemState>({
  assess: 'Assess',
  root_cause_analysis: {
    resolved: 'Reopen',
    fix_in_progress: 'Back to analysis',
    otherwise: 'Start root cause analysis',
  },
  fix_in_progress: 'Start fix',
  resolved: 'Resolve',
  closed: 'Close',
  canceled: 'Cancel problem',
});

const RESOLUTION_FIELDS = resolutionFields({
  idPrefix: 'itsm-problem',
  codes: PROBLEM_RESOLUTION_CHOICES,
  labels: PROBLEM_RESOLUTION_CODE_LABELS,
  missingCode: 'Choose how the problem was resolved',
  notesHelp:
    'What fixed it (the change), why the risk is accepted, or what it duplicates',
  missingNotes: 'Describe how the problem was resolved',
});

/** Every move takes a comment; canceling requires one (why it is not pursued). */
const COMMENT_FIELD = commentField('itsm-problem-transition', {
  label: 'Comment (optional)',
  missing: 'Say why the problem is canceled',
  whenRequired: {
    label: 'Why it is canceled',
    helperText:
      'Why the problem is not worth pursuing (recorded on its timeline)',
  },
});

/**
 * Problems: the cause behind incidents, analysed by their assignment group, published
 * as known errors once the cause and a workaround are known, fixed by changes and
 * resolved with a code and notes.
 */
export const problemDescriptor: RecordKindDescriptor<
  Problem,
  ProblemsFilter,
  ProblemTransitionInput
> = {
  ...declaredKind('problem'),
  api: kindReads('listProblems', 'getProblem', 'getProblemTimeline'),
  columns: [
    ...RATED_RECORD_COLUMNS,
    {
      title: 'Known error',
      field: 'knownError',
      render: problem => (problem.knownError ? <KnownErrorChip /> : null),
    },
    { title: 'Incidents', field: 'incidentCount', width: '6em' },
    'assignee',
    'assignmentGroup',
    'age',
  ],
  codeFilter: { param: 'priority', label: 'Priority', codes: PRIORITIES },
  flagFilter: { param: 'knownError', label: 'Known errors only' },
  create: { label: 'Open problem', Dialog: CreateProblemDialog },
  view: {
    routeRef: problemsRouteRef,
    presets: [
      presets.everybody('All problems'),
      presets.only('known-errors', 'Known errors', { flag: true }),
      presets.assignedToMe(),
      presets.ofMyGroups(),
    ],
  },
  moves: {
    dialogId: 'itsm-problem-transition',
    allowed: problem => allowedTransitions('problem', problem.state),
    label: labelOfMove,
    primary: ['resolved'],
    backward: ['canceled'],
    fields: to => [
      ...(to === 'resolved' ? RESOLUTION_FIELDS : []),
      COMMENT_FIELD,
    ],
    guard: (_problem, input) => problemTransitionGuard(input),
    send: (api, id, request) => api.transitionProblem(id, request),
  },
};
