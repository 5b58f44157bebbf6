import {
  isOpenState,
  LEVEL_LABELS,
  Problem,
  PROBLEM_RESOLUTION_CODE_LABELS,
} from '@backstage-itsm/plugin-itsm-common';
import {
  CodeField,
  DescriptionField,
  DetailField as Field,
  FactsCard,
  humanizeRef,
  Notice,
  NotesField,
  PriorityChip,
  RefField,
  RefList,
  TimeField,
} from '../shared';
import { RecordPage, useRecordCall, useRecordPage } from '../records';
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
      {problem.affectedEntityRefs.length > 0 && (
        <Field label="Also affected">
          <RefList refs={problem.affectedEntityRefs} />
        </Field>
      )}
      <Field label="Impact / urgency">
        {LEVEL_LABELS[problem.impact]} / {LEVEL_LABELS[problem.urgency]}
      </Field>
      <Field label="Priority">
        <PriorityChip priority={problem.priority} />
      </Field>
      <Field label="Linked incidents">{problem.incidentCount}</Field>
      <RefField label="Assignment group" entityRef={problem.assignmentGroup} />
      <RefField
        label="Assignee"
        entityRef={problem.assignee}
        empty="Unassigned"
      />
      <RefField label="Opened by" entityRef={problem.requester} />
      <CodeField
        label="Resolution code"
        code={problem.resolutionCode}
        labels={PROBLEM_RESOLUTION_CODE_LABELS}
      />
      <NotesField label="Resolution notes" text={problem.resolutionNotes} />
      <TimeField label="Opened" at={problem.createdAt} />
      <TimeField label="Updated" at={problem.updatedAt} />
      <TimeField label="Resolved" at={problem.resolvedAt} />
      <TimeField label="Closed" at={problem.closedAt} />
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
  const incidents = useRecordCall(id, (api, problem) =>
    api.getProblemIncidents(problem),
  );
  const changes = useRecordCall(id, (api, problem) =>
    api.getProblemChanges(problem),
  );

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
      ]}
    />
  );
};
