import {
  DiscoveryApi,
  discoveryApiRef,
  FetchApi,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { kindDeclaration } from '@backstage-itsm/plugin-itsm-common';
// Its types by namespace: ItsmApi.ts lists them by name, this file need not again.
import type * as common from '@backstage-itsm/plugin-itsm-common';
import {
  AddCommentRequest,
  BlastRadius,
  ChangeConflictsResponse,
  ImpactKind,
  ItsmApi,
  itsmApiRef,
  LinkedChange,
  LinkedIncident,
  ProblemCandidates,
  ProblemsFilter,
  SlaComplianceQuery,
  SlaScope,
  SlaTimerFilter,
  TransitionChangeRequest,
  TransitionIncidentRequest,
  TransitionProblemRequest,
  TransitionServiceRequest,
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

/** What every record list filters on (docs/domain-rules.md §5). */
interface RecordListFilter {
  entityRef?: string;
  state?: readonly string[];
  open?: boolean;
  assignee?: string;
  requester?: string;
  assignmentGroup?: readonly string[];
  q?: string;
  limit?: number;
  cursor?: string;
}

/**
 * A record list query: the shared filters, with the kind's own (`priority`, `type`,
 * `offeringRef`) after `open`.
 */
function recordListQuery(
  filter: RecordListFilter,
  own: Array<[string, QueryValue]>,
): string {
  return buildQuery([
    ['entityRef', filter.entityRef],
    ['state', filter.state],
    ['open', openParam(filter)],
    ...own,
    ['assignee', filter.assignee],
    ['requester', filter.requester],
    ['assignmentGroup', filter.assignmentGroup],
    ['q', filter.q],
    ['limit', filter.limit],
    ['cursor', filter.cursor],
  ]);
}

/** The incident list query. */
export function incidentListQuery(
  filter: common.IncidentListFilter = {},
): string {
  return recordListQuery(filter, [['priority', filter.priority]]);
}

/** The change list query. */
export function changeListQuery(filter: common.ChangeListFilter = {}): string {
  return recordListQuery(filter, [['type', filter.type]]);
}

/** The service request list query. */
export function requestListQuery(
  filter: common.ServiceRequestListFilter = {},
): string {
  return recordListQuery(filter, [['offeringRef', filter.offeringRef]]);
}

/** The problem list query; `knownError` is sent when set either way. */
export function problemListQuery(filter: ProblemsFilter = {}): string {
  const { knownError } = filter;
  return recordListQuery(filter, [
    ['knownError', knownError === undefined ? undefined : String(knownError)],
    ['priority', filter.priority],
  ]);
}

/** The known errors query of a CI. */
export function knownErrorsQuery(
  entityRef: string,
  options: { dependencies?: boolean } = {},
): string {
  const { dependencies } = options;
  return buildQuery([
    ['entityRef', entityRef],
    [
      'dependencies',
      dependencies === undefined ? undefined : String(dependencies),
    ],
  ]);
}

/** The change calendar query. */
export function changeCalendarQuery(query: common.ChangeCalendarQuery): string {
  return buildQuery([
    ['from', query.from],
    ['to', query.to],
    ['entityRef', query.entityRef],
    ['assignmentGroup', query.assignmentGroup],
    ['state', query.state],
  ]);
}

/** The scope part of the SLA queries. */
function slaScopeQuery(scope: SlaScope): Array<[string, QueryValue]> {
  return [
    ['entityRef', scope.entityRef],
    ['group', scope.group],
    ['system', scope.system],
  ];
}

/** The SLA summary query; none for the whole organisation. */
export function slaSummaryQuery(scope: SlaScope = {}): string {
  return buildQuery(slaScopeQuery(scope));
}

/** The SLA compliance report query. */
export function slaComplianceQuery(query: SlaComplianceQuery = {}): string {
  return buildQuery([
    ['groupBy', query.groupBy],
    ['days', query.days],
  ]);
}

/** The stored SLA timers query; statuses are repeated params. */
export function slaTimersQuery(filter: SlaTimerFilter = {}): string {
  return buildQuery([
    ['status', filter.status],
    ...slaScopeQuery(filter),
    ['days', filter.days],
    ['open', filter.open ? 'true' : undefined],
    ['limit', filter.limit],
    ['cursor', filter.cursor],
  ]);
}

/** A call's method and JSON body (none for GET and DELETE). */
type SendOptions = { method: string; body?: unknown };

type Send = <T>(path: string, options?: SendOptions) => Promise<T>;

/**
 * The calls every record collection (`/incidents`, `/changes`, `/requests`,
 * `/problems`: the kind's API path, as itsm-common declares it) answers alike; ids are
 * uuids or numbers. Approvals are answered by changes and requests.
 */
class RecordCollection<
  T,
  TCreate = never,
  TUpdate = never,
  TTransition = never,
> {
  private readonly name: string;

  constructor(private readonly send: Send, kind: common.RecordKind) {
    this.name = kindDeclaration(kind).apiPath;
  }

  path(id: string, sub: string = '') {
    return `/${this.name}/${encodeURIComponent(id)}${sub}`;
  }

  list = (query: string) => this.send<common.Page<T>>(`/${this.name}${query}`);
  get = (id: string) => this.send<T>(this.path(id));
  create = (body: TCreate) =>
    this.send<T>(`/${this.name}`, { method: 'POST', body });
  update = (id: string, body: TUpdate) =>
    this.send<T>(this.path(id), { method: 'PATCH', body });
  transition = (id: string, body: TTransition) =>
    this.send<T>(this.path(id, '/transitions'), { method: 'POST', body });
  comment = (id: string, body: AddCommentRequest) =>
    this.send<common.TimelineEntry>(this.path(id, '/comments'), {
      method: 'POST',
      body,
    });
  timeline = (id: string) =>
    this.items<common.TimelineEntry>(this.path(id, '/timeline'));
  approvals = (id: string) =>
    this.items<common.ApprovalStep>(this.path(id, '/approvals'));
  decide = (id: string, body: common.DecideApprovalRequest) =>
    this.send<T>(this.path(id, '/approvals'), { method: 'POST', body });
  sla = (id: string) => this.send<common.RecordSla>(this.path(id, '/sla'));
  impact = (id: string) => this.send<BlastRadius>(this.path(id, '/impact'));

  /** The `items` of an `{ items: [...] }` response. */
  async items<I>(path: string): Promise<I[]> {
    return (await this.send<{ items: I[] }>(path)).items;
  }
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
  private readonly incidents: RecordCollection<
    common.Incident,
    common.CreateIncidentRequest,
    common.UpdateIncidentRequest,
    TransitionIncidentRequest
  >;
  private readonly changes: RecordCollection<
    common.Change,
    common.CreateChangeRequest,
    common.UpdateChangeRequest,
    TransitionChangeRequest
  >;
  private readonly problems: RecordCollection<
    common.Problem,
    common.CreateProblemRequest,
    common.UpdateProblemRequest,
    TransitionProblemRequest
  >;
  /** Requests are not edited, only moved. */
  private readonly requests: RecordCollection<
    common.ServiceRequest,
    common.CreateServiceRequest,
    never,
    TransitionServiceRequest
  >;
  /** The calls every kind answers alike (its SLA), for any kind. */
  private readonly collection: (
    kind: common.RecordKind,
  ) => RecordCollection<unknown>;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
    const send: Send = (path, init) => this.request(path, init);
    this.incidents = new RecordCollection(send, 'incident');
    this.changes = new RecordCollection(send, 'change');
    this.requests = new RecordCollection(send, 'request');
    this.problems = new RecordCollection(send, 'problem');
    this.collection = kind => new RecordCollection(send, kind);
  }

  // Incidents

  listIncidents(filter?: common.IncidentListFilter) {
    return this.incidents.list(incidentListQuery(filter));
  }
  getIncident(id: string) {
    return this.incidents.get(id);
  }
  createIncident(request: common.CreateIncidentRequest) {
    return this.incidents.create(request);
  }
  updateIncident(id: string, request: common.UpdateIncidentRequest) {
    return this.incidents.update(id, request);
  }
  transitionIncident(id: string, request: TransitionIncidentRequest) {
    return this.incidents.transition(id, request);
  }
  addComment(id: string, request: AddCommentRequest) {
    return this.incidents.comment(id, request);
  }
  getTimeline(id: string) {
    return this.incidents.timeline(id);
  }

  // Major incidents: the decision, children and stakeholder updates

  decideMajorIncident(id: string, decision: common.MajorIncidentDecision) {
    return this.request<common.Incident>(this.incidents.path(id, '/major'), {
      method: 'POST',
      body: decision,
    });
  }
  listChildIncidents(id: string): Promise<LinkedIncident[]> {
    return this.incidents.items(this.incidents.path(id, '/children'));
  }
  linkChildIncident(id: string, child: string) {
    const body: common.LinkIncidentRequest = { incident: child };
    return this.request<common.Incident>(this.incidents.path(id, '/children'), {
      method: 'POST',
      body,
    });
  }
  unlinkChildIncident(id: string, child: string) {
    return this.request<common.Incident>(
      this.incidents.path(id, `/children/${encodeURIComponent(child)}`),
      { method: 'DELETE' },
    );
  }
  postStakeholderUpdate(id: string, text: string) {
    const body: common.StakeholderUpdateRequest = { body: text };
    return this.request<common.TimelineEntry>(
      this.incidents.path(id, '/stakeholder-updates'),
      { method: 'POST', body },
    );
  }
  async listMajorIncidents(
    entityRef?: string,
  ): Promise<common.MajorIncidentBanner[]> {
    const query = buildQuery([['entityRef', entityRef]]);
    return (
      await this.request<{ items: common.MajorIncidentBanner[] }>(
        `/major-incidents${query}`,
      )
    ).items;
  }
  getImpact(kind: ImpactKind, id: string): Promise<BlastRadius> {
    return this.collection(kind).impact(id);
  }

  // Changes: the record calls, then what only changes have

  listChanges(filter?: common.ChangeListFilter) {
    return this.changes.list(changeListQuery(filter));
  }
  getChange(id: string) {
    return this.changes.get(id);
  }
  createChange(request: common.CreateChangeRequest) {
    return this.changes.create(request);
  }
  updateChange(id: string, request: common.UpdateChangeRequest) {
    return this.changes.update(id, request);
  }
  transitionChange(id: string, request: TransitionChangeRequest) {
    return this.changes.transition(id, request);
  }
  addChangeComment(id: string, request: AddCommentRequest) {
    return this.changes.comment(id, request);
  }
  getChangeTimeline(id: string) {
    return this.changes.timeline(id);
  }

  getChangeApprovals(id: string) {
    return this.changes.approvals(id);
  }
  decideChangeApproval(id: string, request: common.DecideApprovalRequest) {
    return this.changes.decide(id, request);
  }

  getChangeConflicts(id: string): Promise<ChangeConflictsResponse> {
    return this.request(this.changes.path(id, '/conflicts'));
  }

  getChangeIncidents(id: string): Promise<LinkedIncident[]> {
    return this.changes.items(this.changes.path(id, '/incidents'));
  }

  getChangeCalendar(
    query: common.ChangeCalendarQuery,
  ): Promise<common.ChangeCalendar> {
    return this.request(`/change-calendar${changeCalendarQuery(query)}`);
  }

  // Service requests

  listRequests(filter?: common.ServiceRequestListFilter) {
    return this.requests.list(requestListQuery(filter));
  }
  getRequest(id: string) {
    return this.requests.get(id);
  }
  createRequest(request: common.CreateServiceRequest) {
    return this.requests.create(request);
  }
  transitionRequest(id: string, request: TransitionServiceRequest) {
    return this.requests.transition(id, request);
  }
  getRequestApprovals(id: string) {
    return this.requests.approvals(id);
  }
  decideRequestApproval(id: string, request: common.DecideApprovalRequest) {
    return this.requests.decide(id, request);
  }
  addRequestComment(id: string, request: AddCommentRequest) {
    return this.requests.comment(id, request);
  }
  getRequestTimeline(id: string) {
    return this.requests.timeline(id);
  }

  getPendingApprovals(): Promise<common.ApprovalQueueItem[]> {
    return this.changes.items('/approvals/pending');
  }

  getMyWork(): Promise<common.MyWork> {
    return this.request('/my-work');
  }

  // SLA

  getRecordSla(kind: common.RecordKind, id: string): Promise<common.RecordSla> {
    return this.collection(kind).sla(id);
  }

  getSlaSummary(scope?: SlaScope): Promise<common.SlaSummary> {
    return this.request(`/sla/summary${slaSummaryQuery(scope)}`);
  }

  getSlaCompliance(
    query?: SlaComplianceQuery,
  ): Promise<common.SlaComplianceReport> {
    return this.request(`/sla/compliance${slaComplianceQuery(query)}`);
  }

  listSlaTimers(
    filter?: SlaTimerFilter,
  ): Promise<common.Page<common.SlaTimerSummary>> {
    return this.request(`/sla/timers${slaTimersQuery(filter)}`);
  }

  // Problems: the record calls, then their links, known errors, candidates and KPIs

  listProblems(filter?: ProblemsFilter) {
    return this.problems.list(problemListQuery(filter));
  }
  getProblem(id: string) {
    return this.problems.get(id);
  }
  createProblem(request: common.CreateProblemRequest) {
    return this.problems.create(request);
  }
  updateProblem(id: string, request: common.UpdateProblemRequest) {
    return this.problems.update(id, request);
  }
  transitionProblem(id: string, request: TransitionProblemRequest) {
    return this.problems.transition(id, request);
  }
  addProblemComment(id: string, request: AddCommentRequest) {
    return this.problems.comment(id, request);
  }
  getProblemTimeline(id: string) {
    return this.problems.timeline(id);
  }

  getProblemIncidents(id: string): Promise<LinkedIncident[]> {
    return this.problems.items(this.problems.path(id, '/incidents'));
  }
  linkProblemIncident(id: string, incident: string): Promise<common.Problem> {
    const body: common.LinkIncidentRequest = { incident };
    return this.request(this.problems.path(id, '/incidents'), {
      method: 'POST',
      body,
    });
  }
  unlinkProblemIncident(id: string, incident: string): Promise<common.Problem> {
    return this.request(
      this.problems.path(id, `/incidents/${encodeURIComponent(incident)}`),
      { method: 'DELETE' },
    );
  }
  getProblemChanges(id: string): Promise<LinkedChange[]> {
    return this.problems.items(this.problems.path(id, '/changes'));
  }

  listKnownErrors(
    entityRef: string,
    options?: { dependencies?: boolean },
  ): Promise<common.KnownError[]> {
    return this.problems.items(
      `/known-errors${knownErrorsQuery(entityRef, options)}`,
    );
  }
  listProblemCandidates(entityRef?: string): Promise<ProblemCandidates> {
    return this.request(
      `/problem-candidates${buildQuery([['entityRef', entityRef]])}`,
    );
  }
  getProblemKpis(entityRef?: string): Promise<common.ProblemKpis> {
    return this.request(
      `/problem-kpis${buildQuery([['entityRef', entityRef]])}`,
    );
  }

  private async request<T>(path: string, options?: SendOptions): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('itsm');
    const hasBody = options?.body !== undefined;
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method: options?.method ?? 'GET',
      headers: hasBody ? { 'Content-Type': 'application/json' } : undefined,
      body: hasBody ? JSON.stringify(options.body) : undefined,
    });
    if (!response.ok) {
      // Carries the server's message (e.g. "version is stale") for the UI to show.
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/** The API factory of the default client, for both frontend systems' plugins. */
export const itsmClientFactory = {
  api: itsmApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: (deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) =>
    new ItsmClient(deps),
};
