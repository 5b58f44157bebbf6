import { ComponentType, ReactNode } from 'react';
import ShoppingCartIcon from '@material-ui/icons/ShoppingCart';
import { LinkButton } from '@backstage/core-components';
import { incidentDescriptor } from '../incidents';
import { changeDescriptor } from '../changes';
import { requestDescriptor } from '../requests';
import { problemDescriptor, ProblemsOverview } from '../problems';
import { useCreatePermission, useOptionalRouteRef } from '../shared';
import { KindRecord, Me, RecordKindDescriptor } from '../records';
import { serviceCatalogRouteRef } from '../../routes';
import { KindView } from './KindView';

/** What the page reads of a kind's descriptor besides its view. */
export type PageKindDescriptor = Pick<
  RecordKindDescriptor<KindRecord>,
  'kind' | 'title' | 'plural' | 'states' | 'codeFilter' | 'flagFilter' | 'view'
>;

/** A kind as the ITSM page shows it: a view of its own, a tab, and "My work" tiles. */
export interface PageKind {
  descriptor: PageKindDescriptor;
  /** The tab's label: "Incidents", "Requests". */
  label: string;
  /** The kind's view, for the signed-in user. */
  View: ComponentType<{ me: Me }>;
}

/** "Order from the service catalog", where the app has it and the user may order. */
const OrderFromCatalogButton = () => {
  const serviceCatalogLink = useOptionalRouteRef(serviceCatalogRouteRef);
  const mayOrder = useCreatePermission('request').allowed;
  if (!serviceCatalogLink || !mayOrder) return null;
  return (
    <LinkButton
      to={serviceCatalogLink()}
      role="link"
      variant="contained"
      color="primary"
      startIcon={<ShoppingCartIcon />}
    >
      Order from the service catalog
    </LinkButton>
  );
};

/** A kind's view, from its descriptor and what the page adds to it. */
function pageKind<R extends KindRecord, F>(
  kind: RecordKindDescriptor<R, F>,
  extras: {
    Actions?: ComponentType;
    around?: (list: ReactNode) => ReactNode;
  } = {},
): PageKind {
  const { Actions, around } = extras;
  const View = (props: { me: Me }) => (
    <KindView
      kind={kind}
      me={props.me}
      actions={Actions && <Actions />}
      around={around}
    />
  );
  return {
    descriptor: kind,
    label:
      kind.plural.charAt(0).toLocaleUpperCase('en-US') + kind.plural.slice(1),
    View,
  };
}

/**
 * The kinds of the ITSM page, in the order of its tabs: each a view of its own driven
 * by its descriptor (route, filters, queues). A new kind adds itself here.
 */
export const PAGE_KINDS: PageKind[] = [
  pageKind(incidentDescriptor),
  pageKind(changeDescriptor),
  // Requests are ordered from the catalog, not created here.
  pageKind(requestDescriptor, { Actions: OrderFromCatalogButton }),
  pageKind(problemDescriptor, {
    around: list => <ProblemsOverview list={list} />,
  }),
];
