import { useState } from 'react';

/**
 * The target of a record's move dialog: open it for a state, close it, or close it after
 * the move and reload the page. `dialog` is what the dialog takes (`{...move.dialog}`).
 */
export function useMoveDialog<S extends string>(reload: () => void) {
  const [to, setTo] = useState<S>();
  const close = () => setTo(undefined);
  const done = () => {
    setTo(undefined);
    reload();
  };
  return {
    to,
    open: (state: S) => setTo(state),
    close,
    done,
    dialog: { to, onClose: close, onDone: done },
  };
}
