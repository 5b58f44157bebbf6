import Typography from '@material-ui/core/Typography';
import {
  OPEN_REQUEST_STATES,
  ServiceRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { CodeChip, formatDateTime, formatRelativeTime } from '../shared';

/** Whether an open request is past its due time. */
export function isOverdue(
  request: Pick<ServiceRequest, 'state' | 'dueAt'>,
  now: number = Date.now(),
): boolean {
  return (
    OPEN_REQUEST_STATES.includes(request.state) &&
    new Date(request.dueAt).getTime() < now
  );
}

/** "Overdue", in the colours of alarm. */
export const OverdueChip = () => (
  <CodeChip
    label="Overdue"
    colors={{ bg: '#b71c1c', fg: '#fff', bold: true }}
    testId="request-overdue"
  />
);

/**
 * When a request is due: the date and time, how far away, and "Overdue" while it is
 * open and past it.
 */
export const DueTime = (props: { request: ServiceRequest }) => {
  const { request } = props;
  const overdue = isOverdue(request);
  return (
    <>
      <span>{formatDateTime(request.dueAt)}</span>
      <Typography
        variant="caption"
        color="textSecondary"
        display="block"
        component="span"
      >
        {overdue ? <OverdueChip /> : formatRelativeTime(request.dueAt)}
      </Typography>
    </>
  );
};
