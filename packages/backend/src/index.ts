import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// scaffolder plugin (templates)
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// ITSM template actions: itsm:incident:create, itsm:change:create, itsm:request:create
backend.add(import('@backstage-itsm/plugin-scaffolder-backend-module-itsm'));

// auth plugin, guest provider for local use
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// development only: sign in as any demo user of the catalog (auth.providers.demo)
backend.add(import('./auth/demoUsersProvider'));

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// ITSM: the ServiceOffering kind (validation, owner and provider relations)
backend.add(import('@backstage-itsm/plugin-catalog-backend-module-itsm'));

// permission plugin
backend.add(import('@backstage/plugin-permission-backend'));
// the ITSM permission policy (itsm.permissions in app-config.yaml): workers work
// their group's records, requesters see theirs without work notes, only the required
// groups approve, the admin group does everything; other plugins' permissions allowed
backend.add(import('@backstage-itsm/plugin-permission-backend-module-itsm'));

// search plugin, with the Postgres engine when on Postgres (falls back to Lunr)
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
// ITSM records in search, each found only by who may read it
backend.add(import('@backstage-itsm/plugin-search-backend-module-itsm'));

// events bus (notifications and signals publish through it)
backend.add(import('@backstage/plugin-events-backend'));

// user settings, notifications and signals
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// the ITSM plugin
backend.add(import('@backstage-itsm/plugin-itsm-backend'));

// MCP server over the actions registry (backend.actions.pluginSources): assistants call
// the ITSM actions as the signed-in user
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
