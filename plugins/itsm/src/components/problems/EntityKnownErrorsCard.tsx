import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { ciEntityRef, NamedCard } from '../shared';
import { KnownErrorList } from './KnownErrorList';

/**
 * Overview card "Known errors" of a CI: the open known errors of the CI and of the CIs
 * it depends on, each with its workaround and a link to its problem.
 */
export const EntityKnownErrorsCard = () => {
  const { entity } = useEntity();
  const entityRef = ciEntityRef(entity);
  const itsmApi = useApi(itsmApiRef);
  const { value, loading, error } = useAsync(
    () => itsmApi.listKnownErrors(entityRef),
    [itsmApi, entityRef],
  );
  let body;
  if (loading) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else if (!value?.length)
    body = (
      <Typography variant="body2" color="textSecondary">
        No known error on this entity or what it depends on.
      </Typography>
    );
  else
    body = (
      <KnownErrorList
        label="Known errors"
        knownErrors={value}
        entityRef={entityRef}
      />
    );
  return <NamedCard title="Known errors">{body}</NamedCard>;
};
