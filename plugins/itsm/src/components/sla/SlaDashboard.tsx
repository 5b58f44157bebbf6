import { MouseEvent, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MuiLink from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { ResponseErrorPanel, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import {
  ChangeSuccessRow,
  SlaComplianceRow,
  SlaGroupBy,
  SlaTimerStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef, SlaTimerFilter } from '../../api';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import {
  DenseTable,
  humanizeRef,
  RefLink,
  SelectField,
  Toolbar,
} from '../shared';
import { formatCompliance, formatMeanTime } from './format';
import { SlaSummaryCard } from './EntitySlaContent';
import { SlaTimersTable } from './SlaTimersTable';

const PERIODS = [30, 90] as const;
type Period = (typeof PERIODS)[number];

/** What the timers table shows; the period ones follow the period of the report. */
interface TimerView {
  id: string;
  label: string;
  filter: (days: Period) => SlaTimerFilter;
}

/**
 * A view of the timers of `status` (any without): those still open, or those started,
 * stopped or due in the period.
 */
function timerView(
  id: string,
  label: string,
  when: 'open' | 'period',
  status?: SlaTimerStatus[],
): TimerView {
  return {
    id,
    label,
    filter: days => ({
      ...(status ? { status } : {}),
      ...(when === 'open' ? { open: true } : { days }),
    }),
  };
}

const TIMER_VIEWS: TimerView[] = [
  timerView('attention', 'Breached or at risk, open', 'open', [
    'breached',
    'at_risk',
  ]),
  timerView('open-breached', 'Breached, open', 'open', ['breached']),
  timerView('breached', 'Breached in the period', 'period', ['breached']),
  timerView('at-risk', 'At risk', 'open', ['at_risk']),
  timerView('met', 'Met in the period', 'period', ['met']),
  timerView('open', 'All open', 'open'),
  timerView('all', 'All in the period', 'period'),
];

const NOUN: Record<SlaGroupBy, string> = { group: 'group', system: 'system' };

/** "payments-team", "system:payments"; "No group" for records without one. */
function keyLabel(key: string | null, groupBy: SlaGroupBy): string {
  return key ? humanizeRef(key) : `No ${NOUN[groupBy]}`;
}

/** Sorts nulls (nothing measured) after every value. */
function byNullable<T>(pick: (row: T) => number | null) {
  return (a: T, b: T) => {
    const x = pick(a);
    const y = pick(b);
    if (x === null || y === null)
      return (x === null ? 1 : 0) - (y === null ? 1 : 0);
    return x - y;
  };
}

/** The fields of a row that hold a number. */
type NumberField<T> = {
  [K in keyof T]: T[K] extends number | null ? K : never;
}[keyof T] &
  string;

/**
 * A column of a figure a row may lack (no timer measured): shown by `format`, sorted
 * with the rows that lack it last.
 */
function figureColumn<T extends object>(
  title: string,
  field: NumberField<T>,
  format: (value: number | null) => string,
): TableColumn<T> {
  const pick = (row: T) => row[field] as number | null;
  return {
    title,
    field,
    customSort: byNullable(pick),
    render: row => format(pick(row)),
  };
}

/** Columns of counts, by title and field. */
function countColumns<T extends object>(
  counts: ReadonlyArray<[string, NumberField<T>]>,
): TableColumn<T>[] {
  return counts.map(([title, field]) => ({ title, field, type: 'numeric' }));
}

/** A count that opens the timers behind it, e.g. "2" open breaches of a group. */
const DrillCount = (props: {
  count: number;
  label: string;
  onClick?: () => void;
}) => {
  if (props.count === 0 || !props.onClick) return <>{props.count}</>;
  return (
    <MuiLink
      component="button"
      variant="body2"
      aria-label={props.label}
      onClick={(event: MouseEvent) => {
        // The row's own click opens the breaches of the period.
        event.stopPropagation();
        props.onClick?.();
      }}
    >
      {props.count}
    </MuiLink>
  );
};

/** The per-group or per-system compliance, worst first as the server sorts it. */
const ComplianceTable = (props: {
  groupBy: SlaGroupBy;
  days: Period;
  rows: SlaComplianceRow[];
  loading: boolean;
  selected?: string;
  onDrill: (key: string, view: string) => void;
}) => {
  const { groupBy, rows, selected, onDrill } = props;
  const theme = useTheme();
  const name = (row: SlaComplianceRow) => keyLabel(row.key, groupBy);
  /** A count of the row's timers that opens them (`view`), e.g. its open breaches. */
  const drillColumn = (
    title: string,
    field: 'openBreaches' | 'atRisk',
    what: string,
    view: string,
  ): TableColumn<SlaComplianceRow> => ({
    title,
    field,
    type: 'numeric',
    render: row => (
      <DrillCount
        count={row[field]}
        label={`${row[field]} ${what} of ${name(row)}`}
        onClick={row.key ? () => onDrill(row.key!, view) : undefined}
      />
    ),
  });
  const columns: TableColumn<SlaComplianceRow>[] = [
    {
      title: groupBy === 'group' ? 'Group' : 'System',
      field: 'key',
      customSort: (a, b) => name(a).localeCompare(name(b)),
      render: row =>
        row.key ? (
          <MuiLink
            component="button"
            variant="body2"
            title={row.key}
            style={{ textAlign: 'left' }}
            onClick={(event: MouseEvent) => {
              event.stopPropagation();
              onDrill(row.key!, 'breached');
            }}
          >
            {/* The entity's title, as the other tables show groups and systems. */}
            <EntityDisplayName entityRef={row.key} hideIcon disableTooltip />
          </MuiLink>
        ) : (
          <Typography variant="body2" color="textSecondary" component="span">
            {name(row)}
          </Typography>
        ),
    },
    figureColumn('Compliance', 'compliance', formatCompliance),
    ...countColumns<SlaComplianceRow>([
      ['Met', 'met'],
      ['Breached', 'breached'],
    ]),
    drillColumn(
      'Open breaches',
      'openBreaches',
      'open breaches',
      'open-breached',
    ),
    drillColumn('At risk', 'atRisk', 'at risk', 'at-risk'),
    figureColumn('MTTA', 'mttaMs', formatMeanTime),
    figureColumn('MTTR', 'mttrMs', formatMeanTime),
  ];
  return (
    <DenseTable<SlaComplianceRow>
      title={`Compliance by ${NOUN[groupBy]}, last ${props.days} days`}
      isLoading={props.loading}
      columns={columns}
      data={rows}
      onRowClick={(_event, row) => row?.key && onDrill(row.key, 'breached')}
      sorting
      options={{
        rowStyle: (row: SlaComplianceRow) =>
          row.key && row.key === selected
            ? { backgroundColor: theme.palette.action.selected }
            : {},
      }}
      empty={`No SLA timer was measured in the last ${props.days} days.`}
    />
  );
};

/** Changes closed in the period by close code, and the share that succeeded. */
const ChangeSuccessTable = (props: {
  groupBy: SlaGroupBy;
  days: Period;
  rows: ChangeSuccessRow[];
  loading: boolean;
}) => {
  const { groupBy } = props;
  const columns: TableColumn<ChangeSuccessRow>[] = [
    {
      title: groupBy === 'group' ? 'Group' : 'System',
      field: 'key',
      render: row =>
        row.key ? <RefLink entityRef={row.key} /> : keyLabel(row.key, groupBy),
    },
    figureColumn('Success rate', 'successRate', formatCompliance),
    ...countColumns<ChangeSuccessRow>([
      ['Closed', 'closed'],
      ['Successful', 'successful'],
      ['Successful with issues', 'successfulWithIssues'],
      ['Unsuccessful', 'unsuccessful'],
      ['Backed out', 'backedOut'],
    ]),
  ];
  return (
    <DenseTable<ChangeSuccessRow>
      title={`Change success rate by ${NOUN[groupBy]}, last ${props.days} days`}
      isLoading={props.loading}
      columns={columns}
      data={props.rows}
      sorting
      empty={`No change was closed in the last ${props.days} days.`}
    />
  );
};

/**
 * The "SLA" tab of the ITSM page: the organisation's compliance and trend, compliance
 * by group or by system (worst first) with a drill-down into the timers of a row, and
 * the change success rate. What is shown lives in the URL (`by`, `days`, `key`, `show`),
 * so a drill-down can be linked to and the back button undoes it.
 */
export const SlaDashboard = () => {
  const itsmApi = useApi(itsmApiRef);
  const [params, setParams] = useSearchParams();
  const groupBy: SlaGroupBy =
    params.get('by') === 'system' ? 'system' : 'group';
  const days: Period = params.get('days') === '90' ? 90 : 30;
  const key = params.get('key') ?? undefined;
  const view =
    TIMER_VIEWS.find(v => v.id === params.get('show')) ?? TIMER_VIEWS[0];
  const timersRef = useRef<HTMLDivElement>(null);

  const update = (changes: Record<string, string | undefined>) =>
    setParams(previous => {
      const next = new URLSearchParams(previous);
      for (const [name, value] of Object.entries(changes)) {
        if (value === undefined) next.delete(name);
        else next.set(name, value);
      }
      return next;
    });

  const summary = useAsync(() => itsmApi.getSlaSummary(), [itsmApi]);
  const report = useAsync(
    () => itsmApi.getSlaCompliance({ groupBy, days }),
    [itsmApi, groupBy, days],
  );

  const drill = (rowKey: string, viewId: string) => {
    update({ key: rowKey, show: viewId });
    // After the table below has its new title and rows.
    setTimeout(() =>
      timersRef.current?.scrollIntoView?.({ behavior: 'smooth' }),
    );
  };

  const scope: SlaTimerFilter = key
    ? { [groupBy === 'group' ? 'group' : 'system']: key }
    : {};

  return (
    <Grid container spacing={3} direction="column">
      <Grid item>
        <SlaSummaryCard title="Organisation" summary={summary} />
      </Grid>
      <Grid item component="section" aria-label="Compliance">
        <Toolbar gap={16}>
          <ToggleButtonGroup
            exclusive
            size="small"
            value={groupBy}
            aria-label="Compliance by"
            onChange={(_event, value: SlaGroupBy | null) =>
              // A group's ref is no system: the drill-down starts over.
              value && update({ by: value, key: undefined })
            }
          >
            <ToggleButton value="group">By group</ToggleButton>
            <ToggleButton value="system">By system</ToggleButton>
          </ToggleButtonGroup>
          <SelectField<Period>
            id="sla-period"
            label="Period"
            size="small"
            value={days}
            codes={PERIODS}
            labels={{ 30: 'Last 30 days', 90: 'Last 90 days' }}
            onChange={value => update({ days: String(value || 30) })}
          />
        </Toolbar>
        {report.error ? (
          <ResponseErrorPanel error={report.error} />
        ) : (
          <ComplianceTable
            groupBy={groupBy}
            days={days}
            rows={report.value?.rows ?? []}
            loading={report.loading}
            selected={key}
            onDrill={drill}
          />
        )}
      </Grid>
      <Grid item ref={timersRef} component="section" aria-label="SLA timers">
        <SlaTimersTable
          title={
            key
              ? `SLA timers of ${keyLabel(
                  key,
                  groupBy,
                )}: ${view.label.toLocaleLowerCase('en-US')}`
              : `SLA timers: ${view.label.toLocaleLowerCase('en-US')}`
          }
          filter={{ ...view.filter(days), ...scope }}
          filters={
            <>
              <SelectField
                id="sla-timers-show"
                label="Show"
                size="small"
                value={view.id}
                codes={TIMER_VIEWS.map(v => v.id)}
                labels={Object.fromEntries(
                  TIMER_VIEWS.map(v => [v.id, v.label]),
                )}
                onChange={value => update({ show: value || undefined })}
              />
              {key && (
                <Button
                  size="small"
                  variant="outlined"
                  onClick={() => update({ key: undefined })}
                >
                  Show every {NOUN[groupBy]}
                </Button>
              )}
            </>
          }
          emptyContent="No SLA timer matches."
        />
      </Grid>
      <Grid item component="section" aria-label="Change success rate">
        {report.error ? null : (
          <ChangeSuccessTable
            groupBy={groupBy}
            days={days}
            rows={report.value?.changeSuccess ?? []}
            loading={report.loading}
          />
        )}
      </Grid>
    </Grid>
  );
};
