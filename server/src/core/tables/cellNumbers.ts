/**
 * Exact cell values and their arithmetic (bigint units scaled by 10^scale): what the identities,
 * localisation, hover and the across-report rules add and compare. No floating point anywhere.
 */
import type { Cell } from '../model/types';
import { formatUnits, type CellValue } from '../text/numbers';

/** An exact number: `units` scaled by 10^scale. */
export interface Num { units: bigint; scale: number }

export const ZERO: Num = { units: 0n, scale: 0 };


/** Value used in sums: blank, placeholder and a missing cell count 0; text is null (not usable). */
export function numOf(value: CellValue | undefined): Num | null {
  if (!value) return ZERO;
  switch (value.kind) {
    case 'blank':
    case 'placeholder':
      return ZERO;
    case 'number':
      return value; // a Num already (units, scale), shared rather than copied: Nums are never changed
    default:
      return null;
  }
}

export function cellNum(cell: Cell | undefined): Num | null {
  return numOf(cell?.value);
}

export function addNum(a: Num, b: Num): Num {
  // Nearly every figure is a whole number: skip the bigint powers when the scales agree.
  if (a.scale === b.scale) return { units: a.units + b.units, scale: a.scale };
  const scale = Math.max(a.scale, b.scale);
  return { units: a.units * 10n ** BigInt(scale - a.scale) + b.units * 10n ** BigInt(scale - b.scale), scale };
}

export function negNum(a: Num): Num {
  return { units: -a.units, scale: a.scale };
}

export function subNum(a: Num, b: Num): Num {
  return addNum(a, negNum(b));
}

export function sumNums(xs: readonly Num[]): Num {
  // Whole numbers (the usual case) add up without a Num per step.
  let units = 0n;
  for (const x of xs) {
    if (x.scale !== 0) return xs.reduce(addNum, ZERO);
    units += x.units;
  }
  return xs.length ? { units, scale: 0 } : ZERO;
}

export function cmpNum(a: Num, b: Num): number {
  const d = subNum(a, b).units;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export function isZero(a: Num): boolean {
  return a.units === 0n;
}

export function fmtNum(a: Num): string {
  return formatUnits(a.units, a.scale);
}
