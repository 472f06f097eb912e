import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, HighlightEntry, Inputs } from '../../../main/api/contract';
import { call } from '../api';

export type Filters = Inputs['listAllHighlights'];

type State = { entries: HighlightEntry[] | null; leftOut: number; error: ApiError | null };

// Typing in the search box asks again after a short pause, not on every key.
const QUERY_PAUSE_MS = 180;

/** Every highlight matching the filters, asked of main again whenever they change; only the latest answer counts. */
export function useAllHighlights(filters: Filters): State & { reload: () => void } {
  const [state, setState] = useState<State>({ entries: null, leftOut: 0, error: null });
  const [revision, setRevision] = useState(0);
  const latest = useRef(0);
  const key = JSON.stringify(filters);
  const previousQuery = useRef(filters.query);

  useEffect(() => {
    const request = ++latest.current;
    const typed = previousQuery.current !== filters.query;
    previousQuery.current = filters.query;
    const run = () =>
      void call('listAllHighlights', JSON.parse(key) as Filters).then((result) => {
        if (request !== latest.current) return;
        setState(
          result.ok
            ? { entries: result.value.highlights, leftOut: result.value.leftOut, error: null }
            : { entries: [], leftOut: 0, error: result.error },
        );
      });
    if (!typed) {
      run();
      return;
    }
    const timer = setTimeout(run, QUERY_PAUSE_MS);
    return () => clearTimeout(timer);
    // `key` stands for every filter; the query is compared to decide whether to wait.
  }, [key, revision]); // eslint-disable-line react-hooks/exhaustive-deps

  const reload = useCallback(() => setRevision((n) => n + 1), []);
  return { ...state, reload };
}
