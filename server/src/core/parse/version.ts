/**
 * Which format version the text itself uses, from its markers (column headers and row labels
 * unique to one version, listed in the format data), and the notices it cites.
 */
import type { VersionId } from '../standard/types';
import { FORMAT_2019, FORMAT_2021, LEGACY } from '../standard/versions';
import type { SourceText, Span } from '../text/source';

export interface Marker { version: VersionId; text: string; span: Span }

const MARKERS = [FORMAT_2019, FORMAT_2021].flatMap((f) => f.markers.map((text) => ({ version: f.version, text })));
/** Any marker: one regular-expression scan finds where markers start, instead of one text scan per marker. */
const ANY_MARKER = new RegExp(MARKERS.map((m) => m.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

/** Every occurrence of every marker, in text order (at one position, in the order of the data). */
export function findMarkers(src: SourceText): Marker[] {
  return markersIn(src.text, 0);
}

/** findMarkers of `text`, spans moved by `offset`. */
function markersIn(text: string, offset: number): Marker[] {
  const out: Marker[] = [];
  // Like successive indexOf calls per marker: an occurrence counts only after the previous one of the same marker.
  const free = new Array<number>(MARKERS.length).fill(0);
  ANY_MARKER.lastIndex = 0;
  for (let m = ANY_MARKER.exec(text); m; m = ANY_MARKER.exec(text)) {
    const at = m.index;
    for (let i = 0; i < MARKERS.length; i++) {
      const { version, text: marker } = MARKERS[i]!;
      if (at < free[i]! || text.charCodeAt(at) !== marker.charCodeAt(0) || !text.startsWith(marker, at)) continue;
      out.push({ version, text: marker, span: { start: offset + at, end: offset + at + marker.length } });
      free[i] = at + marker.length;
    }
    // Resume right after this start: another marker may begin inside this one.
    ANY_MARKER.lastIndex = at + 1;
  }
  return out;
}

const LONGEST_MARKER = Math.max(...MARKERS.map((m) => m.text.length));
/**
 * Whether no marker overlaps itself (a proper prefix equal to a suffix): then the "after the
 * previous one" rule never applies and an occurrence counts by its own characters alone, which
 * findMarkersAfterEdit relies on (it searches only near an edit).
 */
const LOCAL = MARKERS.every(({ text }) => {
  for (let k = 1; k < text.length; k++) if (text.endsWith(text.slice(0, k))) return false;
  return true;
});

/**
 * findMarkers(src) given `prev` = findMarkers of the previous text, which had [start, oldEnd)
 * where src.text has [start, newEnd): occurrences starting before the change (less the longest
 * marker) are the old ones, those after it the old ones moved; only the stretch between is searched.
 */
export function findMarkersAfterEdit(src: SourceText, prev: readonly Marker[], start: number, oldEnd: number, newEnd: number): Marker[] {
  if (!LOCAL) return findMarkers(src);
  const text = src.text;
  const delta = newEnd - oldEnd;
  // An occurrence starting before `from` ends at or before `start`: unchanged.
  const from = Math.max(0, start - LONGEST_MARKER + 1);
  const out: Marker[] = [];
  let k = 0;
  for (; k < prev.length && prev[k]!.span.start < from; k++) out.push(prev[k]!);
  // Occurrences starting in [from, newEnd) end by newEnd + LONGEST_MARKER − 1: found in that slice.
  const found = markersIn(text.slice(from, Math.min(text.length, newEnd + LONGEST_MARKER - 1)), from);
  for (let i = 0; i < found.length && found[i]!.span.start < newEnd; i++) out.push(found[i]!);
  for (; k < prev.length && prev[k]!.span.start < oldEnd; k++);
  for (; k < prev.length; k++) {
    const m = prev[k]!;
    out.push(delta === 0 ? m : { version: m.version, text: m.text, span: { start: m.span.start + delta, end: m.span.end + delta } });
  }
  return out;
}

/** The version most markers point to; null when there are none. */
export function usedVersion(markers: Marker[]): VersionId | null {
  const n2019 = markers.filter((m) => m.version === '2019').length;
  const n2021 = markers.length - n2019;
  if (!n2019 && !n2021) return null;
  return n2021 >= n2019 ? '2021' : '2019';
}

export interface NoticeCitation { notice: '2019' | '2021' | 'legacy'; text: string; span: Span }

const NOTICE_RE = /[〔[［(（【]\s*(2019|2021)\s*[〕\]］)）】]\s*(60|30)\s*号|国(?:务院)?令第\s*492\s*号/g;

export function findNotices(src: SourceText): NoticeCitation[] {
  const out: NoticeCitation[] = [];
  NOTICE_RE.lastIndex = 0;
  for (let m = NOTICE_RE.exec(src.text); m; m = NOTICE_RE.exec(src.text)) {
    const notice = m[1] === '2019' && m[2] === '60' ? '2019' : m[1] === '2021' && m[2] === '30' ? '2021' : m[1] ? null : 'legacy';
    if (notice) out.push({ notice, text: m[0], span: { start: m.index, end: m.index + m[0].length } });
  }
  return out;
}

export { LEGACY };
