import { useCallback, useState } from 'react';
import { errorMessage } from '../../api';

/**
 * The state of one call a form or button makes: whether it runs, and the server's
 * message when it failed. `run` resolves to the call's result, or undefined on failure.
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

  return { submitting, error, setError, run };
}
