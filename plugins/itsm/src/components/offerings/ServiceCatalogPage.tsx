import { useMemo, useState } from 'react';
import { Route, Routes } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import SearchIcon from '@material-ui/icons/Search';
import {
  Content,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { ServiceOfferingEntity } from '@backstage-itsm/plugin-itsm-common';
import { humanizeRef } from '../shared';
import { OfferingCard } from './OfferingCard';
import { OrderPage } from './OrderPage';
import { offeringTitle } from './offering';
import { useOfferings } from './useOfferings';

/** What the search box looks in: title, description, owner, type and tags. */
function matches(entity: ServiceOfferingEntity, query: string): boolean {
  const words = query.toLocaleLowerCase('en-US').split(/\s+/).filter(Boolean);
  const text = [
    offeringTitle(entity),
    entity.metadata.description,
    entity.spec.owner,
    humanizeRef(entity.spec.owner),
    entity.spec.type,
    ...(entity.metadata.tags ?? []),
  ]
    .filter(Boolean)
    .join(' ')
    .toLocaleLowerCase('en-US');
  return words.every(word => text.includes(word));
}

/** `database` → `Database`, `self-service` → `Self service`. */
function groupTitle(type: string): string {
  const words = type.replace(/[-_]+/g, ' ');
  return words.charAt(0).toLocaleUpperCase('en-US') + words.slice(1);
}

/** Offerings grouped by `spec.type`, the groups by name. */
function groupByType(offerings: ServiceOfferingEntity[]) {
  const groups = new Map<string, ServiceOfferingEntity[]>();
  for (const entity of offerings) {
    const type = entity.spec.type || 'other';
    groups.set(type, [...(groups.get(type) ?? []), entity]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** The offerings of the catalog, grouped by type, with a search box. */
const ServiceCatalogHome = () => {
  const offerings = useOfferings();
  const [query, setQuery] = useState('');
  const groups = useMemo(
    () =>
      groupByType(
        (offerings.value ?? []).filter(entity => matches(entity, query)),
      ),
    [offerings.value, query],
  );

  let body;
  if (offerings.loading) {
    body = <Progress />;
  } else if (offerings.error) {
    body = <ResponseErrorPanel error={offerings.error} />;
  } else if (!offerings.value?.length) {
    body = (
      <EmptyState
        missing="data"
        title="No service offerings yet"
        description="Teams offer what can be ordered by declaring kind: ServiceOffering entities in their catalog files."
      />
    );
  } else if (groups.length === 0) {
    body = (
      <Typography color="textSecondary" role="status">
        No offering matches “{query}”.
      </Typography>
    );
  } else {
    body = groups.map(([type, list]) => {
      const headingId = `itsm-offering-group-${type}`;
      return (
        <Box component="section" key={type} mb={4} aria-labelledby={headingId}>
          <Typography variant="h5" component="h2" id={headingId} gutterBottom>
            {groupTitle(type)}
          </Typography>
          <Grid container spacing={3}>
            {list.map(entity => (
              <Grid
                item
                xs={12}
                md={6}
                lg={4}
                key={`${entity.metadata.namespace}/${entity.metadata.name}`}
              >
                <OfferingCard entity={entity} />
              </Grid>
            ))}
          </Grid>
        </Box>
      );
    });
  }

  return (
    <Page themeId="tool">
      <Header
        title="Service catalog"
        subtitle="Order what the teams offer: databases, access, environments and more"
      />
      <Content>
        <Box mb={3} maxWidth={480}>
          <TextField
            id="itsm-offering-search"
            label="Search offerings"
            type="search"
            value={query}
            onChange={e => setQuery(e.target.value)}
            fullWidth
            variant="outlined"
            size="small"
            InputProps={{
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon />
                </InputAdornment>
              ),
            }}
          />
        </Box>
        {body}
      </Content>
    </Page>
  );
};

/**
 * The service catalog (`/service-catalog`) and the order form of each offering
 * (`/service-catalog/:namespace/:name`).
 */
export const ServiceCatalogPage = () => (
  <Routes>
    <Route path="/" element={<ServiceCatalogHome />} />
    <Route path="/:namespace/:name" element={<OrderPage />} />
  </Routes>
);
