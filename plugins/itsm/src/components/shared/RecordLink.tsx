import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { ReactNode } from 'react';
import { recordRouteRefs } from '../../routes';

/** Kinds of records that have a page of their own. */
export type LinkedKind = 'incident' | 'change' | 'request' | 'problem';

/** A function from a record's id or number to the path of its page. */
export function useRecordLink(
  kind: LinkedKind,
): (idOrNumber: string) => string {
  const link = useRouteRef(recordRouteRefs[kind]);
  return idOrNumber => link({ id: idOrNumber });
}

export const useIncidentLink = () => useRecordLink('incident');
export const useChangeLink = () => useRecordLink('change');
export const useRequestLink = () => useRecordLink('request');
export const useProblemLink = () => useRecordLink('problem');

/** A link to a record's page, labelled with its number unless told otherwise. */
export const RecordLink = (props: {
  kind: LinkedKind;
  number: string;
  children?: ReactNode;
}) => {
  const link = useRecordLink(props.kind);
  return <Link to={link(props.number)}>{props.children ?? props.number}</Link>;
};

export const IncidentLink = (props: {
  number: string;
  children?: ReactNode;
}) => <RecordLink kind="incident" {...props} />;

export const ChangeLink = (props: { number: string; children?: ReactNode }) => (
  <RecordLink kind="change" {...props} />
);

export const ProblemLink = (props: {
  number: string;
  children?: ReactNode;
}) => <RecordLink kind="problem" {...props} />;
