import { useEffect } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardActionArea from '@material-ui/core/CardActionArea';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { MyWork as MyWorkCounts } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import { approvalsRouteRef, rootRouteRef, slaRouteRef } from '../../routes';
import { ApprovalsCard } from '../approvals';
import { incidentDescriptor, MajorIncidentBanner } from '../incidents';
import { requestDescriptor } from '../requests';
import { DenseTable, humanizeRef, recordColumns } from '../shared';
import {
  KindRecord,
  ListFilterValues,
  listFilterLink,
  Me,
  RecordKindDescriptor,
} from '../records';
import { PAGE_KINDS, PageKindDescriptor } from './pageKinds';

/** One queue of "My work": its count, linking to the view that lists it. */
interface Tile {
  /** `my-work-<id>` is its test id. */
  id: string;
  /** What the tile says under its count. */
  label: string;
  /** Its accessible name, with the count after a colon. */
  name: string;
  count: number;
  to: string;
}

const QueueTile = (props: { tile: Tile }) => {
  const { tile } = props;
  return (
    <Card variant="outlined" style={{ height: '100%' }}>
      <CardActionArea
        component={RouterLink}
        to={tile.to}
        // A link, which ButtonBase would call a button.
        role="link"
        data-testid={`my-work-${tile.id}`}
        aria-label={`${tile.name}: ${tile.count}`}
        style={{ height: '100%' }}
      >
        <CardContent>
          <Typography
            variant="h4"
            component="p"
            color={tile.count ? 'textPrimary' : 'textSecondary'}
            data-testid={`my-work-${tile.id}-count`}
          >
            {tile.count}
          </Typography>
          <Typography variant="body2">{tile.label}</Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

/** A group of tiles: a region named by its heading. */
const TileGroup = (props: {
  title: string;
  subtitle?: string;
  tiles: Tile[];
}) => (
  <Box component="section" aria-label={props.title} mb={3}>
    <Typography variant="h6" component="h2">
      {props.title}
    </Typography>
    {props.subtitle && (
      <Typography variant="body2" color="textSecondary" gutterBottom>
        {props.subtitle}
      </Typography>
    )}
    <Grid container spacing={2}>
      {props.tiles.map(tile => (
        <Grid item xs={6} sm={4} md={3} key={tile.id}>
          <QueueTile tile={tile} />
        </Grid>
      ))}
    </Grid>
  </Box>
);

/** Links to the views of the page: a kind's with filters, the approvals, the SLA timers. */
function useViewLinks() {
  const root = useRouteRef(rootRouteRef);
  const approvals = useRouteRef(approvalsRouteRef);
  const sla = useRouteRef(slaRouteRef);
  return {
    approvals: () => approvals(),
    sla: (show: string) => `${sla()}?show=${show}`,
    // A view's route is a sub-route of the page: the page's path and its own.
    kind: (descriptor: PageKindDescriptor, values: ListFilterValues) =>
      listFilterLink(
        `${root().replace(/\/$/, '')}${descriptor.view.routeRef.path}`,
        values,
        descriptor,
      ),
  };
}

/** The tiles of the queues, from the counts. */
function tilesOf(
  work: MyWorkCounts,
  me: Me,
  links: ReturnType<typeof useViewLinks>,
) {
  // A queue of every kind: one tile a kind, with its id, name, count and filters.
  const perKind = (
    queue: string,
    whose: string,
    counts: Record<string, number>,
    filters: ListFilterValues,
  ): Tile[] =>
    PAGE_KINDS.map(({ descriptor, label }) => ({
      id: `${queue}-${descriptor.plural}`,
      label,
      name: `${descriptor.title} ${whose}`,
      count: counts[descriptor.kind],
      to: links.kind(descriptor, filters),
    }));
  const assigned = perKind('assigned', 'assigned to me', work.assignedToMe, {
    assignee: me.userEntityRef,
  });
  const groups = perKind('groups', 'of my groups', work.myGroups, {
    assignmentGroup: me.groups,
  });
  const attention: Tile[] = [
    {
      id: 'approvals',
      label: 'Waiting for my approval',
      name: 'Waiting for my approval',
      count: work.awaitingMyApproval,
      to: links.approvals(),
    },
    {
      id: 'to-fulfil',
      label: 'Requests to fulfil',
      name: 'Requests to fulfil',
      count: work.toFulfil,
      // As the backend counts them: approved or in fulfilment, of the user's groups.
      to: links.kind(requestDescriptor, {
        assignmentGroup: me.groups,
        state: ['approved', 'in_fulfillment'],
      }),
    },
    {
      id: 'breaching-soon',
      label: `Breaching within ${work.horizonHours} hours`,
      name: `Breaching soon (within ${work.horizonHours} hours)`,
      count: work.breachingSoon,
      to: links.sla('at-risk'),
    },
  ];
  return { assigned, groups, attention };
}

/**
 * The signed-in user's open records of a kind, the few newest, linking to all of them
 * in the kind's view.
 */
const MyOpenRecords = <R extends KindRecord, F>(props: {
  kind: RecordKindDescriptor<R, F>;
  me: Me;
  link: string;
  max?: number;
}) => {
  const { kind, me, max = 5 } = props;
  const itsmApi = useApi(itsmApiRef);
  const { value, loading, error } = useAsync(
    () =>
      kind.api.list(itsmApi, {
        assignee: me.userEntityRef,
        open: true,
        limit: max,
      } as F),
    [itsmApi, kind, me.userEntityRef, max],
  );
  const title = `My open ${kind.plural}`;
  return (
    <section aria-label={title} style={{ height: '100%' }}>
      <InfoCard
        title={title}
        noPadding
        deepLink={{ title: `All my ${kind.plural}`, link: props.link }}
      >
        {error ? (
          <ResponseErrorPanel error={error} />
        ) : (
          <DenseTable<R>
            isLoading={loading}
            columns={recordColumns<R>(
              ['number', 'title', 'state', 'priority', 'age'],
              {},
              kind.kind,
            )}
            data={value?.items ?? []}
            options={{ toolbar: false }}
            empty="Nothing assigned to you is open."
          />
        )}
      </InfoCard>
    </section>
  );
};

/**
 * "My work", the landing of the ITSM page: the signed-in user's queues with their live
 * counts (`GET /my-work`), each a tile opening the view that lists it, and under them
 * what matters most now: their open incidents and what waits for their approval.
 */
export const MyWork = (props: { me: Me }) => {
  const { me } = props;
  const itsmApi = useApi(itsmApiRef);
  const work = useAsyncRetry(() => itsmApi.getMyWork(), [itsmApi]);
  const links = useViewLinks();
  const { retry } = work;

  // Live counts: read again when the user comes back to the window.
  useEffect(() => {
    window.addEventListener('focus', retry);
    return () => window.removeEventListener('focus', retry);
  }, [retry]);

  let tiles;
  if (work.loading && !work.value) {
    tiles = <Progress />;
  } else if (work.error || !work.value) {
    tiles = (
      <ResponseErrorPanel
        error={work.error ?? new Error('No counts were returned')}
      />
    );
  } else {
    const { assigned, groups, attention } = tilesOf(work.value, me, links);
    tiles = (
      <>
        <TileGroup title="Needs me" tiles={attention} />
        <TileGroup title="Assigned to me" tiles={assigned} />
        {me.groups.length > 0 ? (
          <TileGroup
            title="My groups"
            subtitle={me.groups.map(humanizeRef).join(', ')}
            tiles={groups}
          />
        ) : (
          <Box component="section" aria-label="My groups" mb={3}>
            <Typography variant="h6" component="h2">
              My groups
            </Typography>
            <Typography variant="body2" color="textSecondary">
              You are not a member of any group in the catalog, so nothing is
              assigned to your groups.
            </Typography>
          </Box>
        )}
      </>
    );
  }

  return (
    <>
      <MajorIncidentBanner />
      {tiles}
      <Grid container spacing={3}>
        <Grid item xs={12} md={7}>
          <MyOpenRecords
            kind={incidentDescriptor}
            me={me}
            link={links.kind(incidentDescriptor, {
              assignee: me.userEntityRef,
            })}
          />
        </Grid>
        <Grid item xs={12} md={5}>
          <section aria-label="My pending approvals" style={{ height: '100%' }}>
            <ApprovalsCard maxItems={5} />
          </section>
        </Grid>
      </Grid>
    </>
  );
};
