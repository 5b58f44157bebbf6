import { LinkButton } from '@backstage/core-components';
import ShoppingCartIcon from '@material-ui/icons/ShoppingCart';
import { ServiceOfferingEntity } from '@backstage-itsm/plugin-itsm-common';
import { offeringRouteRef } from '../../routes';
import { useCreatePermission, useOptionalRouteRef } from '../shared';
import { offeringTitle } from './offering';

/** The path of an offering's order form; undefined where the app has no service catalog page. */
export function useOrderLink():
  | ((entity: ServiceOfferingEntity) => string)
  | undefined {
  const link = useOptionalRouteRef(offeringRouteRef);
  if (!link) return undefined;
  return entity =>
    link({
      namespace: entity.metadata.namespace ?? 'default',
      name: entity.metadata.name,
    });
}

/**
 * "Order", a link to the offering's order form, named `Order <title>` for assistive
 * technology (many of them stand on one page). A link, as it navigates (the button
 * look would otherwise give it the role of a button). Only for those who may order.
 */
export const OrderLink = (props: {
  entity: ServiceOfferingEntity;
  variant?: 'contained' | 'outlined';
}) => {
  const orderLink = useOrderLink();
  const create = useCreatePermission('request');
  if (!orderLink || !create.allowed) return null;
  return (
    <LinkButton
      to={orderLink(props.entity)}
      color="primary"
      variant={props.variant ?? 'contained'}
      startIcon={<ShoppingCartIcon />}
      role="link"
      aria-label={`Order ${offeringTitle(props.entity)}`}
    >
      Order
    </LinkButton>
  );
};
