/**
 * A memoised function of a string. The parser meets the same cell texts, labels and titles many
 * times per parse and again on every keystroke; the cache is dropped whole when it reaches `limit`
 * entries, so a long session or a huge pasted document cannot grow it without bound.
 */
export function memoByString<R>(fn: (s: string) => R, limit = 20000): (s: string) => R {
  const memo = new Map<string, R>();
  return (s) => {
    let r = memo.get(s);
    if (r === undefined) {
      r = fn(s);
      if (memo.size > limit) memo.clear();
      memo.set(s, r);
    }
    return r;
  };
}
