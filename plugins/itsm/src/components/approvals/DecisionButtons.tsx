import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import {
  ApprovalDecision,
  ApprovalStep,
} from '@backstage-itsm/plugin-itsm-common';
import {
  ApprovalDecisionDialog,
  DecidedRecord,
  DECISION_LABELS,
} from './ApprovalDecisionDialog';

/** "Approve" and "Reject" for a step the signed-in user may decide, with the dialog. */
export const DecisionButtons = (props: {
  record: DecidedRecord;
  step: ApprovalStep;
  onDone: () => void;
}) => {
  const [decision, setDecision] = useState<ApprovalDecision>();
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
