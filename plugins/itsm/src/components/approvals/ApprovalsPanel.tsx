import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { ApprovalStep } from '@backstage-itsm/plugin-itsm-common';
import { formatDateTime, RecordCardProps, RefLink, RefList } from '../shared';
import { ApprovalStateChip } from './ApprovalStateChip';
import { DecidedRecord } from './ApprovalDecisionDialog';
import { DecisionButtons } from './DecisionButtons';

/** Steps by round, the latest round first; each round's steps by stage. */
export function groupByRound(
  steps: ApprovalStep[],
): Array<{ round: number; steps: ApprovalStep[] }> {
  const rounds = new Map<number, ApprovalStep[]>();
  for (const step of steps) {
    rounds.set(step.round, [...(rounds.get(step.round) ?? []), step]);
  }
  return [...rounds.entries()]
    .sort(([a], [b]) => b - a)
    .map(([round, list]) => ({
      round,
      steps: [...list].sort((a, b) => a.stage - b.stage),
    }));
}

const RoundTable = (props: {
  record: DecidedRecord;
  round: number;
  steps: ApprovalStep[];
  decidable: ReadonlySet<string>;
  onDecided: () => void;
}) => {
  const { record, round, steps, decidable, onDecided } = props;
  return (
    <Table size="small" aria-label={`Approvals, round ${round}`}>
      <TableHead>
        <TableRow>
          <TableCell>Stage</TableCell>
          <TableCell>Approvers</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Decided by</TableCell>
          <TableCell>Comment</TableCell>
          <TableCell>
            <Typography variant="srOnly">Actions</Typography>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {steps.map(step => (
          <TableRow key={step.id} data-testid={`approval-step-${step.id}`}>
            <TableCell>
              {step.stage}. {step.stageName}
            </TableCell>
            <TableCell>
              <RefList refs={step.eligibleGroups} separator=" or " />
              <Typography
                variant="caption"
                color="textSecondary"
                display="block"
              >
                {step.reason}
              </Typography>
            </TableCell>
            <TableCell>
              <ApprovalStateChip state={step.state} />
            </TableCell>
            <TableCell>
              <RefLink entityRef={step.decidedBy} />
              {step.decidedAt && (
                <Typography
                  variant="caption"
                  color="textSecondary"
                  display="block"
                >
                  {formatDateTime(step.decidedAt)}
                </Typography>
              )}
            </TableCell>
            <TableCell style={{ whiteSpace: 'pre-wrap' }}>
              {step.comment ?? ''}
            </TableCell>
            <TableCell>
              {step.state === 'pending' && decidable.has(step.id) && (
                <DecisionButtons
                  record={record}
                  step={step}
                  onDone={onDecided}
                />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/**
 * The approvals of a change or a service request: every round (the latest first), each
 * step with its approvers, state, decider and comment; Approve / Reject on the open
 * steps the signed-in user may decide (as the server says: member of an eligible group,
 * not the requester; and with the approve permission, which the buttons ask).
 */
/** The steps, and the ids of the open ones the signed-in user may decide. */
export interface ApprovalsPanelState {
  approvals: { value?: ApprovalStep[]; loading: boolean; error?: Error };
  decidable: ReadonlySet<string>;
}

export const ApprovalsPanel = (
  props: RecordCardProps<DecidedRecord> & {
    state: ApprovalsPanelState;
    /** What to say while the record has no steps (e.g. why it needs none). */
    emptyText: string;
  },
) => {
  // Deciding is the approvers' (the buttons ask), not the record's editors'.
  const { record, onUpdated: onDecided } = props;
  const { approvals, decidable } = props.state;
  let body;
  if (approvals.error) {
    body = <ResponseErrorPanel error={approvals.error} />;
  } else if (!approvals.value) {
    body = approvals.loading ? <Progress /> : null;
  } else if (approvals.value.length === 0) {
    body = (
      <Typography variant="body2" color="textSecondary">
        {props.emptyText}
      </Typography>
    );
  } else {
    const rounds = groupByRound(approvals.value);
    body = rounds.map(({ round, steps }, i) => (
      <Box key={round} mb={2}>
        {rounds.length > 1 && (
          <Typography variant="subtitle2" component="h3">
            Round {round}
            {i === 0 ? ' (current)' : ''}
          </Typography>
        )}
        <RoundTable
          record={record}
          round={round}
          steps={steps}
          decidable={decidable}
          onDecided={onDecided}
        />
      </Box>
    ));
  }
  return <InfoCard title="Approvals">{body}</InfoCard>;
};

/**
 * A record page's approvals card (see `RecordPage`'s `cards`): the panel of the record's
 * approvals (`state`, from useRecordApprovals), with what to say while it has none.
 */
export function approvalsCard<R extends DecidedRecord>(
  state: ApprovalsPanelState,
  emptyText: (record: R) => string,
) {
  return (card: RecordCardProps<R>) => (
    <ApprovalsPanel
      {...card}
      state={state}
      emptyText={emptyText(card.record)}
    />
  );
}
