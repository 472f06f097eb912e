import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, HighlightEntry, Inputs } from '../../../shared/contract';
import { call } from '../api';

export type Filters = Omit<Inputs['listAllHighlights'], 'offset' | 'limit'>;

type State = {
  entries: HighlightEntry[] | null;
  /** How many match in all; more than `entries` holds while the rest is still arriving. */
  total: number;
  leftOut: number;
  error: ApiError | null;
};

// Typing in the search box asks again after a short pause, not on every key.
const QUERY_PAUSE_MS = 180;
// The first screenful comes alone, so it paints at once; the rest follows in pieces.
const FIRST_PAGE = 100;
const NEXT_PAGE = 2000;

/**
 * Every highlight matching the filters, asked of main again whenever they change; only the latest request
 * is kept. The list arrives a page at a time: the first screenful at once, the rest behind it.
 */
export function useAllHighlights(filters: Filters): State & { reload: () => void } {
  const [state, setState] = useState<State>({ entries: null, total: 0, leftOut: 0, error: null });
  const [revision, setRevision] = useState(0);
  const latest = useRef(0);
  const key = JSON.stringify(filters);
  const previousQuery = useRef(filters.query);

  useEffect(() => {
    const request = ++latest.current;
    const typed = previousQuery.current !== filters.query;
    previousQuery.current = filters.query;
    const wanted = JSON.parse(key) as Filters;
    const load = async () => {
      let entries: HighlightEntry[] = [];
      const seen = new Set<string>();
      for (let offset = 0; ;) {
        const limit = offset === 0 ? FIRST_PAGE : NEXT_PAGE;
        const result = await call('listAllHighlights', { ...wanted, offset, limit });
        if (request !== latest.current) return;
        if (!result.ok) {
          setState({ entries, total: entries.length, leftOut: 0, error: result.error });
          return;
        }
        const { highlights, total, leftOut } = result.value;
        // A highlight saved meanwhile can shift the pages by one: never list one twice.
        entries = [...entries, ...highlights.filter((h) => !seen.has(h.id))];
        for (const h of highlights) seen.add(h.id);
        setState({ entries, total, leftOut, error: null });
        offset += highlights.length;
        if (highlights.length < limit || offset >= total) return;
      }
    };
    if (!typed) {
      void load();
      return;
    }
    const timer = setTimeout(() => void load(), QUERY_PAUSE_MS);
    return () => clearTimeout(timer);
    // `key` stands for every filter; the query is compared to decide whether to wait.
  }, [key, revision]); // eslint-disable-line react-hooks/exhaustive-deps

  const reload = useCallback(() => setRevision((n) => n + 1), []);
  return { ...state, reload };
}
