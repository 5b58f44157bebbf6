import { ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import Chip from '@material-ui/core/Chip';
import CancelIcon from '@material-ui/icons/Cancel';
import TextField from '@material-ui/core/TextField';
import useDebounce from 'react-use/esm/useDebounce';
import { humanizeRef, SelectField, useRecordLink } from '../shared';
import {
  applyPreset,
  CreateRecordButton,
  KindRecord,
  ListFilters,
  listFilterParams,
  matchingPreset,
  Me,
  readListFilters,
  RecordKindDescriptor,
  RecordTable,
} from '../records';

/** The value of the queue select when the filters are in none of the presets. */
const CUSTOM = 'custom';

/** The text search of a view: applied to the URL once the user pauses typing. */
export const SearchField = (props: {
  id: string;
  value: string;
  onApply: (text: string) => void;
}) => {
  const { value, onApply } = props;
  const [text, setText] = useState(value);
  // What this field wrote to the URL and has not come back yet as `value`: such an
  // echo must not replace what the user typed on meanwhile.
  const inFlight = useRef<string[]>([]);
  // The URL changed by other means (back, a queue, a link): show its text.
  useEffect(() => {
    const echo = inFlight.current.indexOf(value);
    if (echo >= 0) {
      inFlight.current = inFlight.current.slice(echo + 1);
    } else {
      inFlight.current = [];
      setText(value);
    }
  }, [value]);
  useDebounce(
    () => {
      const trimmed = text.trim();
      if (trimmed === value) return;
      inFlight.current.push(trimmed);
      onApply(trimmed);
    },
    300,
    [text],
  );
  return (
    <TextField
      id={props.id}
      label="Search"
      placeholder="Number, title or description"
      type="search"
      value={text}
      onChange={e => setText(e.target.value)}
      variant="outlined"
      size="small"
      InputLabelProps={{ shrink: true }}
    />
  );
};

/** The filters of people and CI that no chosen queue explains, as removable chips. */
function filterChips(
  filters: ListFilters,
  explained: boolean,
  update: (values: Partial<ListFilters>) => void,
): ReactNode[] {
  const chips: ReactNode[] = [];
  const chip = (key: string, label: string, remove: () => void) =>
    chips.push(
      <Chip
        key={key}
        size="small"
        label={label}
        onDelete={remove}
        deleteIcon={<CancelIcon data-testid={`filter-${key}-remove`} />}
        data-testid={`filter-${key}`}
      />,
    );
  if (!explained) {
    if (filters.assignee)
      chip('assignee', `Assignee: ${humanizeRef(filters.assignee)}`, () =>
        update({ assignee: undefined }),
      );
    filters.assignmentGroup.forEach(group =>
      chip(`assignmentGroup-${group}`, `Group: ${humanizeRef(group)}`, () =>
        update({
          assignmentGroup: filters.assignmentGroup.filter(g => g !== group),
        }),
      ),
    );
    if (filters.requester)
      chip('requester', `Requester: ${humanizeRef(filters.requester)}`, () =>
        update({ requester: undefined }),
      );
  }
  if (filters.entityRef)
    chip('entityRef', `CI: ${humanizeRef(filters.entityRef)}`, () =>
      update({ entityRef: undefined }),
    );
  return chips;
}

/**
 * The view of one kind on the ITSM page (`/itsm/incidents`, …), driven by its
 * descriptor: its list with every filter in the URL's query (`state`, the kind's code
 * parameter such as `priority` or `type`, its switch such as `knownError`, `assignee`,
 * `assignmentGroup`, `requester`, `entityRef`, `q`), so that a view can be bookmarked
 * and shared, and the back button undoes a change. Its queues ("Assigned to me", "My
 * groups", …) are presets of those filters, chosen in "Queue".
 */
export const KindView = <R extends KindRecord, F>(props: {
  kind: RecordKindDescriptor<R, F>;
  me: Me;
  /** Actions besides the kind's create button ("Order from the service catalog"). */
  actions?: ReactNode;
  /** What the view shows around its list (the problems' KPIs and candidates). */
  around?: (list: ReactNode) => ReactNode;
}) => {
  const { kind, me } = props;
  const { plural } = kind;
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const recordLink = useRecordLink(kind.kind);
  const filters = useMemo(() => readListFilters(params, kind), [params, kind]);
  // A queue of the user's groups is no queue for a user without any.
  const presets = kind.view.presets.filter(
    preset => !preset.needsGroups || me.groups.length > 0,
  );
  const preset = matchingPreset(filters, presets, me);

  const show = (next: ListFilters, options?: { replace?: boolean }) =>
    setParams(listFilterParams(next, kind), options);
  const update = (values: Partial<ListFilters>) =>
    show({ ...filters, ...values });
  const chips = filterChips(filters, !!preset, update);

  const list = (
    <RecordTable
      kind={kind}
      title={preset?.label ?? kind.title}
      showEntity
      showRequester={!filters.requester}
      filters={filters}
      onFiltersChange={show}
      filtersBefore={
        <SelectField<string>
          id={`itsm-${plural}-queue`}
          label="Queue"
          size="small"
          value={preset?.id ?? CUSTOM}
          codes={presets.map(p => p.id)}
          labels={Object.fromEntries(presets.map(p => [p.id, p.label]))}
          extra={preset ? [] : [{ value: CUSTOM, label: 'Custom filters' }]}
          onChange={id => {
            const chosen = presets.find(p => p.id === id);
            if (chosen) show(applyPreset(chosen, me, filters));
          }}
        />
      }
      filtersAfter={
        <>
          <SearchField
            id={`itsm-${plural}-search`}
            value={filters.q ?? ''}
            onApply={text =>
              // Typing is one step of the history, not one per pause.
              show({ ...filters, q: text || undefined }, { replace: true })
            }
          />
          {chips}
        </>
      }
      actions={
        <>
          {props.actions}
          <CreateRecordButton
            kind={kind}
            onCreated={record => navigate(recordLink(record.number))}
          />
        </>
      }
    />
  );
  return <>{props.around ? props.around(list) : list}</>;
};
