import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import PersonAddIcon from '@material-ui/icons/PersonAdd';
import {
  Content,
  Header,
  InfoCard,
  Link,
  MarkdownContent,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  identityApiRef,
  useApi,
  useApiHolder,
  useRouteRef,
  useRouteRefParams,
} from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  allowedIncidentTransitions,
  HOLD_REASON_LABELS,
  Incident,
  IncidentState,
  LEVEL_LABELS,
  OPEN_INCIDENT_STATES,
  RESOLUTION_CODE_LABELS,
} from '@backstage-itsm/plugin-itsm-common';
import { errorMessage, itsmApiRef } from '../../api';
import { incidentRouteRef, rootRouteRef } from '../../routes';
import {
  formatDateTime,
  PriorityChip,
  RefLink,
  StateChip,
  Timeline,
} from '../shared';
import { TransitionDialog } from './TransitionDialog';
import { CommentForm } from './CommentForm';
import { transitionLabel } from './transitions';

const Field = (props: { label: string; children: React.ReactNode }) => (
  <Grid item xs={12} sm={6} md={4}>
    <Typography variant="caption" color="textSecondary" display="block">
      {props.label}
    </Typography>
    <Typography variant="body2" component="div">
      {props.children}
    </Typography>
  </Grid>
);

/** The owner of the CI, read from the catalog when the catalog API is installed. */
const CiOwner = (props: { entityRef: string }) => {
  const catalogApi = useApiHolder().get(catalogApiRef);
  const { value } = useAsync(async () => {
    if (!catalogApi) return undefined;
    const entity = await catalogApi.getEntityByRef(props.entityRef);
    return entity?.relations?.find(r => r.type === RELATION_OWNED_BY)
      ?.targetRef;
  }, [catalogApi, props.entityRef]);
  return <RefLink entityRef={value} empty="unknown" />;
};

const IncidentDetails = (props: { incident: Incident }) => {
  const { incident } = props;
  return (
    <InfoCard title="Details">
      <Grid container spacing={2}>
        <Grid item xs={12}>
          {incident.description ? (
            <MarkdownContent content={incident.description} />
          ) : (
            <Typography variant="body2" color="textSecondary">
              No description.
            </Typography>
          )}
        </Grid>
        <Field label="Configuration item">
          <RefLink entityRef={incident.entityRef} />
        </Field>
        <Field label="CI owner">
          <CiOwner entityRef={incident.entityRef} />
        </Field>
        <Field label="Assignment group">
          <RefLink entityRef={incident.assignmentGroup} />
        </Field>
        <Field label="Requester">
          <RefLink entityRef={incident.requester} />
        </Field>
        <Field label="Assignee">
          <RefLink entityRef={incident.assignee} empty="Unassigned" />
        </Field>
        <Field label="Impact / urgency">
          {LEVEL_LABELS[incident.impact]} / {LEVEL_LABELS[incident.urgency]}
        </Field>
        {incident.affectedEntityRefs.length > 0 && (
          <Field label="Also affected">
            {incident.affectedEntityRefs.map((ref, i) => (
              <span key={ref}>
                {i > 0 && ', '}
                <RefLink entityRef={ref} />
              </span>
            ))}
          </Field>
        )}
        {incident.holdReason && (
          <Field label="Hold reason">
            {HOLD_REASON_LABELS[incident.holdReason]}
          </Field>
        )}
        {incident.resolutionCode && (
          <Field label="Resolution code">
            {RESOLUTION_CODE_LABELS[incident.resolutionCode]}
          </Field>
        )}
        {incident.resolutionNotes && (
          <Grid item xs={12}>
            <Typography variant="caption" color="textSecondary" display="block">
              Resolution notes
            </Typography>
            <Typography variant="body2" style={{ whiteSpace: 'pre-wrap' }}>
              {incident.resolutionNotes}
            </Typography>
          </Grid>
        )}
        <Field label="Opened">{formatDateTime(incident.createdAt)}</Field>
        <Field label="Updated">{formatDateTime(incident.updatedAt)}</Field>
        <Field label="Acknowledged">
          {formatDateTime(incident.acknowledgedAt) || '—'}
        </Field>
        {incident.resolvedAt && (
          <Field label="Resolved">{formatDateTime(incident.resolvedAt)}</Field>
        )}
        {incident.closedAt && (
          <Field label="Closed">{formatDateTime(incident.closedAt)}</Field>
        )}
      </Grid>
    </InfoCard>
  );
};

/** One incident: its fields, the moves it allows, "assign to me" and its timeline. */
export const IncidentPage = () => {
  const { id } = useRouteRefParams(incidentRouteRef);
  const itsmApi = useApi(itsmApiRef);
  const identityApi = useApi(identityApiRef);
  const rootLink = useRouteRef(rootRouteRef);
  const [transitionTo, setTransitionTo] = useState<IncidentState>();
  const [actionError, setActionError] = useState<string>();
  const [assigning, setAssigning] = useState(false);

  const incident = useAsyncRetry(() => itsmApi.getIncident(id), [itsmApi, id]);
  const timeline = useAsyncRetry(() => itsmApi.getTimeline(id), [itsmApi, id]);
  const { value: me } = useAsync(
    async () => (await identityApi.getBackstageIdentity()).userEntityRef,
    [identityApi],
  );

  const reload = () => {
    incident.retry();
    timeline.retry();
  };

  const header = (
    <Header
      title={incident.value ? incident.value.title : id}
      subtitle={incident.value?.number}
      type="Incident"
      typeLink={rootLink()}
    />
  );

  if (incident.loading && !incident.value) {
    return (
      <Page themeId="tool">
        {header}
        <Content>
          <Progress />
        </Content>
      </Page>
    );
  }
  if (incident.error || !incident.value) {
    return (
      <Page themeId="tool">
        {header}
        <Content>
          <ResponseErrorPanel
            error={incident.error ?? new Error(`Incident ${id} not found`)}
          />
          <Box mt={2}>
            <Link to={rootLink()}>Back to service management</Link>
          </Box>
        </Content>
      </Page>
    );
  }

  const current = incident.value;
  const isOpen = OPEN_INCIDENT_STATES.includes(current.state);
  const canAssignToMe = isOpen && !!me && current.assignee !== me;

  const assignToMe = async () => {
    if (!me) return;
    setAssigning(true);
    setActionError(undefined);
    try {
      await itsmApi.updateIncident(current.id, {
        version: current.version,
        assignee: me,
      });
      reload();
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setAssigning(false);
    }
  };

  return (
    <Page themeId="tool">
      {header}
      <Content>
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          gridGap={8}
          mb={2}
        >
          <Typography variant="h6" component="span">
            {current.number}
          </Typography>
          <StateChip state={current.state} />
          <PriorityChip priority={current.priority} />
          <Box flexGrow={1} />
          {canAssignToMe && (
            <Button
              variant="outlined"
              startIcon={<PersonAddIcon />}
              onClick={assignToMe}
              disabled={assigning}
            >
              Assign to me
            </Button>
          )}
          {allowedIncidentTransitions(current.state).map(to => (
            <Button
              key={to}
              variant={to === 'resolved' ? 'contained' : 'outlined'}
              color="primary"
              onClick={() => {
                setActionError(undefined);
                setTransitionTo(to);
              }}
            >
              {transitionLabel(current.state, to)}
            </Button>
          ))}
        </Box>
        {actionError && (
          <Box mb={2}>
            <Alert severity="error" onClose={() => setActionError(undefined)}>
              {actionError}
            </Alert>
          </Box>
        )}
        <Grid container spacing={3}>
          <Grid item xs={12} lg={6}>
            <IncidentDetails incident={current} />
          </Grid>
          <Grid item xs={12} lg={6}>
            <InfoCard title="Timeline">
              {timeline.error && <ResponseErrorPanel error={timeline.error} />}
              {timeline.loading && !timeline.value && <Progress />}
              {timeline.value && <Timeline entries={timeline.value} />}
              <CommentForm incidentId={current.id} onAdded={timeline.retry} />
            </InfoCard>
          </Grid>
        </Grid>
        <TransitionDialog
          incident={current}
          to={transitionTo}
          onClose={() => setTransitionTo(undefined)}
          onDone={() => {
            setTransitionTo(undefined);
            reload();
          }}
        />
      </Content>
    </Page>
  );
};
