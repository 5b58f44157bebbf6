import {
  allowedChangeTransitions,
  Change,
  CHANGE_CLOSE_CODE_LABELS,
  CHANGE_CLOSE_CODES,
  CHANGE_TYPE_LABELS,
  CHANGE_TYPES,
  ChangeListFilter,
  ChangeState,
  ChangeTransitionInput,
  changeTransitionGuard,
} from '@backstage-itsm/plugin-itsm-common';
import { changesRouteRef } from '../../routes';
import { formatWindow } from '../shared';
import {
  commentField,
  declaredKind,
  kindReads,
  presets,
  RecordKindDescriptor,
  resolutionFields,
} from '../records';
import { ChangeTypeChip, RiskChip } from './ChangeChips';
import { humanizeProblem } from './changeForm';
import { NewChangeDialog } from './NewChangeDialog';

/** The button label of a move to a state, in the words of the people doing it. */
export const CHANGE_TRANSITION_LABELS: Record<ChangeState, string> = {
  draft: 'Back to draft',
  assess: 'Assess',
  authorize: 'Authorize',
  scheduled: 'Schedule',
  implement: 'Implement',
  review: 'Review',
  closed: 'Close',
  canceled: 'Cancel',
};

const CLOSE_FIELDS = resolutionFields({
  outcome: 'close',
  idPrefix: 'itsm-change',
  codes: CHANGE_CLOSE_CODES,
  labels: CHANGE_CLOSE_CODE_LABELS,
  missingCode: 'Choose how the change went',
  notesHelp: 'What happened, what was learned',
});

const COMMENT_HELP: Partial<Record<ChangeState, string>> = {
  draft: 'Why it goes back to planning; its approvals no longer hold',
  canceled: 'Why the change is canceled',
};

/**
 * Changes: planned on CIs in a window, authorised by their approvers (a standard change
 * is pre-approved), implemented, reviewed and closed with a code. The plan's guards
 * (window, plans) stop a move before its dialog; closing asks for the close code and
 * notes; every move takes an optional comment.
 */
export const changeDescriptor: RecordKindDescriptor<
  Change,
  ChangeListFilter,
  ChangeTransitionInput
> = {
  ...declaredKind('change'),
  api: kindReads('listChanges', 'getChange', 'getChangeTimeline'),
  columns: [
    'number',
    'title',
    {
      title: 'Type',
      field: 'type',
      render: change => <ChangeTypeChip type={change.type} />,
    },
    {
      title: 'Risk',
      field: 'risk',
      render: change => <RiskChip risk={change.risk} />,
    },
    'state',
    {
      title: 'Planned window',
      field: 'plannedStart',
      render: change => formatWindow(change.plannedStart, change.plannedEnd),
    },
    'entity',
    'assignmentGroup',
  ],
  codeFilter: {
    param: 'type',
    label: 'Change type',
    codes: CHANGE_TYPES,
    labels: CHANGE_TYPE_LABELS,
  },
  create: { label: 'Request change', Dialog: NewChangeDialog },
  view: {
    routeRef: changesRouteRef,
    presets: [
      presets.requestedByMe('My changes'),
      presets.assignedToMe(),
      presets.ofMyGroups(),
      presets.everybody('All changes'),
    ],
  },
  moves: {
    dialogId: 'itsm-change-transition',
    allowed: change => allowedChangeTransitions(change.type, change.state),
    label: to => CHANGE_TRANSITION_LABELS[to],
    backward: ['draft', 'canceled'],
    fields: to => [
      ...(to === 'closed' ? CLOSE_FIELDS : []),
      commentField('itsm-change-transition', {
        label: 'Comment (optional, visible to the requester)',
        helperText: COMMENT_HELP[to],
      }),
    ],
    guard: changeTransitionGuard,
    describe: humanizeProblem,
    send: (api, id, request) => api.transitionChange(id, request),
  },
};
