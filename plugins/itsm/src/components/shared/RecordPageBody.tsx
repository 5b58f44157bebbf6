import { ReactNode } from 'react';
import Grid from '@material-ui/core/Grid';
import { TimelineEntry } from '@backstage-itsm/plugin-itsm-common';
import { CommentableKind } from './CommentForm';
import { TimelineCard } from './TimelineCard';
import { RecordPermissions } from './usePermissions';

/**
 * The body of a record's page: its cards on the left (one above the other), its
 * timeline with the comment form on the right.
 */
export const RecordPageBody = (props: {
  kind: CommentableKind;
  recordId: string;
  timeline: {
    value?: TimelineEntry[];
    loading: boolean;
    error?: Error;
    retry: () => void;
  };
  /** What the signed-in user may do to the record (`useRecordPermissions`). */
  permissions: RecordPermissions;
  /** Of 12 columns on large screens. */
  mainWidth?: 6 | 7 | 8;
  children: ReactNode;
}) => {
  const { kind, recordId, timeline, permissions, mainWidth = 6 } = props;
  const sideWidth = (12 - mainWidth) as 6 | 5 | 4;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={mainWidth}>
        <Grid container spacing={3} direction="column">
          {props.children}
        </Grid>
      </Grid>
      <Grid item xs={12} lg={sideWidth}>
        <TimelineCard
          kind={kind}
          recordId={recordId}
          timeline={timeline}
          permissions={permissions}
          onAdded={timeline.retry}
        />
      </Grid>
    </Grid>
  );
};
