import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  TableColumn,
} from '@backstage/core-components';
import { useMemo } from 'react';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ApprovalQueueItem } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import { approvalsRouteRef } from '../../routes';
import {
  formatAge,
  formatDateTime,
  LinkedKind,
  RecordLink,
  RecordListTable,
  RefLink,
} from '../shared';
import { DecisionButtons } from './DecisionButtons';

/** The open steps the signed-in user may decide, oldest first, and how to reload them. */
export function usePendingApprovals() {
  const itsmApi = useApi(itsmApiRef);
  return useAsyncRetry(() => itsmApi.getPendingApprovals(), [itsmApi]);
}

/** Kinds of records with approvals. */
export type ApprovedKind = 'change' | 'request';

/**
 * A record's approval steps for its page, which of them the signed-in user may decide
 * (from the queue: the server's word), and how to reload both after a decision.
 */
export function useRecordApprovals(
  kind: ApprovedKind,
  id: string,
  recordId: string | undefined,
) {
  const itsmApi = useApi(itsmApiRef);
  const approvals = useAsyncRetry(
    () =>
      kind === 'request'
        ? itsmApi.getRequestApprovals(id)
        : itsmApi.getChangeApprovals(id),
    [itsmApi, kind, id],
  );
  const pending = usePendingApprovals();
  const decidable = useMemo(
    () =>
      new Set(
        (pending.value ?? [])
          .filter(item => item.record.id === recordId)
          .map(item => item.step.id),
      ),
    [pending.value, recordId],
  );
  const { retry: retryApprovals } = approvals;
  const { retry: retryPending } = pending;
  const retry = () => {
    retryApprovals();
    retryPending();
  };
  return { approvals, decidable, retry };
}

/** A queue item's record as a link to its page (a change's or a request's). */
const QueueRecordLink = (props: { item: ApprovalQueueItem }) => (
  <RecordLink
    kind={props.item.record.kind as LinkedKind}
    number={props.item.record.number}
  />
);

const EMPTY_TEXT = 'Nothing is waiting for your approval.';

/**
 * "Waiting for my approval": the approval queue of the signed-in user, with Approve and
 * Reject on each row. A decided step leaves the queue.
 */
export const PendingApprovalsTable = () => {
  const pending = usePendingApprovals();

  const columns: TableColumn<ApprovalQueueItem>[] = [
    {
      title: 'Number',
      width: '9em',
      cellStyle: { whiteSpace: 'nowrap' },
      render: item => <QueueRecordLink item={item} />,
    },
    { title: 'Title', render: item => item.record.title },
    {
      title: 'CI',
      render: item => <RefLink entityRef={item.record.entityRef} />,
    },
    {
      title: 'Requester',
      render: item => <RefLink entityRef={item.record.requester} />,
    },
    {
      title: 'Approval',
      render: item => (
        <>
          {item.step.stageName}
          <Typography variant="caption" color="textSecondary" display="block">
            {item.step.reason}
          </Typography>
        </>
      ),
    },
    {
      title: 'Waiting',
      render: item => (
        <span title={formatDateTime(item.step.createdAt)}>
          {formatAge(item.step.createdAt)}
        </span>
      ),
    },
    {
      title: 'Decide',
      render: item => (
        <DecisionButtons
          record={item.record}
          step={item.step}
          onDone={pending.retry}
        />
      ),
    },
  ];

  return (
    <RecordListTable<ApprovalQueueItem>
      title="Waiting for my approval"
      loading={pending.loading}
      error={pending.error}
      columns={columns}
      page={{ items: pending.value ?? [] }}
      emptyContent={EMPTY_TEXT}
    />
  );
};

/**
 * A card with what waits for the signed-in user's approval, for the home page or a
 * user's or group's entity page; it links to the queue on the ITSM page.
 *
 * @public
 */
/**
 * How many steps wait for the signed-in user, and the oldest few: the body of the
 * approvals card and of the home page widget.
 */
export const PendingApprovalsSummary = (props: { maxItems?: number }) => {
  const { maxItems = 5 } = props;
  const pending = usePendingApprovals();

  let body;
  if (pending.loading && !pending.value) {
    body = <Progress />;
  } else if (pending.error) {
    body = <ResponseErrorPanel error={pending.error} />;
  } else {
    const items = pending.value ?? [];
    body = (
      <>
        <Typography variant="h4" component="p" data-testid="pending-count">
          {items.length}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {items.length === 0
            ? EMPTY_TEXT
            : `waiting for your approval${
                items.length > maxItems ? `, the oldest ${maxItems}:` : ''
              }`}
        </Typography>
        {items.length > 0 && (
          <List dense>
            {items.slice(0, maxItems).map(item => (
              <ListItem key={item.step.id} disableGutters>
                <ListItemText
                  primary={
                    <>
                      <QueueRecordLink item={item} /> {item.record.title}
                    </>
                  }
                  secondary={`${item.step.stageName} · waiting ${formatAge(
                    item.step.createdAt,
                  )}`}
                />
              </ListItem>
            ))}
          </List>
        )}
      </>
    );
  }

  return body;
};

/** "Waiting for my approval" as a card, linking to the full queue. */
export const ApprovalsCard = (props: { maxItems?: number }) => {
  const approvalsLink = useRouteRef(approvalsRouteRef);
  return (
    <InfoCard
      title="Waiting for my approval"
      deepLink={{
        title: 'Open the approval queue',
        link: approvalsLink(),
      }}
    >
      <PendingApprovalsSummary maxItems={props.maxItems} />
    </InfoCard>
  );
};
