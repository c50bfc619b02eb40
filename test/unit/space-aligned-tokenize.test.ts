// Property tests: the space-aligned reader's per-line pieces, read by char code on the source,
// against the reference versions they replaced (kept here, as they were): tokenize (value cells
// as flattened bounds instead of cell objects), classifyAt (no copy of the line) and isFurnitureAt
// (no copy, the answer kept per line) on random lines of table-like text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { SourceText } from '../../server/src/core/text/source';
import { firstIs, numCount, numEnd, numStart, tokenize } from '../../server/src/core/parse/tables/spaceAligned';
import { lk, T2_HEAD_KEY, T4_SIG_KEYS } from '../../server/src/core/parse/tables/spec';
import { classify, classifyAt, isFurnitureAt, isFurnitureLine, isWs } from '../../server/src/core/parse/tables/locate';
import { isDashWord, isNumberWord, isUnitWord } from '../../server/src/core/parse/tables/cellWords';
import { cellText } from '../../server/src/core/parse/tables/cellText';

interface RefFrag { text: string; start: number; end: number; line: number; x: number }
interface RefCell { text: string; start: number; end: number }

/** tokenize as it was before the cells became bounds (main a55c6af), scratch arrays made per call. */
function referenceTokenize(src: SourceText, index: number): { frags: RefFrag[]; nums: RefCell[] } {
  const lineStart = src.lineStart(index);
  const text = src.text;
  const end = src.lineEnd(index);
  const starts: number[] = [];
  const ends: number[] = [];
  let n = 0;
  let i = lineStart;
  while (i < end && n < 400) {
    while (i < end && isWs(text.charCodeAt(i))) i++;
    if (i >= end) break;
    starts[n] = i;
    while (i < end && !isWs(text.charCodeAt(i))) i++;
    ends[n++] = i;
  }
  let k = n;
  let real = 0;
  let m = 0;
  const ns: number[] = [];
  const ne: number[] = [];
  while (k > 0) {
    const s = starts[k - 1]!;
    const e = ends[k - 1]!;
    if (isNumberWord(text, s, e)) { ns[m] = s; ne[m++] = e; real++; k--; continue; }
    if (isUnitWord(text, s, e) && k >= 2 && isNumberWord(text, starts[k - 2]!, ends[k - 2]!) && s - ends[k - 2]! === 1) {
      ns[m] = starts[k - 2]!; ne[m++] = e;
      real++;
      k -= 2;
      continue;
    }
    if (isDashWord(text, s, e)) { ns[m] = s; ne[m++] = e; k--; continue; }
    break;
  }
  if (real === 0) { k = n; m = 0; }
  const nums: RefCell[] = [];
  for (let j = m - 1; j >= 0; j--) nums.push({ text: cellText(text, ns[j]!, ne[j]!), start: ns[j]!, end: ne[j]! });
  const frags: RefFrag[] = [];
  let fs = -1;
  let fe = -1;
  for (let j = 0; j <= k; j++) {
    if (j < k && fs >= 0 && starts[j]! - fe === 1 && text.charCodeAt(fe) === 32) { fe = ends[j]!; continue; }
    if (fs >= 0) frags.push({ text: text.slice(fs, fe), start: fs, end: fe, line: index, x: fs - lineStart });
    if (j < k) { fs = starts[j]!; fe = ends[j]!; }
  }
  return { frags, nums };
}

/** Pieces of table-like lines: labels, numbers with units, dashes, the spaces between, page furniture. */
const piece = fc.constantFrom(
  ' ', ' ', '  ', '     ', '\u3000', '\t', '\u00a0', '\u200b', '\ufeff', '|', '-', '—', '——', '－', '/', '无', '第', '页',
  '0', '7', '12', '1,024', '３', '4.5', '-3', '+2', '．', '.', '万元', '元', '件', '项', '12件', '3 件', '报告',
  '信息内容', '本年新制作数量', '政府信息公开工作年度报告', '（一）', '一、', '1.', 'a', 'govreport-ignore', '<!--', '-->',
  '-3-', '第 4 页', '- 12 -', '———',
  '信 息内容', '信息内容）', '行政复议', '行政 复议', '行政复议、', '“行政复议”', 'Ａ', 'A', '容',
);
const line = fc.array(piece, { maxLength: 24 }).map((p) => p.join(''));
const lines = fc.array(line, { minLength: 1, maxLength: 12 });
const breaks = fc.constantFrom('\n', '\r\n', '\r');

describe('space-aligned line pieces against their reference versions', () => {
  it('tokenize: the same fragments and value cells on random lines', () => {
    fc.assert(fc.property(lines, breaks, (ls, br) => {
      const src = new SourceText(ls.join(br));
      for (let i = 0; i < src.lineCount; i++) {
        const got = tokenize(src, i);
        const want = referenceTokenize(src, i);
        assert.deepEqual(got.frags.map((f) => ({ text: f.text, start: f.start, end: f.end, line: f.line, x: f.x })), want.frags);
        const cells: RefCell[] = [];
        for (let j = 0; j < numCount(got); j++) {
          const s = numStart(got, j);
          const e = numEnd(got, j);
          cells.push({ text: cellText(src.text, s, e), start: s, end: e });
        }
        assert.deepEqual(cells, want.nums);
      }
    }), { numRuns: 1500 });
  });

  it('firstIs: as comparing the first fragment\'s label key, on random lines and keys', () => {
    const keys = fc.constantFrom(T2_HEAD_KEY, T4_SIG_KEYS[0]!, '', 'A', '"行政复议"', '行政复议,', '信', '12');
    fc.assert(fc.property(lines, breaks, keys, (ls, br, key) => {
      const src = new SourceText(ls.join(br));
      for (let i = 0; i < src.lineCount; i++) {
        const t = tokenize(src, i);
        const want = (t.frags[0] ? lk(t.frags[0].text) : '') === key;
        // Twice: the second time with the key kept on the Tok, if the first computed it.
        assert.equal(firstIs(t, key), want);
        assert.equal(firstIs(t, key), want);
      }
    }), { numRuns: 1500 });
  });

  it('classifyAt and isFurnitureAt answer as classify and isFurnitureLine on the line text', () => {
    fc.assert(fc.property(lines, breaks, (ls, br) => {
      const src = new SourceText(ls.join(br));
      const memo = new Uint8Array(src.lineCount);
      for (let i = 0; i < src.lineCount; i++) {
        const text = src.lineText(i);
        const special = text.includes('\t') || text.includes('govreport-');
        assert.equal(classifyAt(src, i, special), classify(text));
        // Asked twice: the second answer comes from the memo.
        assert.equal(isFurnitureAt(src, i, memo), isFurnitureLine(text));
        assert.equal(isFurnitureAt(src, i, memo), isFurnitureLine(text));
      }
    }), { numRuns: 1500 });
  });

  it('long lines: classifyAt falls back to classify', () => {
    const src = new SourceText('x'.repeat(10001) + '\n' + ' '.repeat(10001) + '\n');
    for (let i = 0; i < src.lineCount; i++) assert.equal(classifyAt(src, i, false), classify(src.lineText(i)));
  });
});
