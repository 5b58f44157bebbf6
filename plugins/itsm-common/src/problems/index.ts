export type {
  ProblemResolutionCode,
  ProblemState,
  ProblemTransitionInput,
} from '../kinds/problem';
export {
  knownErrorGuard,
  PROBLEM_RESOLUTION_CODE_LABELS,
  problemTransitionGuard,
} from '../kinds/problem';
export * from './types';
