import { ReactNode } from 'react';
import Grid from '@material-ui/core/Grid';
import { useApi, useRouteRefParams } from '@backstage/core-plugin-api';
import useAsyncRetry, { AsyncStateRetry } from 'react-use/esm/useAsyncRetry';
import { RecordSla, TimelineEntry } from '@backstage-itsm/plugin-itsm-common';
import { ItsmApi, itsmApiRef } from '../../api';
import {
  Actor,
  Notice,
  RecordCardProps,
  RecordPageBody,
  RecordPageFrame,
  RecordPermissions,
  useActor,
  useRecordPermissions,
  useRecordChanged,
} from '../shared';
import { RecordSlaCard, useRecordSla } from '../sla';
import {
  ApiMethod,
  KindRecord,
  MoveDescriptor,
  RecordKindDescriptor,
} from './descriptor';
import { MoveButtons } from './MoveButtons';
import { MoveDialog } from './MoveDialog';
import { moveForm } from './moveForm';
import { useMoveDialog } from './useMoveDialog';

/** What a record's page loads of any kind (see `useRecordPage`). */
export interface RecordPageState<R> {
  /** The id or number of the route. */
  id: string;
  record: AsyncStateRetry<R>;
  timeline: AsyncStateRetry<TimelineEntry[]>;
  sla: AsyncStateRetry<RecordSla>;
  can: RecordPermissions;
  /** The signed-in user, once known. */
  actor?: Actor;
  reload: () => void;
}

/**
 * What a record's page loads of any kind: the record (by the id or number of the
 * route), its timeline, its SLA, what the signed-in user may do to it, and who they are.
 * `reload` reloads them all (a move starts, pauses or stops clocks).
 */
export function useRecordPage<R extends KindRecord>(
  kind: RecordKindDescriptor<R>,
): RecordPageState<R> {
  const { id } = useRouteRefParams(kind.routeRef);
  const itsmApi = useApi(itsmApiRef);
  const record = useAsyncRetry(() => kind.api.get(itsmApi, id), [itsmApi, id]);
  const timeline = useAsyncRetry(
    () => kind.api.timeline(itsmApi, id),
    [itsmApi, id],
  );
  const sla = useRecordSla(kind.kind, id);
  const can = useRecordPermissions(kind.kind, record.value?.id);
  const actor = useActor();
  const reload = () => {
    record.retry();
    timeline.retry();
    sla.retry();
  };
  // Live: someone else changed this record (signals); until it is loaded, none matches.
  useRecordChanged(kind.kind, record.value?.id ?? '', reload);
  return { id, record, timeline, sla, can, actor, reload };
}

/** The methods of the ItsmApi that read something of a record by its id or number. */
type RecordRead = ApiMethod<(id: string) => Promise<unknown>>;

/** What a read of a record gives. */
type ReadResult<M extends RecordRead> = ItsmApi[M] extends (
  id: string,
) => Promise<infer T>
  ? T
  : never;

/**
 * Something else a record's page loads (related records, conflicts), by the ItsmApi
 * method that reads it with the route's id or number.
 */
export function useRecordCall<M extends RecordRead>(
  id: string,
  method: M,
): AsyncStateRetry<ReadResult<M>> {
  const itsmApi = useApi(itsmApiRef);
  return useAsyncRetry(
    () =>
      (itsmApi[method] as (recordId: string) => Promise<ReadResult<M>>).call(
        itsmApi,
        id,
      ),
    [itsmApi, method, id],
  );
}

/** The moves the signed-in user may make: with the update permission, as the kind says. */
function movesOf<R extends KindRecord>(
  moves: MoveDescriptor<R>,
  record: R | undefined,
  update: boolean,
  actor: Actor | undefined,
): readonly R['state'][] {
  if (!record || !update) return [];
  const { mayMove } = moves;
  if (!mayMove) return moves.allowed(record);
  // Who may make which move is decided by person: nothing until they are known.
  if (!actor) return [];
  return moves.allowed(record).filter(to => mayMove(record, to, actor));
}

/**
 * A record's page, of any kind: the header and bar (number, state, `chips`, priority,
 * `actions` and the moves the signed-in user may make), what the moves still miss,
 * `notices`; the `details` card, the SLA card and the kind's other `cards` on the left,
 * the timeline with the comment form on the right; and the move dialog. The cards are
 * given the record, whether the user may update it, and the page's reload: of the
 * record, and of what else the page loads (`alsoReload`).
 */
export const RecordPage = <R extends KindRecord>(props: {
  kind: RecordKindDescriptor<R>;
  page: RecordPageState<R>;
  /** What else the page loads, reloaded with the record after a move or an edit. */
  alsoReload?: ReadonlyArray<{ retry: () => void }>;
  /** Called as a move's dialog opens. */
  onMove?: (to: R['state']) => void;
  chips?: (record: R) => ReactNode;
  /** Buttons before the moves. */
  actions?: (record: R) => ReactNode;
  /** Notices above the cards. */
  notices?: (record: R) => ReactNode;
  details: (card: RecordCardProps<R>) => ReactNode;
  /** Of 12 columns on large screens. */
  mainWidth?: 6 | 7 | 8;
  /** The cards below the SLA card, in order. */
  cards?: ReadonlyArray<(card: RecordCardProps<R>) => ReactNode>;
}) => {
  const { kind, page, onMove, alsoReload = [] } = props;
  const { moves } = kind;
  const reload = () => {
    page.reload();
    alsoReload.forEach(load => load.retry());
  };
  const move = useMoveDialog<R['state']>(reload);
  const current = page.record.value;
  const allowed = movesOf(moves, current, page.can.update, page.actor);
  const blocked = current
    ? allowed
        .map(to => ({ to, problems: moveForm(moves, current, to).blockers() }))
        .filter(guard => guard.problems.length > 0)
    : [];

  return (
    <RecordPageFrame<R>
      kindLabel={kind.label}
      id={page.id}
      record={page.record}
      chips={props.chips}
      actions={record => (
        <>
          {props.actions?.(record)}
          <MoveButtons
            moves={allowed}
            backward={moves.backward}
            primary={moves.primary}
            label={to => moves.label(to, record.state)}
            onMove={to => {
              onMove?.(to);
              move.open(to);
            }}
          />
        </>
      )}
    >
      {record => {
        const card = { record, editable: page.can.update, onUpdated: reload };
        return (
          <>
            {props.notices?.(record)}
            {blocked.map(guard => (
              <Notice severity="warning" key={guard.to}>
                Before {moves.label(guard.to, record.state)}:{' '}
                {guard.problems.join('; ')}.
              </Notice>
            ))}
            <RecordPageBody
              kind={kind.kind}
              recordId={record.id}
              timeline={page.timeline}
              permissions={page.can}
              mainWidth={props.mainWidth}
            >
              <Grid item>{props.details(card)}</Grid>
              <Grid item>
                <RecordSlaCard kind={kind.kind} sla={page.sla} />
              </Grid>
              {props.cards?.map((render, i) => (
                // The cards are fixed per kind: their place is their key.
                <Grid item key={i}>
                  {render(card)}
                </Grid>
              ))}
            </RecordPageBody>
            <MoveDialog moves={moves} record={record} {...move.dialog} />
          </>
        );
      }}
    </RecordPageFrame>
  );
};
