import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { MajorIncidentBanner as Banner } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import {
  ciEntityRef,
  formatDateTime,
  formatRelativeTime,
  IncidentLink,
  RefLink,
} from '../shared';

const BannerItem = (props: { banner: Banner }) => {
  const { banner } = props;
  const update = banner.latestUpdate;
  return (
    <Box mt={1} data-testid={`itsm-major-banner-${banner.number}`}>
      <Typography variant="body2">
        <IncidentLink number={banner.number} /> {banner.title} (
        {banner.priority}
        {banner.childCount > 0 &&
          `, ${banner.childCount} child incident${
            banner.childCount === 1 ? '' : 's'
          }`}
        )
      </Typography>
      {update ? (
        <Typography variant="body2">
          Latest update by <RefLink entityRef={update.actor} />{' '}
          <span title={formatDateTime(update.at)}>
            {formatRelativeTime(update.at)}
          </span>
          : {update.body}
        </Typography>
      ) : (
        <Typography variant="body2">No stakeholder update yet.</Typography>
      )}
    </Box>
  );
};

/**
 * The open major incidents impacting an entity (all the user may read without
 * `entityRef`), each with its latest stakeholder update; nothing when there are none
 * or they cannot be read (a banner never stands in the way of the page).
 *
 * @public
 */
export const MajorIncidentBanner = (props: { entityRef?: string }) => {
  const itsmApi = useApi(itsmApiRef);
  const { value } = useAsync(
    () => itsmApi.listMajorIncidents(props.entityRef),
    [itsmApi, props.entityRef],
  );
  if (!value?.length) return null;
  return (
    <Box mb={2} data-testid="itsm-major-banner">
      <Alert severity="error">
        <AlertTitle>
          {value.length === 1
            ? 'A major incident is open'
            : `${value.length} major incidents are open`}
        </AlertTitle>
        {value.map(banner => (
          <BannerItem key={banner.id} banner={banner} />
        ))}
      </Alert>
    </Box>
  );
};

/**
 * The major incident banner of the entity whose page it is on.
 *
 * @public
 */
export const EntityMajorIncidentBanner = () => {
  const { entity } = useEntity();
  return <MajorIncidentBanner entityRef={ciEntityRef(entity)} />;
};
