import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { humanizeRef } from './format';

const LINKABLE_KINDS = [
  'user',
  'group',
  'component',
  'system',
  'resource',
  'api',
  'domain',
];

function isCatalogRef(ref: string): boolean {
  try {
    const { kind } = parseEntityRef(ref);
    return LINKABLE_KINDS.includes(kind.toLocaleLowerCase('en-US'));
  } catch {
    return false;
  }
}

/**
 * A user, group or CI ref as a link to its catalog page. Actors that are no catalog
 * entities (services, alert integrations) are shown as plain text.
 */
export const RefLink = (props: {
  entityRef: string | null | undefined;
  empty?: string;
}) => {
  const { entityRef, empty = '—' } = props;
  if (!entityRef) {
    return (
      <Typography component="span" variant="inherit" color="textSecondary">
        {empty}
      </Typography>
    );
  }
  if (!isCatalogRef(entityRef)) {
    return <span>{humanizeRef(entityRef)}</span>;
  }
  return <EntityRefLink entityRef={entityRef} hideIcon disableTooltip />;
};

/** Several refs as links, separated by `separator` (`, ` by default); `—` for none. */
export const RefList = (props: { refs: string[]; separator?: string }) => {
  const { refs, separator = ', ' } = props;
  if (refs.length === 0) return <RefLink entityRef={null} />;
  return (
    <>
      {refs.map((ref, i) => (
        <span key={ref}>
          {i > 0 && separator}
          <RefLink entityRef={ref} />
        </span>
      ))}
    </>
  );
};
