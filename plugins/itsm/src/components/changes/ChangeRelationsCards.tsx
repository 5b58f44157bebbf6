import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { InfoCard } from '@backstage/core-components';
import { ChangeConflictsResponse, LinkedIncident } from '../../api';
import {
  ChangeLink,
  formatWindow,
  humanizeRef,
  LinkedRecordList,
  Loaded,
  loadedBody,
  StateChip,
} from '../shared';

/**
 * What the change collides with: committed changes on the same CIs (or what they depend
 * on) in an overlapping window, and freeze windows its window falls into.
 */
export const ConflictsCard = (props: {
  conflicts: Loaded<ChangeConflictsResponse>;
}) => (
  <InfoCard title="Conflicts">
    {loadedBody(props.conflicts, ({ conflicts, freezes }) => (
      <>
        {freezes.map(freeze => (
          <Alert
            key={`${freeze.name}-${freeze.start}`}
            severity="warning"
            style={{ marginBottom: 8 }}
          >
            In the freeze window <strong>{freeze.name}</strong> (
            {formatWindow(freeze.start, freeze.end)}): the platform team must
            approve.
          </Alert>
        ))}
        {conflicts.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            No scheduled or implementing change overlaps this one on the same
            CIs.
          </Typography>
        ) : (
          <List dense aria-label="Conflicting changes">
            {conflicts.map(conflict => (
              <ListItem key={conflict.change.id} disableGutters>
                <ListItemText
                  primary={
                    <>
                      <ChangeLink number={conflict.change.number} />{' '}
                      {conflict.change.title}{' '}
                      <StateChip state={conflict.change.state} />
                    </>
                  }
                  secondary={`${conflict.reason} · ${formatWindow(
                    conflict.change.plannedStart,
                    conflict.change.plannedEnd,
                  )} · ${conflict.entityRefs.map(humanizeRef).join(', ')}`}
                />
              </ListItem>
            ))}
          </List>
        )}
      </>
    ))}
  </InfoCard>
);

/** Incidents linked (from the incident page) as caused by this change. */
export const CausedIncidentsCard = (props: {
  incidents: Loaded<LinkedIncident[]>;
}) => (
  <InfoCard title="Incidents caused by this change">
    <LinkedRecordList
      kind="incident"
      label="Incidents caused by this change"
      records={props.incidents}
      empty="No incident is linked to this change."
    />
  </InfoCard>
);
