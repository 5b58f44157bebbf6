export type {
  ProblemResolutionCode,
  ProblemState,
  ProblemTransitionInput,
} from '../kinds/problem';
export {
  knownErrorGuard,
  PROBLEM_RESOLUTION_CODE_LABELS,
  PROBLEM_RESOLVE_CODES,
  problemTransitionGuard,
} from '../kinds/problem';
export * from './types';
