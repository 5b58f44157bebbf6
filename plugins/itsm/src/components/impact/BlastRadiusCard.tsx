import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import {
  BlastRadius,
  ImpactedEntity,
  ImpactKind,
  ImpactStep,
  itsmApiRef,
} from '../../api';
import {
  humanizeRef,
  loadedBody,
  NamedCard,
  Notice,
  RecordCardProps,
  RefLink,
  RefList,
} from '../shared';

/**
 * How each step reads from the impacted side: a step `dependencyOf` from X to Y means
 * Y depends on X, so Y "depends on X".
 */
const RELATION_TEXT: Record<ImpactStep['relation'], string> = {
  dependencyOf: 'depends on',
  partOf: 'contains',
  providesApi: 'is provided by',
  apiConsumedBy: 'consumes',
};

/**
 * The way an entity is impacted, read from it back to the record's CI: "depends on
 * resource:payments-db" and, over more steps, "consumes component:payments-api, which
 * depends on resource:payments-db".
 */
export function impactWay(entity: ImpactedEntity): string {
  const from = (i: number) =>
    humanizeRef(i === 0 ? entity.origin : entity.path[i - 1].entityRef);
  return entity.path
    .map(
      (step, i) => `${RELATION_TEXT[step.relation] ?? step.relation} ${from(i)}`,
    )
    .reverse()
    .join(', which ');
}

/** The impacted entities by system and owner, in order of system then owner. */
export function impactGroups(
  radius: BlastRadius,
): Array<{ system?: string; owner?: string; entities: ImpactedEntity[] }> {
  const groups = new Map<
    string,
    { system?: string; owner?: string; entities: ImpactedEntity[] }
  >();
  // The record's own CIs are listed apart, never as impacted.
  const cis = new Set(radius.cis);
  for (const entity of radius.impacted) {
    if (cis.has(entity.entityRef)) continue;
    const key = `${entity.system ?? ''}\u0000${entity.owner ?? ''}`;
    const group = groups.get(key) ?? {
      system: entity.system,
      owner: entity.owner,
      entities: [],
    };
    group.entities.push(entity);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, group]) => group);
}

const ImpactedList = (props: { radius: BlastRadius }) => {
  const groups = impactGroups(props.radius);
  if (groups.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        Nothing else in the catalog depends on its CIs.
      </Typography>
    );
  }
  return (
    <>
      {groups.map(group => (
        <Box
          key={`${group.system ?? ''}/${group.owner ?? ''}`}
          mt={1}
          data-testid="itsm-blast-radius-group"
        >
          <Typography variant="subtitle2">
            System: <RefLink entityRef={group.system} empty="none" /> · Owner:{' '}
            <RefLink entityRef={group.owner} empty="unknown" />
          </Typography>
          <List dense disablePadding>
            {group.entities.map(entity => (
              <ListItem
                key={entity.entityRef}
                disableGutters
                data-testid={`itsm-impacted-${entity.entityRef}`}
              >
                <ListItemText
                  primary={
                    <>
                      <RefLink entityRef={entity.entityRef} />
                      {entity.tier && (
                        <>
                          {' '}
                          <Chip size="small" label={entity.tier} />
                        </>
                      )}
                    </>
                  }
                  secondary={impactWay(entity)}
                />
              </ListItem>
            ))}
          </List>
        </Box>
      ))}
    </>
  );
};

/**
 * What a record's CIs impact, computed from the catalog when the page opens (and again
 * after an edit): the reported CIs, then the impacted entities by system and owner, each
 * with its tier and the way it is impacted; a notice when the limits cut it short.
 */
export const BlastRadiusCard = (
  props: RecordCardProps<{ id: string; kind: ImpactKind; version: number }>,
) => {
  const { id, kind, version } = props.record;
  const itsmApi = useApi(itsmApiRef);
  const radius = useAsync(
    () => itsmApi.getImpact(kind, id),
    [itsmApi, kind, id, version],
  );
  return (
    <NamedCard title="Blast radius">
      <div data-testid="itsm-blast-radius">
        {loadedBody(radius, value => (
          <>
            <Typography variant="body2">
              Reported CIs: <RefList refs={value.cis} />
            </Typography>
            {value.truncated && (
              <Box mt={1} data-testid="itsm-blast-radius-truncated">
                <Notice severity="info">
                  Truncated: only the first {value.limits.maxEntities} entities
                  within {value.limits.maxDepth} steps are shown; more may be
                  impacted.
                </Notice>
              </Box>
            )}
            <ImpactedList radius={value} />
          </>
        ))}
      </div>
    </NamedCard>
  );
};
