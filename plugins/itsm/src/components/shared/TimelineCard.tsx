import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { TimelineEntry } from '@backstage-itsm/plugin-itsm-common';
import { CommentableKind, CommentForm } from './CommentForm';
import { Timeline } from './Timeline';

/** A record's timeline with the form to add a comment or work note below it. */
export const TimelineCard = (props: {
  kind: CommentableKind;
  recordId: string;
  timeline: { value?: TimelineEntry[]; loading: boolean; error?: Error };
  onAdded: () => void;
}) => {
  const { kind, recordId, timeline, onAdded } = props;
  return (
    <InfoCard title="Timeline">
      {timeline.error && <ResponseErrorPanel error={timeline.error} />}
      {timeline.loading && !timeline.value && <Progress />}
      {timeline.value && <Timeline entries={timeline.value} kind={kind} />}
      <CommentForm kind={kind} recordId={recordId} onAdded={onAdded} />
    </InfoCard>
  );
};
