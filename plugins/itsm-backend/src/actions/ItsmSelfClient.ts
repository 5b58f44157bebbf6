import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';

/**
 * The ITSM HTTP API called on behalf of a user, for the actions: each act goes through
 * the same routes as the portal's — the same validation, permissions (the user's),
 * audit and notifications — instead of a second path into the services.
 */
export class ItsmSelfClient {
  constructor(
    private readonly options: { auth: AuthService; discovery: DiscoveryService },
  ) {}

  async request<T>(
    credentials: BackstageCredentials,
    method: 'GET' | 'POST',
    path: string,
    options: { query?: Record<string, string | undefined>; body?: unknown } = {},
  ): Promise<T> {
    const { auth, discovery } = this.options;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'itsm',
    });
    const query = new URLSearchParams(
      Object.entries(options.query ?? {}).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      ),
    ).toString();
    const response = await fetch(
      `${await discovery.getBaseUrl('itsm')}${path}${query ? `?${query}` : ''}`,
      {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(options.body ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(options.body ? { body: JSON.stringify(options.body) } : {}),
      },
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}
