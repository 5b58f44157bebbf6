import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { KnownError } from '@backstage-itsm/plugin-itsm-common';
import { problemRouteRef } from '../../routes';
import { humanizeRef, useOptionalRouteRef } from '../shared';

const useStyles = makeStyles(theme => ({
  item: { display: 'block' },
  workaround: {
    marginTop: theme.spacing(0.5),
    padding: theme.spacing(0.5, 1),
    borderLeft: `4px solid ${theme.palette.success.main}`,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
  },
}));

/** Where a known error was found: on the CI itself, or on a CI it depends on. */
function foundOn(knownError: KnownError, entityRef?: string): string {
  const on = humanizeRef(knownError.entityRef);
  if (!entityRef || knownError.matchedEntityRef === entityRef)
    return `on ${on}`;
  return `on ${on}, which ${humanizeRef(entityRef)} depends on`;
}

/**
 * Known errors with their workarounds, newest first, each an item with the test id
 * `known-error-<number>` (`known-error-PRB-000001`); `action` adds a button to each (the
 * report dialog's "Attach to this problem"). `entityRef` is the CI they were asked for:
 * those found through a CI it depends on say so.
 */
export const KnownErrorList = (props: {
  knownErrors: KnownError[];
  entityRef?: string;
  /** The list's accessible name. */
  label: string;
  action?: (knownError: KnownError) => ReactNode;
}) => {
  const classes = useStyles();
  // The report dialog is also used where the ITSM page may not be mounted.
  const problemLink = useOptionalRouteRef(problemRouteRef);
  return (
    <List dense disablePadding aria-label={props.label}>
      {props.knownErrors.map(knownError => (
        <ListItem
          key={knownError.id}
          disableGutters
          className={classes.item}
          data-testid={`known-error-${knownError.number}`}
        >
          <Box display="flex" alignItems="center" gridGap={8} flexWrap="wrap">
            <Typography variant="body2" component="span">
              {problemLink ? (
                <Link to={problemLink({ id: knownError.number })}>
                  {knownError.number}
                </Link>
              ) : (
                knownError.number
              )}{' '}
              <strong>{knownError.title}</strong>
            </Typography>
            <Typography variant="caption" color="textSecondary">
              {foundOn(knownError, props.entityRef)}
            </Typography>
            <Box flexGrow={1} />
            {props.action?.(knownError)}
          </Box>
          {knownError.symptoms && (
            <Typography variant="body2" color="textSecondary">
              Symptoms: {knownError.symptoms}
            </Typography>
          )}
          <Typography
            variant="body2"
            component="div"
            className={classes.workaround}
          >
            <strong>Workaround:</strong> {knownError.workaround}
          </Typography>
        </ListItem>
      ))}
    </List>
  );
};
