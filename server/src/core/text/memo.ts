/**
 * A memoised function of a string. The parser meets the same cell texts, labels and titles many
 * times per parse and again on every keystroke; the cache is dropped whole when it reaches `limit`
 * entries, so a long session or a huge pasted document cannot grow it without bound.
 *
 * Keys (and string results) are stored as copies: the strings the parser passes are often slices
 * of the document, and V8 keeps a slice's whole parent string alive, so one cached label of each
 * old version would keep every old version of a 1 MB document in memory. Keys longer than
 * `maxKey` are not cached at all (they rarely repeat, and copying them would cost more than it saves).
 */
export function memoByString<R>(fn: (s: string) => R, limit = 20000, maxKey = 256): (s: string) => R {
  const memo = new Map<string, R>();
  return (s) => {
    let r = memo.get(s);
    if (r === undefined) {
      r = fn(s);
      if (s.length > maxKey) return r;
      if (memo.size > limit) memo.clear();
      r = detach(r);
      memo.set(detachString(s), r);
    }
    return r;
  };
}

/**
 * A copy of `s` that shares no storage with it. Prepending a character makes a cons string whose
 * slice V8 must flatten into a new string first; the result is a slice of that new string (or, when
 * short, a copy), never of `s`'s parent. Ten times faster than copying char codes, which was the
 * largest single cost of our own code in a server start.
 */
export function detachString(s: string): string {
  return s.length === 0 ? '' : (' ' + s).slice(1);
}

/** `v` with every string in it (plain objects and arrays, any depth) detached; other values as they are. */
function detach<R>(v: R): R {
  if (typeof v === 'string') return detachString(v) as R;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = detach(v[i]);
    return v;
  }
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype && !Object.isFrozen(v)) {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = detach(o[k]);
  }
  return v;
}
