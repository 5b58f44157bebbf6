export { approvalsCard, ApprovalsPanel } from './ApprovalsPanel';
export {
  ApprovalsCard,
  PendingApprovalsSummary,
  PendingApprovalsTable,
  usePendingApprovals,
  useRecordApprovals,
} from './PendingApprovals';
export { ApprovalDecisionDialog } from './ApprovalDecisionDialog';
