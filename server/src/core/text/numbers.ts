/**
 * Numbers in value cells, read exactly. Counts are integers (bigint); amounts keep their decimal
 * digits as a scaled bigint so sums never suffer floating-point error.
 */

export type CellValue =
  | { kind: 'blank' }
  /** `units` is the value scaled by 10^scale; `unit` is a unit written in the cell (元, 万元). */
  | { kind: 'number'; units: bigint; scale: number; unit?: string }
  /** "无", "—", "/", "-" and the like: a placeholder meaning zero, not a number (GR105). */
  | { kind: 'placeholder'; text: string }
  | { kind: 'text'; text: string };

const PLACEHOLDERS = new Set(['无', '—', '——', '/', '-', '－', '／', '―', '–', '空', '暂无', 'null', 'N/A', '/ ']);

/** Full-width digits and signs to ASCII. */
function asciiDigits(s: string): string {
  return s.replace(/[０-９．，－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const BLANK: CellValue = Object.freeze({ kind: 'blank' });

/**
 * Shared, frozen values for the small counts most cells hold (like BLANK): a 1 MB report has tens
 * of thousands of cells, and every object kept in the model adds to garbage-collection work.
 */
const SMALL_COUNTS: CellValue[] = Array.from({ length: 1000 }, (_, i) => Object.freeze({ kind: 'number', units: BigInt(i), scale: 0 }));

/** The value of a string of ASCII digits (short enough to be exact as a number), else -1. */
function plainDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** Longest digit string read as a number; longer ones are text (no table holds such a figure). */
export const MAX_NUMBER_DIGITS = 100;

/**
 * The value of a string of ASCII digits, or null when it is empty, holds anything else or is
 * longer than MAX_NUMBER_DIGITS. Total: every caller converts through here, never BigInt(string).
 */
export function digitsValue(s: string): bigint | null {
  if (s.length === 0 || s.length > MAX_NUMBER_DIGITS) return null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return BigInt(s);
}

/** Reads one cell's text. Thousands separators and a trailing unit (元/万元/件/条/个/项) are accepted. */
export function parseCell(raw: string): CellValue {
  // Fast paths: the reader asks about every cell, most of them blank or plain digits.
  if (raw === '') return BLANK;
  if (raw.length < 16) {
    // Digits are read by charCode and converted from a number: BigInt(string) is several times slower.
    const n = plainDigits(raw);
    if (n >= 0) return n < SMALL_COUNTS.length ? SMALL_COUNTS[n]! : { kind: 'number', units: BigInt(n), scale: 0 };
  }
  const t = raw.trim().replace(/\u3000/g, '');
  if (t === '') return BLANK;
  if (PLACEHOLDERS.has(t)) return { kind: 'placeholder', text: t };
  const s = asciiDigits(t).replace(/\s+/g, '');
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万元|元|件|条|个|项|次)?$/.exec(s);
  if (!m) return { kind: 'text', text: t };
  const digits = m[2]!.replace(/,/g, '');
  const frac = m[3] ?? '';
  const exact = digitsValue(digits + frac);
  if (exact === null) return { kind: 'text', text: t };
  let units = exact;
  if (m[1] === '-') units = -units;
  const value: CellValue = { kind: 'number', units, scale: frac.length };
  if (m[4]) value.unit = m[4];
  return value;
}

/** Renders a scaled value back to text ("96171.6", "-3", "12"). */
export function formatUnits(units: bigint, scale: number): string {
  const neg = units < 0n;
  let s = (neg ? -units : units).toString();
  if (scale > 0) {
    s = s.padStart(scale + 1, '0');
    s = `${s.slice(0, -scale)}.${s.slice(-scale)}`.replace(/\.?0+$/, '');
  }
  return (neg ? '-' : '') + s;
}

/** Brings two scaled values to a common scale. */
export function align(a: { units: bigint; scale: number }, scale: number): bigint {
  return a.units * 10n ** BigInt(scale - a.scale);
}
