import Typography from '@material-ui/core/Typography';
import {
  OPEN_REQUEST_STATES,
  ServiceRequest,
  SlaTimer,
} from '@backstage-itsm/plugin-itsm-common';
import { CodeChip, formatDateTime, formatRelativeTime } from '../shared';
import { formatDurationMs } from '../sla/format';

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

/** When a request is due, as its page and its lists show it. */
export interface RequestDue {
  /** null while the clock is paused. */
  dueAt: string | null;
  overdue: boolean;
  /** Business time left, while paused. */
  leftMs?: number;
}

/**
 * When a request is due. Its resolution timer (on its page) has the last word: it counts
 * on the policy's calendar and moves with pauses, so the due time stored with the request
 * (target after submission, what lists show) is only the fallback. Without the timer,
 * overdue is past the stored time while open.
 */
export function requestDue(
  request: ServiceRequest,
  timer?: SlaTimer,
  now: number = Date.now(),
): RequestDue {
  if (!timer || timer.status === 'canceled') {
    return { dueAt: request.dueAt, overdue: isOverdue(request, now) };
  }
  const open = OPEN_REQUEST_STATES.includes(request.state);
  if (timer.status === 'paused') {
    return {
      dueAt: null,
      overdue: false,
      leftMs: Math.max(0, timer.target - timer.elapsed),
    };
  }
  return {
    // A stopped timer has no due time left: the request's own stands for the record.
    dueAt: timer.dueAt ?? request.dueAt,
    overdue: open && timer.status === 'breached',
  };
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
 * open and past it; "Paused" with the time left while its clock is paused. `timer` is
 * its resolution timer, where known (see {@link requestDue}).
 */
export const DueTime = (props: {
  request: ServiceRequest;
  timer?: SlaTimer;
}) => {
  const due = requestDue(props.request, props.timer);
  if (!due.dueAt) {
    return (
      <>
        <span>Paused</span>
        <Typography
          variant="caption"
          color="textSecondary"
          display="block"
          component="span"
        >
          {formatDurationMs(due.leftMs ?? 0)} left when it resumes
        </Typography>
      </>
    );
  }
  return (
    <>
      <span>{formatDateTime(due.dueAt)}</span>
      <Typography
        variant="caption"
        color="textSecondary"
        display="block"
        component="span"
      >
        {due.overdue ? <OverdueChip /> : formatRelativeTime(due.dueAt)}
      </Typography>
    </>
  );
};
