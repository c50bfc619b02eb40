/**
 * Flattened rows: a row label with its figures run together ("一、本年新收政府信息公开申请数量713000074").
 * The cells cannot be separated, so the table is reported unreadable and no number is guessed.
 */
import type { Row, Table } from '../../model/types';
import type { TableKey } from '../../standard/types';
import { isJsSpace } from '../../text/chars';
import type { SourceText } from '../../text/source';
import { emptyTable, labelSpanOf } from './build';
import { captionOf, T3_NOTE_KEYS } from './spec';
import { lineExtent, type LineKinds, LINE } from './locate';
import { matchRow } from './rows';
import { specOf, TABLE_KEYS } from './spec';

const GLUED = /^(.*[^\d\s０-９.,，．])([0-9０-９][0-9０-９.,，．]*)$/;
const KEYS = TABLE_KEYS.filter((k) => k !== 'T4');

interface Hit { line: number; key: TableKey; row: Row }

export function flattenedTables(src: SourceText, kinds: LineKinds, claimed: Uint8Array): Table[] {
  const hits: Hit[] = [];
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] !== LINE.text || claimed[i]) continue;
    const start = src.lineStart(i);
    let k = src.lineEnd(i);
    if (k - start > 300) continue;
    // The last non-blank character, read in place: most lines stop here, before a line object
    // or a copy of the line is made.
    while (k > start && isJsSpace(src.text.charCodeAt(k - 1))) k--;
    const c = k > start ? src.text.charCodeAt(k - 1) : -1;
    if (!((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19))) continue;
    const ext = lineExtent(src.text, src.line(i)); // no destructuring: it allocates in the unoptimised tiers
    const s = ext[0];
    const e = ext[1];
    const t = src.text.slice(s, e);
    const m = GLUED.exec(t);
    if (!m || /\s$/.test(m[1]!)) continue;
    const label = m[1]!;
    for (let ki = 0; ki < KEYS.length; ki++) {
      const key = KEYS[ki]!;
      const r = matchRow(key, label);
      if (!r) continue;
      const ls = labelSpanOf([{ text: label, start: s, end: s + label.length }]);
      hits.push({
        line: i, key,
        row: { key: r.row.key, label, labelStart: ls ? ls.start : -1, labelEnd: ls ? ls.end : -1, match: r.match, start: s, end: e, cells: [], expectedCells: specOf(key, null).columns.length },
      });
      break;
    }
  }
  const out: Table[] = [];
  for (let a = 0; a < hits.length;) {
    let b = a + 1;
    while (b < hits.length && hits[b]!.key === hits[a]!.key && hits[b]!.line - hits[b - 1]!.line <= 3) b++;
    const group = hits.slice(a, b);
    const first = group[0]!;
    let start = src.lineStart(first.line);
    let caption: Table['caption'] = null;
    for (let j = first.line - 1, seen = 0; j >= 0 && seen < 3; j--, seen++) {
      if (kinds[j] === LINE.blank) continue;
      const cap = kinds[j] === LINE.text && !claimed[j] ? captionOf(src.lineText(j)) : null;
      if (kinds[j] === LINE.text && !claimed[j] && first.key === 'T3' && T3_NOTE_KEYS.some((n) => src.lineText(j).includes(n))) {
        start = src.lineStart(j);
        claimed[j] = 1;
      } else if (cap && cap.key === first.key) {
        const l = src.line(j);
        caption = { text: l.text.slice(cap.start, cap.end), span: { start: l.start + cap.start, end: l.start + cap.end } };
        start = l.start;
      }
      break;
    }
    if (group.length >= 2 || caption) {
      const t = emptyTable('flattened', first.key, { start, end: src.lineEnd(group[group.length - 1]!.line) });
      t.readable = false;
      t.reading = { level: 'unreadable', notes: [{ kind: 'unread', reason: 'flattened', span: null }] };
      t.caption = caption;
      t.rows = group.map((h) => h.row);
      for (const h of group) claimed[h.line] = 1;
      out.push(t);
    }
    a = b;
  }
  return out;
}
