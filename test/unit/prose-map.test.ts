// The prose offset map as runs (prose/proseMap.ts) against the per-character map it replaced:
// random maps built both ways read the same at every index, in order and out of order; relative
// maps compare as the per-character slices do; runs moved between maps (incremental rebuilds)
// read as the per-character arrays concatenated; and on reports, every prose character maps to
// the source character it was copied from.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseReport } from '../../server/src/core/parse/report';
import { ProseMap, RunBuilder } from '../../server/src/core/prose/proseMap';
import { buildProse } from '../../server/src/core/prose/prose';
import { IncrementalDocument } from '../../server/src/core/incremental/analyzer';
import { SAMPLES_DIR } from './helpers';
import { rng } from '../../scripts/fuzz-lib';

/** A random per-character map: increasing source offsets in contiguous stretches with jumps. */
function randomChars(r: () => number, n: number): Int32Array {
  const m = new Int32Array(n);
  let o = Math.floor(r() * 5);
  for (let i = 0; i < n; i++) {
    m[i] = o;
    o += r() < 0.8 ? 1 : 2 + Math.floor(r() * 6);
  }
  return m;
}

function fromChars(chars: Int32Array, end: number): ProseMap {
  const b = new RunBuilder(2);
  for (let i = 0; i < chars.length; i++) b.push(i, chars[i]!);
  return b.build(chars.length, end);
}

/** What the per-character map (with its extra final entry) read at i. */
function charAt(chars: Int32Array, end: number, i: number): number | undefined {
  return i === chars.length ? end : chars[i];
}

function assertMaximal(m: ProseMap): void {
  for (let k = 1; k < m.flat.length; k++) {
    assert.ok(m.flat[k]! > m.flat[k - 1]!, 'runs in order');
    assert.notEqual(m.src[k]! - m.src[k - 1]!, m.flat[k]! - m.flat[k - 1]!, `run ${k} continues the one before`);
  }
}

test('prose map: runs read as the per-character map at every index, in order and at random', () => {
  const r = rng(7);
  for (let round = 0; round < 60; round++) {
    const n = Math.floor(r() * 300);
    const chars = randomChars(r, n);
    const end = (n ? chars[n - 1]! : 0) + 1 + Math.floor(r() * 3);
    const m = fromChars(chars, end);
    assertMaximal(m);
    for (let i = -2; i <= n + 2; i++) assert.equal(m.at(i), charAt(chars, end, i), `round ${round}, index ${i}`);
    for (let q = 0; q < 200; q++) {
      const i = Math.floor(r() * (n + 1));
      assert.equal(m.at(i), charAt(chars, end, i), `round ${round}, random index ${i}`);
    }
    // A view from `a` reads index i as the per-character map's subarray(a) did.
    const a = Math.floor(r() * (n + 1));
    const v = m.view(a);
    for (let i = -1; i <= n - a + 1; i++) assert.equal(v.at(i), i < 0 ? undefined : charAt(chars, end, a + i), `view ${a}, index ${i}`);
  }
});

test('prose map: relative maps compare as the per-character slices relative to their start', () => {
  const r = rng(11);
  const rel = (chars: Int32Array, end: number, a: number, b: number) => {
    const out: number[] = [];
    for (let i = a; i <= b; i++) out.push(charAt(chars, end, i)! - chars[a]!);
    return out.join(',');
  };
  for (let round = 0; round < 40; round++) {
    const n = 20 + Math.floor(r() * 200);
    // Few distinct stretches, so that equal relative slices occur.
    const pattern = randomChars(r, 12);
    const chars = new Int32Array(n);
    for (let i = 0; i < n; i++) chars[i] = pattern[i % 12]! + Math.floor(i / 12) * (pattern[11]! + 3);
    const end = chars[n - 1]! + 2;
    const m = fromChars(chars, end);
    for (let q = 0; q < 150; q++) {
      const a = Math.floor(r() * n);
      const b = a + 1 + Math.floor(r() * Math.min(30, n - a));
      const c = Math.floor(r() * n);
      const d = c + 1 + Math.floor(r() * Math.min(30, n - c));
      const same = rel(chars, end, a, b) === rel(chars, end, c, d);
      assert.equal(m.sameRelative(m.relative(a, b), c, d), same, `round ${round}: [${a}, ${b}] vs [${c}, ${d}]`);
      assert.equal(m.sameRelative(m.relative(a, b), a, b), true);
    }
  }
});

test('prose map: runs moved from other maps read as the per-character arrays concatenated and moved', () => {
  const r = rng(5);
  for (let round = 0; round < 60; round++) {
    const x = randomChars(r, 1 + Math.floor(r() * 150));
    const y = randomChars(r, 1 + Math.floor(r() * 150));
    const mx = fromChars(x, x[x.length - 1]! + 1);
    const my = fromChars(y, y[y.length - 1]! + 1);
    const a = Math.floor(r() * x.length);
    const b = a + Math.floor(r() * (x.length - a + 1));
    const c = Math.floor(r() * y.length);
    const d = c + Math.floor(r() * (y.length - c + 1));
    // Sometimes a shift that makes the moved runs continue the ones before (they must be joined).
    const delta = r() < 0.5 && b > a && d > c ? x[b - 1]! + 1 - y[c]! : Math.floor(r() * 50);
    const expected = [...x.subarray(a, b), ...Array.from(y.subarray(c, d), (v) => v + delta)];
    const builder = new RunBuilder(1);
    builder.pushFrom(mx, a, b, 0, 0);
    builder.pushFrom(my, c, d, b - a, delta);
    const end = 1_000_000;
    const m = builder.build(expected.length, end);
    assertMaximal(m);
    for (let i = 0; i < expected.length; i++) assert.equal(m.at(i), expected[i], `round ${round}, index ${i}`);
    assert.equal(m.at(expected.length), end);
    assert.deepEqual(m, fromChars(Int32Array.from(expected), end), 'the same runs as built per character');
  }
});

test('prose map: every prose character maps to the source character it was copied from, after edits too', () => {
  const text = readFileSync(join(SAMPLES_DIR, 'huaian-2024.txt'), 'utf8');
  const check = (src: string, t: string, m: ProseMap) => {
    assertMaximal(m);
    for (let i = 0; i < t.length; i++) {
      const c = t[i]!;
      const o = m.at(i)!;
      // Paragraph breaks and the space joining wrapped words map to a line start / line end.
      if (c === '\n' || (c === ' ' && src[o] !== ' ')) continue;
      assert.equal(src[o], c, `flat ${i} → source ${o}`);
    }
    assert.equal(m.at(t.length), src.length);
  };
  const p = buildProse(parseReport(text));
  assert.ok(p.map.flat.length < p.text.length / 4, 'a few runs per line');
  check(text, p.text, p.map);
  const doc = new IncrementalDocument();
  doc.analyze(text);
  const r = rng(3);
  let cur = text;
  for (let e = 0; e < 25; e++) {
    const at = Math.floor(r() * cur.length);
    const ins = ['。', '\n', '共计12条', '\u200b', ''][Math.floor(r() * 5)]!;
    cur = cur.slice(0, at) + ins + cur.slice(at + (r() < 0.3 ? 2 : 0));
    const prose = doc.facts.extract(doc.model(cur)).prose;
    check(cur, prose.text, prose.map);
    assert.deepStrictEqual(prose.map, buildProse(parseReport(cur)).map, `edit ${e}`);
  }
});
