import { useState } from 'react';

/**
 * The target of a record's move dialog: open it for a state, close it, or close it after
 * the move and reload the page.
 */
export function useMoveDialog<S extends string>(reload: () => void) {
  const [to, setTo] = useState<S>();
  return {
    to,
    open: (state: S) => setTo(state),
    close: () => setTo(undefined),
    done: () => {
      setTo(undefined);
      reload();
    },
  };
}
