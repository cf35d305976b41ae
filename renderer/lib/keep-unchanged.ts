const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `next`, with every part that is deep-equal to the same part of `prev` replaced by prev's object (structural
 * sharing, for JSON data). Each pushed snapshot is freshly parsed; with this, React.memo sees a call, list or
 * ticket that did not change as the same object and skips rendering it again.
 */
export function keepUnchanged<T>(prev: unknown, next: T): T {
  if (Object.is(prev, next)) return prev as T;
  if (Array.isArray(prev) && Array.isArray(next)) {
    let same = prev.length === next.length;
    const out = next.map((item: unknown, i) => {
      const kept = keepUnchanged(prev[i], item);
      if (kept !== prev[i]) same = false;
      return kept;
    });
    return (same ? prev : out) as T;
  }
  if (isRecord(prev) && isRecord(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(prev).length;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const kept = keepUnchanged(prev[key], next[key]);
      if (kept !== prev[key] || !Object.hasOwn(prev, key)) same = false;
      out[key] = kept;
    }
    return (same ? prev : out) as T;
  }
  return next;
}
