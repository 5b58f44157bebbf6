import { listFilterParams, Me } from '../records';
import { PageKindDescriptor } from './pageKinds';

/**
 * The tabs of the page before it had views (`/itsm?tab=assigned`): the view each became
 * and, for a queue, the preset of the view's filters it is now.
 */
const LEGACY_TABS: Record<string, { view: string; preset?: string }> = {
  assigned: { view: 'incidents', preset: 'assigned' },
  groups: { view: 'incidents', preset: 'groups' },
  reported: { view: 'incidents', preset: 'reported' },
  all: { view: 'incidents' },
  'my-changes': { view: 'changes', preset: 'mine' },
  changes: { view: 'changes' },
  problems: { view: 'problems' },
  'my-requests': { view: 'requests', preset: 'mine' },
  'requests-to-fulfil': { view: 'requests', preset: 'to-fulfil' },
  approvals: { view: 'approvals' },
  calendar: { view: 'calendar' },
  sla: { view: 'sla' },
};

/**
 * Where an old `?tab=` link of the page goes now, so that bookmarks keep working: the
 * view (below `root`) with the filters of the queue the tab was, and the link's other
 * parameters (the SLA tab's `by`, `days`, `key`, `show`); "My work" for a tab that never
 * was.
 */
export function legacyTabTarget(
  params: URLSearchParams,
  me: Me,
  options: {
    root: string;
    kinds: readonly PageKindDescriptor[];
    /** The paths of the other views below the root (`/approvals`). */
    views: Record<string, string>;
  },
): string {
  const target = LEGACY_TABS[params.get('tab') ?? ''];
  const query = new URLSearchParams();
  let path = '';
  const kind = options.kinds.find(k => k.plural === target?.view);
  if (kind) {
    path = kind.view.routeRef.path;
    const preset = kind.view.presets.find(p => p.id === target?.preset);
    listFilterParams(preset?.filters(me) ?? {}, kind).forEach((value, name) =>
      query.append(name, value),
    );
  } else if (target && options.views[target.view]) {
    path = options.views[target.view];
  }
  params.forEach((value, name) => {
    if (name !== 'tab') query.append(name, value);
  });
  const search = query.toString();
  return `${options.root}${path}${search ? `?${search}` : ''}` || '/';
}
