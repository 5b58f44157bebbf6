import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { SlaSummary } from '@backstage-itsm/plugin-itsm-common';
import { Figure, FigureRow, SummaryFigures } from './Figure';
import { NamedCard } from '../shared';
import { formatMeanTime } from './format';
import { SlaTrendChart } from './SlaTrendChart';
import { SlaTimersTable } from './SlaTimersTable';
import { useEntitySlaSummary } from './EntitySlaCard';

/** The period of "recent breaches" on an entity's tab. */
const BREACH_DAYS = 30;

/** Compliance, MTTA and MTTR as figures, and the weekly trend. */
export const SlaSummaryCard = (props: {
  title: string;
  summary: {
    value?: SlaSummary;
    loading: boolean;
    error?: Error;
  };
}) => {
  const { value, loading, error } = props.summary;
  let body;
  if (loading) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else if (value) {
    body = (
      <>
        <FigureRow>
          <SummaryFigures summary={value} />
          <Figure label="At risk" value={value.atRiskCount} />
          <Figure
            label="MTTA"
            value={formatMeanTime(value.mttaMs)}
            detail="mean time to acknowledge, 90 days"
          />
          <Figure
            label="MTTR"
            value={formatMeanTime(value.mttrMs)}
            detail="mean time to resolve, 90 days"
          />
        </FigureRow>
        <Typography variant="subtitle2" component="h3">
          Compliance per week
        </Typography>
        <SlaTrendChart trend={value.trend} />
      </>
    );
  }
  return <NamedCard title={props.title}>{body}</NamedCard>;
};

/**
 * The "SLA" section of an entity's service-management tab: its figures and trend, the
 * open timers of its records and its recent breaches.
 */
export const EntitySlaContent = () => {
  const summary = useEntitySlaSummary();
  const { entityRef } = summary;
  return (
    <Grid container spacing={3} direction="column">
      <Grid item>
        <SlaSummaryCard title="SLA" summary={summary} />
      </Grid>
      <Grid item>
        <SlaTimersTable
          title="Open SLA timers"
          filter={{ entityRef, open: true }}
          showEntity={false}
          emptyContent="No open record of this entity has a running SLA timer."
          pageSize={10}
        />
      </Grid>
      <Grid item>
        <SlaTimersTable
          title={`SLA breaches, last ${BREACH_DAYS} days`}
          filter={{ entityRef, status: ['breached'], days: BREACH_DAYS }}
          showEntity={false}
          emptyContent={`No SLA was breached on this entity in the last ${BREACH_DAYS} days.`}
          pageSize={10}
        />
      </Grid>
    </Grid>
  );
};
