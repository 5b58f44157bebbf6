import { ReactNode } from 'react';
import { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { SlaTimerSummary } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef, SlaTimerFilter } from '../../api';
import {
  LinkedKind,
  PriorityChip,
  RecordLink,
  RecordListTable,
  RefLink,
  StateChip,
  RecordState,
  usePagedList,
} from '../shared';
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

  const columns: TableColumn<SlaTimerSummary>[] = [
    {
      title: 'Number',
      field: 'number',
      width: '9em',
      cellStyle: { whiteSpace: 'nowrap' },
      render: timer => (
        <RecordLink kind={timer.kind as LinkedKind} number={timer.number} />
      ),
    },
    { title: 'Title', field: 'title' },
    {
      title: 'Timer',
      field: 'status',
      cellStyle: { minWidth: '16em' },
      render: timer => <TimerSummaryBar timer={timer} />,
    },
    {
      title: 'State',
      field: 'state',
      render: timer => <StateChip state={timer.state as RecordState} />,
    },
    {
      title: 'Priority',
      field: 'priority',
      render: timer => <PriorityChip priority={timer.priority} />,
    },
    ...(showEntity
      ? [
          {
            title: 'CI',
            field: 'entityRef',
            render: (timer: SlaTimerSummary) => (
              <RefLink entityRef={timer.entityRef} />
            ),
          },
        ]
      : []),
    {
      title: 'Assignment group',
      field: 'assignmentGroup',
      render: timer => <RefLink entityRef={timer.assignmentGroup} />,
    },
    {
      title: 'Assignee',
      field: 'assignee',
      render: timer => (
        <RefLink entityRef={timer.assignee} empty="Unassigned" />
      ),
    },
  ];

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
