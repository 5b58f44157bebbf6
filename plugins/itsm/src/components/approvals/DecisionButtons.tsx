import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import {
  ApprovalDecision,
  ApprovalStep,
  RecordKind,
} from '@backstage-itsm/plugin-itsm-common';
import { useRecordPermission } from '../shared';
import {
  ApprovalDecisionDialog,
  DecidedRecord,
  DECISION_LABELS,
} from './ApprovalDecisionDialog';

/**
 * "Approve" and "Reject" for a step the signed-in user may decide, with the dialog;
 * nothing without the approve permission of the record's kind (nor while it is asked).
 */
export const DecisionButtons = (props: {
  record: DecidedRecord;
  step: ApprovalStep;
  onDone: () => void;
}) => {
  const [decision, setDecision] = useState<ApprovalDecision>();
  const approve = useRecordPermission(
    props.record.kind as RecordKind,
    'approve',
    props.record.id,
  );
  if (!approve.allowed) return null;
  return (
    <Box display="flex" gridGap={8}>
      {(['approved', 'rejected'] as const).map(d => (
        <Button
          key={d}
          size="small"
          variant={d === 'approved' ? 'contained' : 'outlined'}
          color="primary"
          onClick={() => setDecision(d)}
        >
          {DECISION_LABELS[d]}
        </Button>
      ))}
      <ApprovalDecisionDialog
        record={props.record}
        step={props.step}
        decision={decision}
        onClose={() => setDecision(undefined)}
        onDone={() => {
          setDecision(undefined);
          props.onDone();
        }}
      />
    </Box>
  );
};
