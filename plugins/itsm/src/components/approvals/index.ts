export { ApprovalsPanel } from './ApprovalsPanel';
export {
  ApprovalsCard,
  PendingApprovalsTable,
  usePendingApprovals,
} from './PendingApprovals';
export { ApprovalDecisionDialog } from './ApprovalDecisionDialog';
