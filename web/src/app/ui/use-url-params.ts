import { useSearchParams } from 'react-router';

type Value = string | number | null | undefined;

/**
 * Page state kept in the URL's query, so a view can be bookmarked, shared and reloaded: the
 * params, and a setter that merges changes (replacing the history entry). null, undefined and ''
 * remove a key; so does 0 with `dropZero` (a quarter of 0 meaning the whole year).
 */
export function useUrlParams({ dropZero = false } = {}) {
  const [params, setParams] = useSearchParams();
  const set = (next: Record<string, Value>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === null || v === '' || (dropZero && v === 0)) p.delete(k);
      else p.set(k, String(v));
    }
    setParams(p, { replace: true });
  };
  return [params, set] as const;
}
