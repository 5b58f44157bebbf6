import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useNavigate } from 'react-router-dom';
import {
  Content,
  EmptyState,
  Header,
  InfoCard,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  identityApiRef,
  useApi,
  useRouteRef,
  useRouteRefParams,
} from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { offeringRouteRef, serviceCatalogRouteRef } from '../../routes';
import { useCreatePermission, useRequestLink } from '../shared';
import { OfferingFacts } from './OfferingFacts';
import { OrderForm } from './OrderForm';
import { offeringTitle, unavailableReason } from './offering';
import { useOffering } from './useOfferings';

/**
 * The order page of one offering (`/service-catalog/:namespace/:name`): its form (for
 * those who may order), and what to know about it beside; a submitted request opens on
 * its own page.
 */
export const OrderPage = () => {
  const { namespace, name } = useRouteRefParams(offeringRouteRef);
  const catalogLink = useRouteRef(serviceCatalogRouteRef);
  const requestLink = useRequestLink();
  const navigate = useNavigate();
  const identityApi = useApi(identityApiRef);
  const offering = useOffering(`serviceoffering:${namespace}/${name}`);
  const mayOrder = useCreatePermission('request');
  const { value: unavailable } = useAsync(async () => {
    if (!offering.value) return undefined;
    const identity = await identityApi.getBackstageIdentity();
    return unavailableReason(offering.value, identity.ownershipEntityRefs);
  }, [identityApi, offering.value]);

  const entity = offering.value;
  let content;
  if (offering.loading || mayOrder.loading) {
    content = <Progress />;
  } else if (offering.error) {
    content = <ResponseErrorPanel error={offering.error} />;
  } else if (!entity) {
    content = (
      <EmptyState
        missing="info"
        title="No such offering"
        description={`The catalog has no service offering ${namespace}/${name}.`}
        action={<Link to={catalogLink()}>Back to the service catalog</Link>}
      />
    );
  } else {
    content = (
      <Grid container spacing={3}>
        <Grid item xs={12} md={8}>
          <InfoCard title="Your request">
            {mayOrder.allowed && unavailable && (
              <Alert severity="warning" style={{ marginBottom: 16 }}>
                {unavailable} The request would be refused.
              </Alert>
            )}
            {mayOrder.allowed ? (
              <OrderForm
                offering={entity}
                onCreated={request => navigate(requestLink(request.number))}
              />
            ) : (
              <Alert severity="info">
                You are not allowed to order from the service catalog.
              </Alert>
            )}
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={4}>
          <InfoCard title="About this offering">
            {entity.metadata.description && (
              <Typography variant="body2" paragraph>
                {entity.metadata.description}
              </Typography>
            )}
            <Grid container spacing={2}>
              <OfferingFacts entity={entity} />
            </Grid>
            <Typography variant="body2" style={{ marginTop: 16 }}>
              <EntityRefLink entityRef={entity}>
                The offering in the catalog
              </EntityRefLink>
            </Typography>
          </InfoCard>
        </Grid>
      </Grid>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title={entity ? offeringTitle(entity) : name}
        type="Service catalog"
        typeLink={catalogLink()}
      />
      <Content>{content}</Content>
    </Page>
  );
};
