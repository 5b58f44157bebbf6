import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  CommentVisibility,
  TimelineEntry,
} from '@backstage-itsm/plugin-itsm-common';
import { CommentableKind, CommentForm } from './CommentForm';
import { Timeline } from './Timeline';
import { RecordPermissions } from './usePermissions';

/**
 * What the signed-in user may add: work notes with the update permission (and only if
 * they may read them: a note that vanishes once written helps nobody), comments with
 * the kind's comment permission.
 */
function addableVisibilities(can: RecordPermissions): CommentVisibility[] {
  return [
    ...(can.update && can.readWorkNotes ? (['work_note'] as const) : []),
    ...(can.comment ? (['comment'] as const) : []),
  ];
}

/** Below the timeline: the form, as far as the user may add to it, or why there is none. */
const Composer = (props: {
  kind: CommentableKind;
  recordId: string;
  permissions: RecordPermissions;
  onAdded: () => void;
}) => {
  const { kind, recordId, permissions, onAdded } = props;
  // Nothing until the decisions are in: no form that then disappears.
  if (permissions.loading) return null;
  const visibilities = addableVisibilities(permissions);
  let form = null;
  if (visibilities.length > 0) {
    form = (
      <CommentForm
        kind={kind}
        recordId={recordId}
        visibilities={visibilities}
        onAdded={onAdded}
      />
    );
  } else if (!permissions.error) {
    form = (
      <Box mt={2}>
        <Typography variant="body2" color="textSecondary">
          You may read this {kind} but not add to its timeline.
        </Typography>
      </Box>
    );
  }
  return (
    <>
      {permissions.error && (
        // A decision that failed must not read as a refusal.
        <Box mt={2}>
          <Alert severity="warning">
            What you may do here could not be checked (
            {permissions.error.message}); reload the page to try again.
          </Alert>
        </Box>
      )}
      {form}
    </>
  );
};

/**
 * A record's timeline with the form to add a comment or work note below it, as far as
 * the signed-in user may add them. Work notes are left out by the server for those who
 * may not read them.
 */
export const TimelineCard = (props: {
  kind: CommentableKind;
  recordId: string;
  timeline: { value?: TimelineEntry[]; loading: boolean; error?: Error };
  permissions: RecordPermissions;
  onAdded: () => void;
}) => {
  const { kind, recordId, timeline, permissions, onAdded } = props;
  return (
    <InfoCard title="Timeline">
      {timeline.error && <ResponseErrorPanel error={timeline.error} />}
      {timeline.loading && !timeline.value && <Progress />}
      {timeline.value && <Timeline entries={timeline.value} kind={kind} />}
      <Composer
        kind={kind}
        recordId={recordId}
        permissions={permissions}
        onAdded={onAdded}
      />
    </InfoCard>
  );
};
