import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { ReactNode } from 'react';
import { incidentRouteRef } from '../../routes';

/** A function from an incident's id or number to the path of its page. */
export function useIncidentLink(): (idOrNumber: string) => string {
  const link = useRouteRef(incidentRouteRef);
  return idOrNumber => link({ id: idOrNumber });
}

/** A link to an incident's page, labelled with its number unless told otherwise. */
export const IncidentLink = (props: {
  number: string;
  children?: ReactNode;
}) => {
  const link = useIncidentLink();
  return <Link to={link(props.number)}>{props.children ?? props.number}</Link>;
};
