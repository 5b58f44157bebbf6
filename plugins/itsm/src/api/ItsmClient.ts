import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ApprovalQueueItem,
  ApprovalStep,
  Change,
  ChangeCalendar,
  ChangeCalendarQuery,
  ChangeListFilter,
  CreateChangeRequest,
  CreateIncidentRequest,
  DecideApprovalRequest,
  Incident,
  IncidentListFilter,
  Page,
  TimelineEntry,
  UpdateChangeRequest,
  UpdateIncidentRequest,
} from '@backstage-itsm/plugin-itsm-common';
import {
  AddCommentRequest,
  ChangeConflictsResponse,
  ItsmApi,
  LinkedIncident,
  TransitionChangeRequest,
  TransitionIncidentRequest,
} from './ItsmApi';

type QueryValue = string | number | boolean | readonly string[] | undefined;

/**
 * A query string from named values, in the given order. Arrays are repeated params
 * (`state=new&state=on_hold`), as the backend's OpenAPI spec declares them with
 * `explode: true`; empty values are left out. URLSearchParams encodes entity refs.
 */
export function buildQuery(values: Array<[string, QueryValue]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of values) {
    const list = Array.isArray(value) ? value : [value];
    for (const item of list) {
      if (item !== undefined && item !== '' && item !== false)
        params.append(name, String(item));
    }
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** `open` is ignored by the server when states are given; don't send both. */
function openParam(filter: { open?: boolean; state?: readonly string[] }) {
  return filter.open && !filter.state?.length ? 'true' : undefined;
}

/** The incident list query. */
export function incidentListQuery(filter: IncidentListFilter = {}): string {
  return buildQuery([
    ['entityRef', filter.entityRef],
    ['state', filter.state],
    ['open', openParam(filter)],
    ['priority', filter.priority],
    ['assignee', filter.assignee],
    ['requester', filter.requester],
    ['assignmentGroup', filter.assignmentGroup],
    ['q', filter.q],
    ['limit', filter.limit],
    ['cursor', filter.cursor],
  ]);
}

/** The change list query. */
export function changeListQuery(filter: ChangeListFilter = {}): string {
  return buildQuery([
    ['entityRef', filter.entityRef],
    ['state', filter.state],
    ['open', openParam(filter)],
    ['type', filter.type],
    ['assignee', filter.assignee],
    ['requester', filter.requester],
    ['assignmentGroup', filter.assignmentGroup],
    ['q', filter.q],
    ['limit', filter.limit],
    ['cursor', filter.cursor],
  ]);
}

/** The change calendar query. */
export function changeCalendarQuery(query: ChangeCalendarQuery): string {
  return buildQuery([
    ['from', query.from],
    ['to', query.to],
    ['entityRef', query.entityRef],
    ['assignmentGroup', query.assignmentGroup],
    ['state', query.state],
  ]);
}

const incidentPath = (id: string) => `/incidents/${encodeURIComponent(id)}`;
const changePath = (id: string) => `/changes/${encodeURIComponent(id)}`;

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
    return this.request(incidentPath(idOrNumber));
  }

  createIncident(request: CreateIncidentRequest): Promise<Incident> {
    return this.request('/incidents', { method: 'POST', body: request });
  }

  updateIncident(
    idOrNumber: string,
    request: UpdateIncidentRequest,
  ): Promise<Incident> {
    return this.request(incidentPath(idOrNumber), {
      method: 'PATCH',
      body: request,
    });
  }

  transitionIncident(
    idOrNumber: string,
    request: TransitionIncidentRequest,
  ): Promise<Incident> {
    return this.request(`${incidentPath(idOrNumber)}/transitions`, {
      method: 'POST',
      body: request,
    });
  }

  addComment(
    idOrNumber: string,
    request: AddCommentRequest,
  ): Promise<TimelineEntry> {
    return this.request(`${incidentPath(idOrNumber)}/comments`, {
      method: 'POST',
      body: request,
    });
  }

  getTimeline(idOrNumber: string): Promise<TimelineEntry[]> {
    return this.items(`${incidentPath(idOrNumber)}/timeline`);
  }

  listChanges(filter?: ChangeListFilter): Promise<Page<Change>> {
    return this.request(`/changes${changeListQuery(filter)}`);
  }

  getChange(idOrNumber: string): Promise<Change> {
    return this.request(changePath(idOrNumber));
  }

  createChange(request: CreateChangeRequest): Promise<Change> {
    return this.request('/changes', { method: 'POST', body: request });
  }

  updateChange(
    idOrNumber: string,
    request: UpdateChangeRequest,
  ): Promise<Change> {
    return this.request(changePath(idOrNumber), {
      method: 'PATCH',
      body: request,
    });
  }

  transitionChange(
    idOrNumber: string,
    request: TransitionChangeRequest,
  ): Promise<Change> {
    return this.request(`${changePath(idOrNumber)}/transitions`, {
      method: 'POST',
      body: request,
    });
  }

  getChangeApprovals(idOrNumber: string): Promise<ApprovalStep[]> {
    return this.items(`${changePath(idOrNumber)}/approvals`);
  }

  decideChangeApproval(
    idOrNumber: string,
    request: DecideApprovalRequest,
  ): Promise<Change> {
    return this.request(`${changePath(idOrNumber)}/approvals`, {
      method: 'POST',
      body: request,
    });
  }

  getChangeConflicts(idOrNumber: string): Promise<ChangeConflictsResponse> {
    return this.request(`${changePath(idOrNumber)}/conflicts`);
  }

  getChangeIncidents(idOrNumber: string): Promise<LinkedIncident[]> {
    return this.items(`${changePath(idOrNumber)}/incidents`);
  }

  addChangeComment(
    idOrNumber: string,
    request: AddCommentRequest,
  ): Promise<TimelineEntry> {
    return this.request(`${changePath(idOrNumber)}/comments`, {
      method: 'POST',
      body: request,
    });
  }

  getChangeTimeline(idOrNumber: string): Promise<TimelineEntry[]> {
    return this.items(`${changePath(idOrNumber)}/timeline`);
  }

  getChangeCalendar(query: ChangeCalendarQuery): Promise<ChangeCalendar> {
    return this.request(`/change-calendar${changeCalendarQuery(query)}`);
  }

  getPendingApprovals(): Promise<ApprovalQueueItem[]> {
    return this.items('/approvals/pending');
  }

  /** The `items` of an `{ items: [...] }` response. */
  private async items<T>(path: string): Promise<T[]> {
    const { items } = await this.request<{ items: T[] }>(path);
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
