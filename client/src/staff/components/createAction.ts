import { createSignal } from 'solid-js';

/**
 * A button's action against the API: `busy` while it runs, the refusal kept in `failure` for the page to show
 * in the reader's language, and `after` (usually a refetch) once it succeeded.
 */
export function createAction(after: () => unknown) {
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const run = async (action: () => Promise<unknown>): Promise<void> => {
    setFailure(null);
    setBusy(true);
    try {
      await action();
      await after();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run };
}
