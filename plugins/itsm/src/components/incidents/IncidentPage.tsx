import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import PersonAddIcon from '@material-ui/icons/PersonAdd';
import { InfoCard } from '@backstage/core-components';
import {
  identityApiRef,
  useApi,
  useApiHolder,
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
import { itsmApiRef } from '../../api';
import { incidentRouteRef } from '../../routes';
import {
  DescriptionField,
  DetailField as Field,
  formatDateTime,
  Notice,
  RecordPageFrame,
  RefLink,
  RefList,
  RecordPageBody,
  useMoveDialog,
  useRecordPermissions,
  useSubmit,
} from '../shared';
import { RecordSlaCard, useRecordSla } from '../sla';
import { TransitionDialog } from './TransitionDialog';
import { CausedByChange } from './CausedByChange';
import { transitionLabel } from './transitions';

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

const IncidentDetails = (props: {
  incident: Incident;
  /** Whether the signed-in user may edit it (link the causing change). */
  editable: boolean;
  onUpdated: (incident: Incident) => void;
}) => {
  const { incident, editable, onUpdated } = props;
  return (
    <InfoCard title="Details">
      <Grid container spacing={2}>
        <DescriptionField description={incident.description} />
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
            <RefList refs={incident.affectedEntityRefs} />
          </Field>
        )}
        <Field label="Caused by change">
          <CausedByChange
            incident={incident}
            editable={editable}
            onUpdated={onUpdated}
          />
        </Field>
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
          <Field label="Resolution notes" wide preWrap>
            {incident.resolutionNotes}
          </Field>
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

/**
 * One incident: its fields, the moves it allows, "assign to me" and its timeline; acts
 * only for those who may update it (its assignment group and assignee).
 */
export const IncidentPage = () => {
  const { id } = useRouteRefParams(incidentRouteRef);
  const itsmApi = useApi(itsmApiRef);
  const identityApi = useApi(identityApiRef);
  const assign = useSubmit();

  const incident = useAsyncRetry(() => itsmApi.getIncident(id), [itsmApi, id]);
  const timeline = useAsyncRetry(() => itsmApi.getTimeline(id), [itsmApi, id]);
  const sla = useRecordSla('incident', id);
  const { value: me } = useAsync(
    async () => (await identityApi.getBackstageIdentity()).userEntityRef,
    [identityApi],
  );

  const reload = () => {
    incident.retry();
    timeline.retry();
    // A move starts, pauses or stops clocks.
    sla.retry();
  };
  const move = useMoveDialog<IncidentState>(reload);

  const current = incident.value;
  const can = useRecordPermissions('incident', current?.id);
  const isOpen = !!current && OPEN_INCIDENT_STATES.includes(current.state);
  const canAssignToMe =
    can.update && isOpen && !!me && current?.assignee !== me;
  const moves =
    current && can.update ? allowedIncidentTransitions(current.state) : [];

  const assignToMe = async () => {
    if (!me || !current) return;
    const updated = await assign.run(() =>
      itsmApi.updateIncident(current.id, {
        version: current.version,
        assignee: me,
      }),
    );
    if (updated) reload();
  };

  return (
    <RecordPageFrame
      kindLabel="Incident"
      id={id}
      record={incident}
      actions={record => (
        <>
          {canAssignToMe && (
            <Button
              variant="outlined"
              startIcon={<PersonAddIcon />}
              onClick={assignToMe}
              disabled={assign.submitting}
            >
              Assign to me
            </Button>
          )}
          {moves.map(to => (
            <Button
              key={to}
              variant={to === 'resolved' ? 'contained' : 'outlined'}
              color="primary"
              onClick={() => {
                assign.setError(undefined);
                move.open(to);
              }}
            >
              {transitionLabel(record.state, to)}
            </Button>
          ))}
        </>
      )}
    >
      {record => (
        <>
          {assign.error && (
            <Notice severity="error" onClose={() => assign.setError(undefined)}>
              {assign.error}
            </Notice>
          )}
          <RecordPageBody
            kind="incident"
            recordId={record.id}
            timeline={timeline}
            permissions={can}
          >
            <Grid item>
              <IncidentDetails
                incident={record}
                editable={can.update}
                onUpdated={reload}
              />
            </Grid>
            <Grid item>
              <RecordSlaCard kind="incident" sla={sla} />
            </Grid>
          </RecordPageBody>
          <TransitionDialog incident={record} {...move.dialog} />
        </>
      )}
    </RecordPageFrame>
  );
};
