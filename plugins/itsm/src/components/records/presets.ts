import { ListFilterValues, ListPreset } from './listFilters';

// The queues most kinds offer, as presets of their views' filters; a kind's descriptor
// lists the ones it has (`view.presets`), in the order of its "Queue" select.

/** Open records assigned to the signed-in user. */
export const assignedToMe = (label = 'Assigned to me'): ListPreset => ({
  id: 'assigned',
  label,
  filters: me => ({ assignee: me.userEntityRef }),
});

/** Records of the user's groups; `values` narrows them further (states). */
export const ofMyGroups = (
  label = 'My groups',
  id = 'groups',
  values: ListFilterValues = {},
): ListPreset => ({
  id,
  label,
  filters: me => ({ assignmentGroup: me.groups, ...values }),
  needsGroups: true,
});

/** Records the signed-in user asked for (reported, requested). */
export const requestedByMe = (label: string, id = 'mine'): ListPreset => ({
  id,
  label,
  filters: me => ({ requester: me.userEntityRef }),
});

/** Everybody's records: no people filter. */
export const everybody = (label: string): ListPreset => ({
  id: 'all',
  label,
  filters: () => ({}),
});

/** One switch or state of the kind, of everybody. */
export const only = (
  id: string,
  label: string,
  values: ListFilterValues,
): ListPreset => ({ id, label, filters: () => values });
