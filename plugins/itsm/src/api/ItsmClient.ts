import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CreateIncidentRequest,
  Incident,
  IncidentListFilter,
  Page,
  TimelineEntry,
  UpdateIncidentRequest,
} from '@backstage-itsm/plugin-itsm-common';
import {
  AddCommentRequest,
  ItsmApi,
  TransitionIncidentRequest,
} from './ItsmApi';

/**
 * Builds the list query. Arrays are repeated params (`state=new&state=on_hold`), as the
 * backend's OpenAPI spec declares them with `explode: true`.
 */
export function incidentListQuery(filter: IncidentListFilter = {}): string {
  const params = new URLSearchParams();
  const append = (name: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.append(name, String(value));
  };
  append('entityRef', filter.entityRef);
  for (const state of filter.state ?? []) append('state', state);
  // `open` is ignored by the server when states are given; don't send both.
  if (filter.open && !filter.state?.length) append('open', 'true');
  for (const priority of filter.priority ?? []) append('priority', priority);
  append('assignee', filter.assignee);
  append('requester', filter.requester);
  for (const group of filter.assignmentGroup ?? [])
    append('assignmentGroup', group);
  append('q', filter.q);
  append('limit', filter.limit);
  append('cursor', filter.cursor);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The default {@link ItsmApi}: talks to the `itsm` backend through the fetch API, which
 * adds the user's token.
 *
 * @public
 */
export class ItsmClient implements ItsmApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  listIncidents(filter?: IncidentListFilter): Promise<Page<Incident>> {
    return this.request(`/incidents${incidentListQuery(filter)}`);
  }

  getIncident(idOrNumber: string): Promise<Incident> {
    return this.request(`/incidents/${encodeURIComponent(idOrNumber)}`);
  }

  createIncident(request: CreateIncidentRequest): Promise<Incident> {
    return this.request('/incidents', { method: 'POST', body: request });
  }

  updateIncident(
    idOrNumber: string,
    request: UpdateIncidentRequest,
  ): Promise<Incident> {
    return this.request(`/incidents/${encodeURIComponent(idOrNumber)}`, {
      method: 'PATCH',
      body: request,
    });
  }

  transitionIncident(
    idOrNumber: string,
    request: TransitionIncidentRequest,
  ): Promise<Incident> {
    return this.request(
      `/incidents/${encodeURIComponent(idOrNumber)}/transitions`,
      { method: 'POST', body: request },
    );
  }

  addComment(
    idOrNumber: string,
    request: AddCommentRequest,
  ): Promise<TimelineEntry> {
    return this.request(
      `/incidents/${encodeURIComponent(idOrNumber)}/comments`,
      { method: 'POST', body: request },
    );
  }

  async getTimeline(idOrNumber: string): Promise<TimelineEntry[]> {
    const { items } = await this.request<{ items: TimelineEntry[] }>(
      `/incidents/${encodeURIComponent(idOrNumber)}/timeline`,
    );
    return items;
  }

  private async request<T>(
    path: string,
    options?: { method: string; body: unknown },
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('itsm');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method: options?.method ?? 'GET',
      headers: options ? { 'Content-Type': 'application/json' } : undefined,
      body: options ? JSON.stringify(options.body) : undefined,
    });
    if (!response.ok) {
      // Carries the server's message (e.g. "version is stale") for the UI to show.
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
