/**
 * findMarkersAfterEdit (the incremental parser's version markers) against findMarkers on random
 * texts made of marker pieces and edits cutting into, joining and splitting markers, at the
 * start and the end of the text.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { changedRange } from '../../server/src/core/incremental/diff';
import { findMarkers, findMarkersAfterEdit } from '../../server/src/core/parse/version';
import { FORMAT_2019, FORMAT_2021 } from '../../server/src/core/standard/versions';
import { SourceText } from '../../server/src/core/text/source';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

const MARKER_TEXTS = [...FORMAT_2019.markers, ...FORMAT_2021.markers];
/** Whole markers, their halves (an edit joins them) and filler. */
const PIECES = [...MARKER_TEXTS, ...MARKER_TEXTS.flatMap((m) => [m.slice(0, m.length >> 1), m.slice(m.length >> 1)]), '，', '\n', '数量', 'x'];

function randomText(r: () => number, pieces: number): string {
  let out = '';
  for (let i = 0; i < pieces; i++) out += PIECES[Math.floor(r() * PIECES.length)]!;
  return out;
}

test('findMarkersAfterEdit equals findMarkers over random edit sequences', () => {
  const r = rng(11);
  for (let run = 0; run < 200; run++) {
    let text = randomText(r, Math.floor(r() * 25));
    let markers = findMarkers(new SourceText(text));
    for (let step = 0; step < 10; step++) {
      const kind = r();
      const a = kind < 0.15 ? 0 : kind < 0.3 ? text.length : Math.floor(r() * (text.length + 1));
      const b = Math.min(text.length, a + Math.floor(r() * 8));
      const next = text.slice(0, a) + (r() < 0.3 ? '' : randomText(r, 1 + Math.floor(r() * 3))) + text.slice(b);
      const c = changedRange(text, next) ?? { start: 0, oldEnd: 0, newEnd: 0 };
      const src = new SourceText(next);
      const inc = findMarkersAfterEdit(src, markers, c.start, c.oldEnd, c.newEnd);
      assert.deepStrictEqual(inc, findMarkers(src), `run ${run} step ${step}: ${JSON.stringify(text)} -> ${JSON.stringify(next)}`);
      text = next;
      markers = inc;
    }
  }
});

test('findMarkersAfterEdit keeps the markers before the edit (it searched only near it)', () => {
  const text = `${MARKER_TEXTS[0]}，${'正文'.repeat(50)}${MARKER_TEXTS[1]}`;
  const prev = findMarkers(new SourceText(text));
  const at = text.length >> 1;
  const next = text.slice(0, at) + '改' + text.slice(at);
  const inc = findMarkersAfterEdit(new SourceText(next), prev, at, at, at + 1);
  assert.equal(inc[0], prev[0]);
  assert.deepStrictEqual(inc, findMarkers(new SourceText(next)));
});
