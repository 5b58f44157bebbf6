import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  RecordKind,
  RecordSla,
  SlaMetric,
  SlaTimer,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import {
  DetailField as Field,
  formatDateTime,
  NamedCard,
  STATE_LABELS,
} from '../shared';
// The module, not the folder: the folder's index reaches back to the request page.
import { formatDuration } from '../offerings/offering';
import { SLA_METRIC_LABELS } from './format';
import { SlaExplanation } from './SlaExplanation';
import { SlaTimerBar } from './SlaTimerBar';

/** A record's SLA as its page loads it, with `retry` to reload it after a move. */
export function useRecordSla(kind: RecordKind, idOrNumber: string) {
  const itsmApi = useApi(itsmApiRef);
  return useAsyncRetry(
    () => itsmApi.getRecordSla(kind, idOrNumber),
    [itsmApi, kind, idOrNumber],
  );
}

/** One timer: its bar and "Why?", or, reopened, one of each per cycle. */
const TimerView = (props: { timer: SlaTimer }) => {
  const { timer } = props;
  const metric = SLA_METRIC_LABELS[timer.metric] ?? timer.metric;
  if (timer.cycles.length <= 1) {
    // The timer has no breach time of its own; its only cycle has, once breached.
    const breachedAt = timer.cycles[0]?.breachedAt;
    return (
      <>
        <SlaTimerBar name={metric} timer={{ ...timer, breachedAt }} />
        <SlaExplanation name={metric} entries={timer.explanation} />
      </>
    );
  }
  return (
    <Box mb={1}>
      <Typography variant="subtitle2" component="h3">
        {metric}: {timer.cycles.length} cycles (reopened)
      </Typography>
      {timer.cycles.map((cycle, i) => {
        const name = `${metric}, cycle ${i + 1}`;
        const span = `${formatDateTime(cycle.startedAt)} – ${
          cycle.stoppedAt ? formatDateTime(cycle.stoppedAt) : 'now'
        }`;
        return (
          <Box key={cycle.startedAt} pl={2}>
            <SlaTimerBar
              name={name}
              title={`Cycle ${i + 1}`}
              timer={{ ...cycle, target: timer.target }}
              extra={
                <Typography variant="caption" color="textSecondary">
                  {span}
                </Typography>
              }
            />
            <SlaExplanation name={name} entries={cycle.explanation} />
          </Box>
        );
      })}
    </Box>
  );
};

const METRIC_ORDER: SlaMetric[] = ['response', 'resolution'];

/** The policy's targets for people: "Response 15 minutes, resolution 4 hours". */
function describeTargets(targets: Partial<Record<SlaMetric, string>>): string {
  return METRIC_ORDER.filter(metric => targets[metric])
    .map(
      (metric, i) =>
        `${
          i === 0
            ? SLA_METRIC_LABELS[metric]
            : SLA_METRIC_LABELS[metric].toLocaleLowerCase('en-US')
        } ${formatDuration(targets[metric]!)}`,
    )
    .join(', ');
}

const SlaBody = (props: { sla: RecordSla; kind: RecordKind }) => {
  const { policy, timers } = props.sla;
  if (!policy) {
    return (
      <Typography variant="body2" color="textSecondary">
        No SLA policy applies to this {props.kind}.
      </Typography>
    );
  }
  const sorted = [...timers].sort(
    (a, b) => METRIC_ORDER.indexOf(a.metric) - METRIC_ORDER.indexOf(b.metric),
  );
  return (
    <>
      <Box mb={2}>
        <Grid container spacing={2}>
          <Field label="Policy" half>
            {policy.name}
          </Field>
          <Field label="Calendar" half>
            {policy.calendar}
          </Field>
          <Field label="Targets" half>
            {describeTargets(policy.targets) || '—'}
          </Field>
          <Field label="Paused while" half>
            {policy.pauseStates.length
              ? policy.pauseStates
                  .map(state => STATE_LABELS[state] ?? state)
                  .join(', ')
              : 'never'}
          </Field>
        </Grid>
      </Box>
      {sorted.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No timer has started yet.
        </Typography>
      ) : (
        sorted.map(timer => <TimerView key={timer.metric} timer={timer} />)
      )}
    </>
  );
};

/**
 * The "SLA" card of a record's page: the policy that applies (name, calendar, targets,
 * the states that pause it) and each timer as elapsed over target, every cycle of a
 * reopened incident, and why each clock started, paused and stopped.
 */
export const RecordSlaCard = (props: {
  kind: RecordKind;
  sla: { value?: RecordSla; loading: boolean; error?: Error };
}) => {
  const { value, loading, error } = props.sla;
  let body;
  if (error) body = <ResponseErrorPanel error={error} />;
  else if (loading && !value) body = <Progress />;
  else if (value) body = <SlaBody sla={value} kind={props.kind} />;
  return <NamedCard title="SLA">{body}</NamedCard>;
};
