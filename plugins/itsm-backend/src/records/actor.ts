import { BackstageCredentials } from '@backstage/backend-plugin-api';

/** Who acts, and the credentials used to read the catalog on their behalf. */
export interface Actor {
  ref: string;
  credentials: BackstageCredentials;
}
