import { ReactNode, useState } from 'react';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import { useApi } from '@backstage/core-plugin-api';
import { itsmApiRef } from '../../api';
import {
  recordColumns,
  RecordListTable,
  SelectField,
  StateFilter,
  StateFilterField,
  stateQuery,
  usePagedList,
} from '../shared';
import { KindRecord, RecordKindDescriptor } from './descriptor';

/** What every record list takes from its caller. */
export interface RecordTableProps<F> {
  title?: string;
  /** The fixed part of the query (entity, assignee, group, requester). */
  filter?: Omit<F, 'state' | 'open' | 'cursor' | 'limit'>;
  /** Show the CI column (not needed on an entity's own tab). */
  showEntity?: boolean;
  pageSize?: number;
  /** Change it to reload, e.g. after a record was created. */
  reloadKey?: number;
  /** Buttons next to the filters, e.g. "Report incident". */
  actions?: ReactNode;
}

/**
 * A list of records of one kind, with the columns its descriptor declares and its
 * filters: the state (open by default: the default of every list) and, where the kind
 * has them, a coded field (priority, type) and a switch (known errors only);
 * keyset-paged, newest first.
 */
export const RecordTable = <R extends KindRecord, F>(
  props: RecordTableProps<F> & {
    kind: RecordKindDescriptor<R, F>;
    /** Show the requester column, where the kind lists one. */
    showRequester?: boolean;
  },
) => {
  const { kind, pageSize = 20, reloadKey = 0 } = props;
  const { plural, codeFilter, flagFilter } = kind;
  const itsmApi = useApi(itsmApiRef);
  const [stateFilter, setStateFilter] =
    useState<StateFilter<R['state']>>('open');
  const [code, setCode] = useState('');
  const [flag, setFlag] = useState(false);
  const { value, loading, error, paging } = usePagedList<F, R>({
    filter: props.filter,
    own: {
      ...stateQuery(stateFilter),
      ...(code && codeFilter ? { [codeFilter.param]: [code] } : {}),
      ...(flag && flagFilter ? { [flagFilter.param]: true } : {}),
    },
    pageSize,
    reloadKey,
    fetch: query => kind.api.list(itsmApi, query),
  });

  return (
    <RecordListTable<R>
      title={props.title ?? kind.title}
      columns={recordColumns(
        kind.columns,
        { entity: props.showEntity, requester: props.showRequester },
        kind.kind,
      )}
      loading={loading}
      error={error}
      page={value}
      paging={paging}
      actions={props.actions}
      filters={
        <>
          <StateFilterField
            id={`itsm-${plural}-filter-state`}
            value={stateFilter}
            states={kind.states}
            labels={kind.stateLabels}
            onChange={setStateFilter}
          />
          {codeFilter && (
            <SelectField
              id={`itsm-${plural}-filter-${codeFilter.param}`}
              label={codeFilter.label}
              size="small"
              empty="Any"
              value={code}
              codes={codeFilter.codes}
              labels={codeFilter.labels}
              onChange={setCode}
            />
          )}
          {flagFilter && (
            <FormControlLabel
              label={flagFilter.label}
              control={
                <Checkbox
                  id={`itsm-${plural}-filter-${flagFilter.param}`}
                  color="primary"
                  checked={flag}
                  onChange={e => setFlag(e.target.checked)}
                />
              }
            />
          )}
        </>
      }
      emptyContent={
        stateFilter === 'open'
          ? `No open ${plural}.`
          : `No ${plural} match these filters.`
      }
    />
  );
};
