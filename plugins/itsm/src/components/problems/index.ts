export { problemDescriptor } from './descriptor';
export { ProblemsTable } from './ProblemsTable';
export type { ProblemsTableProps } from './ProblemsTable';
export { CreateProblemDialog } from './CreateProblemDialog';
export type {
  CreateProblemDialogProps,
  ProblemPrefill,
} from './CreateProblemDialog';
export { ProblemPage } from './ProblemPage';
export { KnownErrorList } from './KnownErrorList';
export { KnownErrorChip } from './ProblemChips';
export { EntityKnownErrorsCard } from './EntityKnownErrorsCard';
export { ProblemCandidatesCard } from './ProblemCandidatesCard';
export { ProblemKpisCard } from './ProblemKpisCard';
export { EntityProblemsContent } from './EntityProblemsContent';
export { ProblemsOverview } from './ProblemsOverview';
export { IncidentProblemCard } from './IncidentProblemCard';
