export { ApprovalsPanel } from './ApprovalsPanel';
export {
  ApprovalsCard,
  PendingApprovalsSummary,
  PendingApprovalsTable,
  usePendingApprovals,
} from './PendingApprovals';
export { ApprovalDecisionDialog } from './ApprovalDecisionDialog';
