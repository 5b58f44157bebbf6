import { useCallback, useState } from 'react';
import { errorMessage } from '../../api';

/**
 * The state of one call a form or button makes: whether it runs, and the server's
 * message when it failed. `run` resolves to the call's result, or undefined on failure;
 * `runThen` runs a call whose result is not needed and then `onDone`, if it succeeded.
 */
export function useSubmit() {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  const run = useCallback(
    async <T>(call: () => Promise<T>): Promise<T | undefined> => {
      setSubmitting(true);
      setError(undefined);
      try {
        return await call();
      } catch (e) {
        setError(errorMessage(e));
        return undefined;
      } finally {
        setSubmitting(false);
      }
    },
    [],
  );

  const runThen = useCallback(
    async (call: () => Promise<unknown>, onDone: () => void) => {
      // A call may resolve to nothing: success is said by `true`, not by its result.
      const done = await run(async () => {
        await call();
        return true;
      });
      if (done) onDone();
    },
    [run],
  );

  return { submitting, error, setError, run, runThen };
}
