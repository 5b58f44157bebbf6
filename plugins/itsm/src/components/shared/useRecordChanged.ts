import { useEffect, useRef } from 'react';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  ITSM_RECORD_SIGNAL_CHANNEL,
  ItsmRecordSignal,
  RecordKind,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * Calls `onChange` when the backend signals (Backstage signals, channel `itsm:record`)
 * that a record of `kind` changed — with `id`, only that record. Pages and lists
 * refresh this way instead of polling; without the signals plugin nothing happens.
 */
export function useRecordChanged(
  kind: RecordKind,
  id: string | undefined,
  onChange: () => void,
) {
  const { lastSignal } = useSignal<ItsmRecordSignal & { [k: string]: string }>(
    ITSM_RECORD_SIGNAL_CHANNEL,
  );
  // The latest callback, so that a fresh closure each render does not re-run the effect.
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    if (!lastSignal || lastSignal.kind !== kind) return;
    if (id !== undefined && lastSignal.id !== id) return;
    latest.current();
  }, [lastSignal, kind, id]);
}
