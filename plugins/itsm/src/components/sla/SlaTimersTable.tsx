import { ReactNode } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { SlaTimerSummary } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef, SlaTimerFilter } from '../../api';
import { recordColumns, RecordListTable, usePagedList } from '../shared';
import { SLA_METRIC_LABELS } from './format';
import { SlaTimerBar } from './SlaTimerBar';

/** "INC-000001 resolution": what a stored timer's bar is called. */
export function timerName(timer: SlaTimerSummary): string {
  const metric = SLA_METRIC_LABELS[timer.metric] ?? timer.metric;
  const cycle = timer.cycle > 1 ? `, cycle ${timer.cycle}` : '';
  return `${timer.number} ${metric.toLocaleLowerCase('en-US')}${cycle}`;
}

/** A stored timer's bar, titled by its metric (and cycle, after a reopen). */
export const TimerSummaryBar = (props: { timer: SlaTimerSummary }) => {
  const { timer } = props;
  const metric = SLA_METRIC_LABELS[timer.metric] ?? timer.metric;
  return (
    <SlaTimerBar
      name={timerName(timer)}
      title={timer.cycle > 1 ? `${metric} (cycle ${timer.cycle})` : metric}
      timer={timer}
    />
  );
};

/**
 * Stored timers with their records (`GET /sla/timers`), keyset-paged, in the server's
 * order: breached most overdue first, the others soonest due first. Each row links to
 * its record's page.
 */
export const SlaTimersTable = (props: {
  title: string;
  filter: Omit<SlaTimerFilter, 'limit' | 'cursor'>;
  /** Filter fields above the table, e.g. the status. */
  filters?: ReactNode;
  /** The CI column (not on an entity's own tab). */
  showEntity?: boolean;
  emptyContent: ReactNode;
  pageSize?: number;
}) => {
  const { showEntity = true, pageSize = 20 } = props;
  const itsmApi = useApi(itsmApiRef);
  const { value, loading, error, paging } = usePagedList<
    SlaTimerFilter,
    SlaTimerSummary
  >({
    filter: props.filter,
    own: {},
    pageSize,
    reloadKey: 0,
    fetch: filter => itsmApi.listSlaTimers(filter),
  });

  const columns = recordColumns<SlaTimerSummary>(
    [
      'number',
      'title',
      {
        title: 'Timer',
        field: 'status',
        cellStyle: { minWidth: '16em' },
        render: timer => <TimerSummaryBar timer={timer} />,
      },
      'state',
      'priority',
      'entity',
      'assignmentGroup',
      'assignee',
    ],
    { entity: showEntity },
  );

  return (
    <RecordListTable<SlaTimerSummary>
      title={props.title}
      columns={columns}
      filters={props.filters}
      loading={loading}
      error={error}
      page={value}
      paging={paging}
      emptyContent={props.emptyContent}
    />
  );
};
