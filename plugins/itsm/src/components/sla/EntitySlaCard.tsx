import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import {
  SlaSummary,
  SlaTimerSummary,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import { ciEntityRef, LinkedKind, NamedCard, RecordLink } from '../shared';
import { FigureRow, SummaryFigures } from './Figure';
import { TimerSummaryBar } from './SlaTimersTable';

/** The SLA of the entity in the current entity page's context, reloaded with it. */
export function useEntitySlaSummary() {
  const { entity } = useEntity();
  const entityRef = ciEntityRef(entity);
  const itsmApi = useApi(itsmApiRef);
  const state = useAsync(
    () => itsmApi.getSlaSummary({ entityRef }),
    [itsmApi, entityRef],
  );
  return { entityRef, ...state };
}

/** Timers that need someone, each with its record's link and title above its bar. */
export const TimerList = (props: {
  label: string;
  timers: SlaTimerSummary[];
}) => (
  <List dense aria-label={props.label} disablePadding>
    {props.timers.map(timer => (
      <ListItem
        key={`${timer.recordId}-${timer.metric}-${timer.cycle}`}
        disableGutters
        style={{ display: 'block' }}
      >
        <Typography variant="body2" component="div" noWrap>
          <RecordLink kind={timer.kind as LinkedKind} number={timer.number} />{' '}
          {timer.title}
        </Typography>
        <TimerSummaryBar timer={timer} />
      </ListItem>
    ))}
  </List>
);

const SlaCardBody = (props: { summary: SlaSummary; maxItems: number }) => {
  const { summary, maxItems } = props;
  const breaches = summary.openBreaches;
  return (
    <>
      <FigureRow>
        <SummaryFigures summary={summary} />
      </FigureRow>
      {breaches.length > 0 && (
        <TimerList label="Open breaches" timers={breaches.slice(0, maxItems)} />
      )}
      <Typography variant="subtitle2" component="h3">
        At risk
      </Typography>
      {summary.atRisk.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No open timer is at risk.
        </Typography>
      ) : (
        <TimerList label="At risk" timers={summary.atRisk.slice(0, maxItems)} />
      )}
    </>
  );
};

/**
 * Overview card "SLA" of a CI: compliance over 30 and 90 days, its open breaches and the
 * timers at risk with the time left, each linking to its record.
 */
export const EntitySlaCard = (props: { maxItems?: number }) => {
  const { maxItems = 5 } = props;
  const { value, loading, error } = useEntitySlaSummary();
  let body;
  if (loading) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else if (value) body = <SlaCardBody summary={value} maxItems={maxItems} />;
  return <NamedCard title="SLA">{body}</NamedCard>;
};
