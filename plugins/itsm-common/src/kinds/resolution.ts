import { GuardProblem } from '../records/guards';

/** What a move carries to resolve a record: how it was resolved and what was done. */
export interface ResolutionInput {
  to: string;
  resolutionCode?: string;
  resolutionNotes?: string;
}

/**
 * The guard of a resolution, for the kinds that are resolved (incidents, problems): the
 * move to `resolved` takes a resolution code and notes, and no other move takes either.
 */
export function resolutionGuard(input: ResolutionInput): GuardProblem[] {
  const { to, resolutionCode, resolutionNotes } = input;
  if (to !== 'resolved')
    return resolutionCode || resolutionNotes
      ? [
          {
            field: resolutionCode ? 'resolutionCode' : 'resolutionNotes',
            code: 'not_allowed',
            message:
              'resolutionCode and resolutionNotes are only allowed when resolving',
          },
        ]
      : [];
  const problems: GuardProblem[] = [];
  if (!resolutionCode)
    problems.push({
      field: 'resolutionCode',
      code: 'required',
      message: 'resolutionCode is required to resolve',
    });
  if (!resolutionNotes?.trim())
    problems.push({
      field: 'resolutionNotes',
      code: 'required',
      message: 'resolutionNotes are required to resolve',
    });
  return problems;
}
