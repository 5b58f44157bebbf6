import { useState } from 'react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { formatAge, IncidentLink, PriorityChip, StateChip } from '../shared';
import { ReportIncidentButton } from './ReportIncidentButton';
import { ciEntityRef } from '../shared';

// Enough to count what a team can act on; beyond that the card says "100+".
const COUNT_LIMIT = 100;

/** Overview card: how many incidents are open on this entity, the newest few, report. */
export const EntityOpenIncidentsCard = (props: { maxItems?: number }) => {
  const { maxItems = 5 } = props;
  const { entity } = useEntity();
  const entityRef = ciEntityRef(entity);
  const itsmApi = useApi(itsmApiRef);
  const [reloadKey, setReloadKey] = useState(0);

  const { value, loading, error } = useAsync(
    () => itsmApi.listIncidents({ entityRef, open: true, limit: COUNT_LIMIT }),
    [itsmApi, entityRef, reloadKey],
  );

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else {
    const items = value?.items ?? [];
    const count = `${items.length}${value?.nextCursor ? '+' : ''}`;
    body = (
      <>
        <Typography
          variant="h4"
          component="p"
          data-testid="open-incident-count"
        >
          {count}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          open incident{items.length === 1 && !value?.nextCursor ? '' : 's'}
        </Typography>
        {items.length > 0 && (
          <List dense>
            {items.slice(0, maxItems).map(incident => (
              <ListItem key={incident.id} disableGutters>
                <ListItemText
                  primary={
                    <>
                      <IncidentLink number={incident.number} /> {incident.title}
                    </>
                  }
                  secondary={
                    <Box
                      component="span"
                      display="flex"
                      gridGap={8}
                      alignItems="center"
                    >
                      <StateChip state={incident.state} />
                      <PriorityChip priority={incident.priority} />
                      <span>{formatAge(incident.createdAt)} old</span>
                    </Box>
                  }
                  secondaryTypographyProps={{ component: 'div' }}
                />
              </ListItem>
            ))}
          </List>
        )}
      </>
    );
  }

  return (
    <InfoCard
      title="Open incidents"
      action={
        <Box mt={1} mr={1}>
          <ReportIncidentButton
            variant="text"
            entityRef={entityRef}
            onCreated={() => setReloadKey(k => k + 1)}
          />
        </Box>
      }
    >
      {body}
    </InfoCard>
  );
};
