import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { Priority } from '@backstage-itsm/plugin-itsm-common';
import { PriorityChip } from './PriorityChip';
import { LinkedKind, RecordLink } from './RecordLink';
import { StateChip } from './StateChip';

/** A value being loaded (react-use's async state). */
export interface Loaded<T> {
  value?: T;
  loading: boolean;
  error?: Error;
}

/** Progress, error, or the content of a loaded value. */
export function loadedBody<T>(
  state: Loaded<T>,
  render: (value: T) => ReactNode,
) {
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  if (state.value === undefined) return state.loading ? <Progress /> : null;
  return render(state.value);
}

/** What a list of linked records shows of each. */
export interface LinkedRecordRow {
  id: string;
  number: string;
  title: string;
  state: string;
  /** Shown as a chip after the state, where the kind has one. */
  priority?: string;
}

/**
 * The records linked to a record (`label` names the list): each by its link, title,
 * state and priority, with `secondary` under it and its `action` (a button) at its end;
 * `empty` when there are none, progress or the error while they load.
 */
export const LinkedRecordList = <T extends LinkedRecordRow>(props: {
  kind: LinkedKind;
  label: string;
  records: Loaded<T[]>;
  empty: string;
  secondary?: (record: T) => ReactNode;
  action?: (record: T) => ReactNode;
  testId?: (record: T) => string;
}) => (
  <>
    {loadedBody(props.records, records =>
      records.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {props.empty}
        </Typography>
      ) : (
        <List dense aria-label={props.label}>
          {records.map(record => (
            <ListItem
              key={record.id}
              disableGutters
              data-testid={props.testId?.(record)}
            >
              <ListItemText
                primary={
                  <>
                    <RecordLink kind={props.kind} number={record.number} />{' '}
                    {record.title} <StateChip state={record.state} />
                    {record.priority && (
                      <>
                        {' '}
                        <PriorityChip priority={record.priority as Priority} />
                      </>
                    )}
                  </>
                }
                secondary={props.secondary?.(record)}
              />
              {props.action && (
                <ListItemSecondaryAction>
                  {props.action(record)}
                </ListItemSecondaryAction>
              )}
            </ListItem>
          ))}
        </List>
      ),
    )}
  </>
);

/** A card's button that adds something (links a record, raises a change), under it. */
export const AddButton = (props: {
  testId: string;
  onClick: () => void;
  children: ReactNode;
}) => (
  <Box mt={1}>
    <Button
      size="small"
      color="primary"
      startIcon={<AddIcon />}
      data-testid={props.testId}
      onClick={props.onClick}
    >
      {props.children}
    </Button>
  </Box>
);

/** A linked record's "Unlink" button, named after the record for assistive technology. */
export const UnlinkButton = (props: {
  number: string;
  disabled?: boolean;
  onUnlink: (number: string) => void;
}) => (
  <Button
    size="small"
    aria-label={`Unlink ${props.number}`}
    onClick={() => props.onUnlink(props.number)}
    disabled={props.disabled}
  >
    Unlink
  </Button>
);
