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

/** A fresh flat copy of `s` (built from its char codes, so it cannot share storage with `s`). */
export function detachString(s: string): string {
  if (s.length === 0) return '';
  const codes = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) codes[i] = s.charCodeAt(i);
  let out = '';
  // fromCharCode in chunks: an apply over a very long array would overflow the stack.
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode.apply(null, codes.subarray(i, i + 4096) as unknown as number[]);
  return out;
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
