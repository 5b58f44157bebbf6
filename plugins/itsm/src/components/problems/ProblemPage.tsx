import {
  isOpenState,
  Problem,
  PROBLEM_RESOLUTION_CODE_LABELS,
} from '@backstage-itsm/plugin-itsm-common';
import {
  AssigneeField,
  DescriptionField,
  DetailField as Field,
  FactsCard,
  LevelsField,
  humanizeRef,
  Notice,
  OutcomeFields,
  RecordTimes,
  PriorityChip,
  RefField,
  RefListField,
} from '../shared';
import { RecordPage, useRecordCall, useRecordPage } from '../records';
import { BlastRadiusCard } from '../impact';
import { problemDescriptor } from './descriptor';
import { ProblemAnalysisCard } from './ProblemAnalysisCard';
import { KnownErrorChip } from './ProblemChips';
import { FixChangesCard, LinkedIncidentsCard } from './ProblemRelationsCards';

/** The problem's facts: where, how bad, who works it, how it ended. */
const ProblemDetails = (props: { problem: Problem }) => {
  const { problem } = props;
  return (
    <FactsCard title="Details">
      {problem.description && (
        <DescriptionField description={problem.description} />
      )}
      <RefField label="Configuration item" entityRef={problem.entityRef} />
      <RefListField label="Also affected" refs={problem.affectedEntityRefs} />
      <LevelsField impact={problem.impact} urgency={problem.urgency} />
      <Field label="Priority">
        <PriorityChip priority={problem.priority} />
      </Field>
      <Field label="Linked incidents">{problem.incidentCount}</Field>
      <RefField label="Assignment group" entityRef={problem.assignmentGroup} />
      <AssigneeField assignee={problem.assignee} />
      <RefField label="Opened by" entityRef={problem.requester} />
      <OutcomeFields
        record={problem}
        outcome="resolution"
        labels={PROBLEM_RESOLUTION_CODE_LABELS}
      />
      <RecordTimes record={problem} />
    </FactsCard>
  );
};

/**
 * One problem: its state and the moves it allows (resolving asks how and why,
 * canceling why), its facts, SLA, analysis (symptoms, root cause, workaround) and known
 * error, the incidents it explains, the changes raised to fix it, and its timeline.
 * Acts only for those who may update it (its assignment group and assignee).
 */
export const ProblemPage = () => {
  const page = useRecordPage(problemDescriptor);
  const { id } = page;
  const incidents = useRecordCall(id, 'getProblemIncidents');
  const changes = useRecordCall(id, 'getProblemChanges');

  return (
    <RecordPage
      kind={problemDescriptor}
      page={page}
      alsoReload={[incidents, changes]}
      chips={record => record.knownError && <KnownErrorChip />}
      notices={record =>
        record.knownError &&
        isOpenState('problem', record.state) && (
          <Notice severity="info">
            Published as a known error: its workaround is shown to everyone who
            reports an incident on {humanizeRef(record.entityRef)} or on what
            depends on it.
          </Notice>
        )
      }
      mainWidth={7}
      details={({ record }) => <ProblemDetails problem={record} />}
      cards={[
        card => <ProblemAnalysisCard {...card} />,
        card => <LinkedIncidentsCard {...card} incidents={incidents} />,
        card => <FixChangesCard {...card} changes={changes} />,
        card => <BlastRadiusCard {...card} />,
      ]}
    />
  );
};
