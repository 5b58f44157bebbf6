import {
  IncidentState,
  IncidentTransitionInput,
  incidentTransitionGuard,
  TEXT_LIMITS,
} from '@backstage-itsm/plugin-itsm-common';

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

export type TransitionField =
  | 'holdReason'
  | 'resolutionCode'
  | 'resolutionNotes'
  | 'comment';

/** What to tell the user when a move needs a field they left empty. */
const REQUIRED_TEXT: Record<TransitionField, string> = {
  resolutionCode: 'Choose how it was resolved',
  resolutionNotes: 'Describe what was done to resolve it',
  holdReason: 'Choose why the incident waits',
  comment:
    'Tell the caller what you need from them: it is sent to the requester',
};

export interface TransitionFormProblems {
  fields: Partial<Record<TransitionField, string>>;
  /** Problems that belong to no single field. */
  other: string[];
}

/**
 * Runs the shared workflow guards (the ones the backend enforces) plus the length
 * limits, and attaches each problem to the field the user must fix.
 */
export function transitionFormProblems(
  input: IncidentTransitionInput,
): TransitionFormProblems {
  const result: TransitionFormProblems = { fields: {}, other: [] };
  for (const problem of incidentTransitionGuard(input)) {
    const field = problem.field as TransitionField;
    if (problem.code === 'required' && field in REQUIRED_TEXT) {
      result.fields[field] = REQUIRED_TEXT[field];
    } else {
      result.other.push(problem.message);
    }
  }
  if ((input.resolutionNotes?.length ?? 0) > TEXT_LIMITS.resolutionNotes) {
    result.fields.resolutionNotes = `At most ${TEXT_LIMITS.resolutionNotes} characters`;
  }
  if ((input.comment?.length ?? 0) > TEXT_LIMITS.comment) {
    result.fields.comment = `At most ${TEXT_LIMITS.comment} characters`;
  }
  return result;
}
