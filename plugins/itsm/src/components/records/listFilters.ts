import { StateFilter, stateQuery } from '../shared';

/** The signed-in user, as far as the queues of the views depend on them. */
export interface Me {
  userEntityRef: string;
  /** The user's groups (assignment groups are groups). */
  groups: string[];
}

/**
 * What a list of one kind is filtered by, as a view's URL holds it (see
 * `listFilterParams`): the state, the kind's code filter and switch, the people, the CI
 * and a text search.
 */
export interface ListFilters {
  /** `open` (the default of every list), `all`, or these states. */
  state: 'open' | 'all' | string[];
  /** Codes of the kind's `codeFilter` (priorities, change types); none is any. */
  codes: string[];
  /** The kind's `flagFilter` switch (known errors only). */
  flag: boolean;
  assignee?: string;
  /** Any of these groups; none is any. */
  assignmentGroup: string[];
  requester?: string;
  entityRef?: string;
  /** Text search (number, title, description). */
  q?: string;
}

/** The filters a preset or a link sets; the rest keep their defaults. */
export type ListFilterValues = Partial<ListFilters>;

/**
 * A queue of a kind's view ("Assigned to me", "My groups", "Known errors"): a named set
 * of the view's filters, for the signed-in user.
 */
export interface ListPreset {
  /** Stable: tests and old links name it. */
  id: string;
  label: string;
  filters: (me: Me) => ListFilterValues;
  /** A queue of the user's groups, which says so when they have none. */
  needsGroups?: boolean;
}

/** The part of a kind's descriptor that its filters read. */
export interface FilteredKind {
  states: readonly string[];
  codeFilter?: { param: string; codes: readonly string[] };
  flagFilter?: { param: string };
}

/** Open records, any code, no switch, no people, no CI, no text. */
export const DEFAULT_LIST_FILTERS: ListFilters = {
  state: 'open',
  codes: [],
  flag: false,
  assignmentGroup: [],
};

/** The API takes at most 100 groups per query. */
const MAX_GROUPS = 100;

const PEOPLE = ['assignee', 'requester', 'entityRef', 'q'] as const;

/** The filters with their defaults where `values` sets none. */
export function withDefaults(values: ListFilterValues): ListFilters {
  return { ...DEFAULT_LIST_FILTERS, ...values };
}

/** The distinct non-empty trimmed values of a repeated parameter. */
function repeated(params: URLSearchParams, name: string): string[] {
  const values = params
    .getAll(name)
    .map(value => value.trim())
    .filter(Boolean);
  return [...new Set(values)];
}

/** A single parameter, trimmed; undefined when missing or empty. */
function single(params: URLSearchParams, name: string): string | undefined {
  return params.get(name)?.trim() || undefined;
}

/**
 * A view's filters from its URL's query: `state` (`all`, or states, repeated; open
 * without it), the kind's code parameter (`priority`, `type`; repeated), its switch
 * (`knownError=true`), `assignee`, `assignmentGroup` (repeated), `requester`,
 * `entityRef` and `q`. States and codes the kind does not know are left out.
 */
export function readListFilters(
  params: URLSearchParams,
  kind: FilteredKind,
): ListFilters {
  const states = repeated(params, 'state');
  let state: ListFilters['state'] = 'open';
  if (states.includes('all')) state = 'all';
  else {
    const known = states.filter(s => kind.states.includes(s));
    if (known.length) state = known;
  }
  const { codeFilter, flagFilter } = kind;
  return {
    state,
    codes: codeFilter
      ? repeated(params, codeFilter.param).filter(code =>
          codeFilter.codes.includes(code),
        )
      : [],
    flag: !!flagFilter && params.get(flagFilter.param) === 'true',
    assignee: single(params, 'assignee'),
    assignmentGroup: repeated(params, 'assignmentGroup'),
    requester: single(params, 'requester'),
    entityRef: single(params, 'entityRef'),
    q: single(params, 'q'),
  };
}

/**
 * The query parameters of filters, in a fixed order and without defaults, so that the
 * same filters always make the same URL (and the read filters give them back).
 */
export function listFilterParams(
  values: ListFilterValues,
  kind: FilteredKind,
): URLSearchParams {
  const filters = withDefaults(values);
  const params = new URLSearchParams();
  if (filters.state === 'all') params.append('state', 'all');
  else if (filters.state !== 'open')
    filters.state.forEach(s => params.append('state', s));
  if (kind.codeFilter)
    filters.codes.forEach(code => params.append(kind.codeFilter!.param, code));
  if (kind.flagFilter && filters.flag)
    params.append(kind.flagFilter.param, 'true');
  if (filters.assignee) params.append('assignee', filters.assignee);
  filters.assignmentGroup.forEach(group =>
    params.append('assignmentGroup', group),
  );
  if (filters.requester) params.append('requester', filters.requester);
  if (filters.entityRef) params.append('entityRef', filters.entityRef);
  if (filters.q) params.append('q', filters.q);
  return params;
}

/** `path` with the filters as its query. */
export function listFilterLink(
  path: string,
  values: ListFilterValues,
  kind: FilteredKind,
): string {
  const query = listFilterParams(values, kind).toString();
  return query ? `${path}?${query}` : path;
}

/** The list query (the API's filter, without paging) of filters. */
export function listFilterQuery(
  filters: ListFilters,
  kind: FilteredKind,
): Record<string, unknown> {
  const { codeFilter, flagFilter } = kind;
  const query: Record<string, unknown> = {
    ...(Array.isArray(filters.state)
      ? { state: filters.state }
      : stateQuery(filters.state as StateFilter)),
  };
  if (codeFilter && filters.codes.length)
    query[codeFilter.param] = filters.codes;
  if (flagFilter && filters.flag) query[flagFilter.param] = true;
  if (filters.assignmentGroup.length)
    query.assignmentGroup = filters.assignmentGroup.slice(0, MAX_GROUPS);
  for (const name of PEOPLE) if (filters[name]) query[name] = filters[name];
  return query;
}

/** Whether two lists hold the same values, in any order. */
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every(value => set.has(value));
}

/** Whether filters have what `values` sets (a preset's values), and no other people. */
function holds(filters: ListFilters, values: ListFilterValues): boolean {
  const expected = withDefaults(values);
  const people =
    filters.assignee === expected.assignee &&
    filters.requester === expected.requester &&
    sameSet(filters.assignmentGroup, expected.assignmentGroup);
  const state =
    values.state === undefined ||
    (typeof filters.state === 'string' || typeof expected.state === 'string'
      ? filters.state === expected.state
      : sameSet(filters.state, expected.state));
  const codes =
    values.codes === undefined || sameSet(filters.codes, values.codes);
  const flag = values.flag === undefined || filters.flag === values.flag;
  return people && state && codes && flag;
}

/**
 * The preset that the filters are in: its people filters are theirs, and whatever else
 * it sets (a state, the switch) too; of several, the one that sets the most. The state,
 * codes and text that a preset leaves open may be anything.
 */
export function matchingPreset(
  filters: ListFilters,
  presets: readonly ListPreset[],
  me: Me,
): ListPreset | undefined {
  let best: { preset: ListPreset; size: number } | undefined;
  for (const preset of presets) {
    const values = preset.filters(me);
    const size = Object.keys(values).length;
    if (holds(filters, values) && (!best || size > best.size))
      best = { preset, size };
  }
  return best?.preset;
}

/** The filters of a preset chosen in a view: its own, keeping the text searched for. */
export function applyPreset(
  preset: ListPreset,
  me: Me,
  current: ListFilters,
): ListFilters {
  return withDefaults({ ...preset.filters(me), q: current.q });
}
