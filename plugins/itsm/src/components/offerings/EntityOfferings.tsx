import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { isServiceOfferingEntity } from '@backstage-itsm/plugin-itsm-common';
import { ciEntityRef } from '../shared';
import { RequestsTable } from '../requests';
import { OfferingCard } from './OfferingCard';
import { OrderLink } from './OrderLink';
import { useOfferings } from './useOfferings';

/**
 * Sections of a CI's "Service management" tab when it provides service offerings: the
 * offerings (to order) and the requests made of them. Nothing for a CI that provides
 * none.
 */
export const EntityServiceOfferingsContent = () => {
  const { entity } = useEntity();
  const entityRef = ciEntityRef(entity);
  const offerings = useOfferings({ providedBy: entityRef });

  if (offerings.error) {
    return <ResponseErrorPanel error={offerings.error} />;
  }
  if (!offerings.value?.length) return null;
  return (
    <Grid container spacing={3} direction="column">
      <Grid item>
        <InfoCard title="Service offerings">
          <Grid container spacing={2}>
            {offerings.value.map(offering => (
              <Grid item xs={12} md={6} lg={4} key={offering.metadata.name}>
                <OfferingCard entity={offering} />
              </Grid>
            ))}
          </Grid>
        </InfoCard>
      </Grid>
      <Grid item>
        <RequestsTable title="Requests" filter={{ entityRef }} showRequester />
      </Grid>
    </Grid>
  );
};

/** The entity page card of a ServiceOffering: what to know, and "Order". */
export const EntityServiceOfferingCard = () => {
  const { entity } = useEntity();
  if (!isServiceOfferingEntity(entity)) return null;
  return <OfferingCard entity={entity} headingLevel="h2" />;
};

/** The requests made of a ServiceOffering, for its entity page, with "Order". */
export const EntityServiceOfferingRequestsContent = () => {
  const { entity } = useEntity();
  if (!isServiceOfferingEntity(entity)) {
    return (
      <Typography color="textSecondary">
        {entity.metadata.name} is not a service offering.
      </Typography>
    );
  }
  return (
    <RequestsTable
      title="Requests"
      filter={{ offeringRef: ciEntityRef(entity) }}
      showEntity={false}
      showRequester
      actions={<OrderLink entity={entity} />}
    />
  );
};
