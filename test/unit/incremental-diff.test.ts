/**
 * changedRange (core/incremental/diff.ts) keeps its last answer: the parser, the prose cache and
 * the rule cache ask for the same pair of versions. The answer must follow the texts, whichever
 * string objects carry them and in whatever order the pairs come.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { changedRange } from '../../server/src/core/incremental/diff';

/** The changed stretch computed naively. */
function naive(a: string, b: string) {
  if (a === b) return null;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let k = 0;
  while (k < a.length - start && k < b.length - start && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  return { start, oldEnd: a.length - k, newEnd: b.length - k };
}

test('changedRange follows the texts across repeated and alternating pairs', () => {
  const a = '第一行\n第二行。\n第三行';
  const b = a.replace('第二行', '第二行，改');
  const c = a.replace('第三', '三');
  const pairs: [string, string][] = [[a, b], [a, b], [a, c], [b, a], [b, a], [a, a], [a, b], [c, c], [[...a].join(''), b], [a, [...b].join('')], [b, c]];
  for (const [x, y] of pairs) assert.deepEqual(changedRange(x, y), naive(x, y), `${JSON.stringify(x)} → ${JSON.stringify(y)}`);
});

test('changedRange: the same lengths, other content, is not taken for the last pair', () => {
  const a = 'abcdef';
  assert.deepEqual(changedRange(a, 'abXdef'), { start: 2, oldEnd: 3, newEnd: 3 });
  assert.deepEqual(changedRange(a, 'abcdeY'), { start: 5, oldEnd: 6, newEnd: 6 });
  assert.deepEqual(changedRange('Zbcdef', 'abcdeY'), { start: 0, oldEnd: 6, newEnd: 6 });
});
