import { BackstageCredentials } from '@backstage/backend-plugin-api';

/** Who acts, and the credentials used to read the catalog on their behalf. */
export interface Actor {
  ref: string;
  credentials: BackstageCredentials;
}

/** The actor of what the plugin does by itself (auto-close, SLA warnings and breaches). */
export const SYSTEM_ACTOR = 'user:default/itsm-automation';

/**
 * An actor with the groups they belong to (their ownership refs), for acts whose
 * domain rules depend on membership: approving, fulfilling, raising standard changes.
 */
export interface Member extends Actor {
  ownershipEntityRefs: string[];
}
