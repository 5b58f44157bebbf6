import Button from '@material-ui/core/Button';
import PersonAddIcon from '@material-ui/icons/PersonAdd';
import { useApi, useApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import {
  HOLD_REASON_LABELS,
  Incident,
  OPEN_INCIDENT_STATES,
  RESOLUTION_CODE_LABELS,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import {
  AssigneeField,
  CodeField,
  DescriptionField,
  DetailField as Field,
  FactsCard,
  LevelsField,
  Notice,
  OutcomeFields,
  RecordTimes,
  RecordCardProps,
  RefField,
  RefLink,
  RefListField,
  useSubmit,
} from '../shared';
import { RecordPage, useRecordPage } from '../records';
import { IncidentProblemCard } from '../problems';
import { BlastRadiusCard } from '../impact';
import { CausedByChange } from './CausedByChange';
import { MajorIncidentCard } from './MajorIncidentCard';
import { incidentDescriptor } from './descriptor';
import { patchIncident } from './patchIncident';

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

/** The incident's facts; editable: the causing change may be linked. */
const IncidentDetails = (props: RecordCardProps<Incident>) => {
  const { record: incident, editable, onUpdated } = props;
  return (
    <FactsCard title="Details">
      <DescriptionField description={incident.description} />
      <RefField label="Configuration item" entityRef={incident.entityRef} />
      <Field label="CI owner">
        <CiOwner entityRef={incident.entityRef} />
      </Field>
      <RefField label="Assignment group" entityRef={incident.assignmentGroup} />
      <RefField label="Requester" entityRef={incident.requester} />
      <AssigneeField assignee={incident.assignee} />
      <LevelsField impact={incident.impact} urgency={incident.urgency} />
      <RefListField label="Also affected" refs={incident.affectedEntityRefs} />
      <Field label="Caused by change">
        <CausedByChange
          incident={incident}
          editable={editable}
          onUpdated={onUpdated}
        />
      </Field>
      <CodeField
        label="Hold reason"
        code={incident.holdReason}
        labels={HOLD_REASON_LABELS}
      />
      <OutcomeFields
        record={incident}
        outcome="resolution"
        labels={RESOLUTION_CODE_LABELS}
      />
      <RecordTimes record={incident} acknowledged />
    </FactsCard>
  );
};

/**
 * One incident: its fields, the moves it allows, "assign to me", the problem behind it
 * and its timeline; acts only for those who may update it (its assignment group and
 * assignee).
 */
export const IncidentPage = () => {
  const itsmApi = useApi(itsmApiRef);
  const assign = useSubmit();
  const page = useRecordPage(incidentDescriptor);
  const { can, reload } = page;
  const me = page.actor?.userEntityRef;

  const current = page.record.value;
  const isOpen = !!current && OPEN_INCIDENT_STATES.includes(current.state);
  const canAssignToMe =
    can.update && isOpen && !!me && current?.assignee !== me;

  const assignToMe = async () => {
    if (!me || !current) return;
    await assign.runThen(
      () => patchIncident(itsmApi, current, { assignee: me }),
      reload,
    );
  };

  return (
    <RecordPage
      kind={incidentDescriptor}
      page={page}
      onMove={() => assign.setError(undefined)}
      actions={() =>
        canAssignToMe && (
          <Button
            variant="outlined"
            startIcon={<PersonAddIcon />}
            onClick={assignToMe}
            disabled={assign.submitting}
          >
            Assign to me
          </Button>
        )
      }
      notices={() =>
        assign.error && (
          <Notice severity="error" onClose={() => assign.setError(undefined)}>
            {assign.error}
          </Notice>
        )
      }
      details={card => <IncidentDetails {...card} />}
      cards={[
        card => <MajorIncidentCard {...card} />,
        card => <IncidentProblemCard {...card} />,
        card => <BlastRadiusCard {...card} />,
      ]}
    />
  );
};
