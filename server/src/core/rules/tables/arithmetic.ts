/**
 * What GR101–GR104 share: turning a failed IdentityCheck into a finding that names the cells it
 * summed and both values, sits on the wrong cell, points at every summed cell, and offers the fix.
 */
import type { MessageKey } from '../../messages';
import type { Related, RuleContext } from '../types';
import {
  cellEdit, cellName, checkedTables, columnName, fmtNum, hasTextCell, isZero, rowAnchor, rowName,
  tableAnchor, visibleSpan, type Num,
} from './common';
import { checkIdentities, sideSum, type IdentityCheck, type Term } from './identities';
import type { Span } from '../../text/source';

type Translate = RuleContext['t'];

/** How a value reads in a message: "12", or "空（按 0 计）" for a blank/missing cell. */
export function valueText(t: Translate, term: Term): string {
  if (!term.cell || term.cell.value.kind === 'blank') return t('tables.blank');
  if (term.cell.value.kind === 'placeholder') return `“${term.cell.text}”`;
  return term.value ? fmtNum(term.value) : `“${term.cell.text}”`;
}

/** Short name of a term inside a sum, relative to the check (column name in a row sum, …). */
export function termName(check: IdentityCheck, term: Term): string {
  const spec = check.spec;
  switch (check.identity.kind) {
    case 'rowSum':
      return columnName(spec, term.column);
    case 'columnSum':
      return rowName(spec, term.row);
    case 'blockSum': {
      const c = columnName(spec, term.column);
      return c.slice(c.lastIndexOf('·') + 1);
    }
    case 'balance': {
      const n = spec.rows.find((r) => r.key === term.row)?.numbering ?? term.row;
      return n.replace(/[、.．]$/, '');
    }
  }
}

/** "（一）予以公开 12 + （二）部分公开 3，其余为 0" — non-zero terms only. */
export function termsText(t: Translate, check: IdentityCheck, terms: readonly Term[], all = false): string {
  const shown = all ? terms : terms.filter((x) => x.value && !isZero(x.value));
  const list = shown.map((x) => `${termName(check, x)} ${x.value ? fmtNum(x.value) : valueText(t, x)}`).join(' + ');
  if (!list) return t('tables.allZero');
  return shown.length < terms.length ? `${list}${t('tables.restZero')}` : list;
}

/** The range a check's diagnostic sits on. */
export function checkSpan(ctx: { model: { source: import('../../text/source').SourceText } }, check: IdentityCheck): Span {
  const src = ctx.model.source;
  const row = check.table.rows.find((r) => r.key === check.target.row);
  if (check.target.cell) return visibleSpan(src, check.target.cell.span, row ? rowAnchor(src, row) : null);
  // No cell to point at (row missing or short): the balance falls back to （七）, others to the row label.
  const alt = check.right?.find((x) => x.cell && x !== check.target);
  if (alt?.cell) return visibleSpan(src, alt.cell.span);
  if (row) return rowAnchor(src, row);
  return tableAnchor(src, check.table);
}

function related(ctx: RuleContext, check: IdentityCheck): Related[] {
  const src = ctx.model.source;
  const key = `${check.rule}.related` as MessageKey;
  const out: Related[] = [];
  for (const p of check.parts) {
    if (!p.cell) continue;
    out.push({
      span: visibleSpan(src, p.cell.span),
      message: ctx.t(key, { cell: cellName(check.spec, p.row, p.column), value: valueText(ctx.t, p) }),
    });
  }
  return out;
}

/**
 * Whether fix-all may apply a check's fix. Not when another failing identity wants a different
 * value in the same cell (fix-all would go round in circles), and not for the balance of the
 * 总计 column while an applicant column's balance fails: that one follows from the others and the
 * row sums, and fixing it on its own would fight GR101 on 四.
 */
function fixIsSafe(check: IdentityCheck, checks: readonly IdentityCheck[]): boolean {
  for (const other of checks) {
    if (other === check || other.status !== 'mismatch' || other.target.cell !== check.target.cell) continue;
    if (!other.expected || !check.expected || other.expected.units * 10n ** BigInt(check.expected.scale) !== check.expected.units * 10n ** BigInt(other.expected.scale)) return false;
  }
  if (check.identity.kind === 'balance') {
    const totalColumns = new Set(check.spec.identities.flatMap((i) => (i.kind === 'rowSum' ? [i.totalColumn] : [])));
    if (totalColumns.has(check.target.column)) {
      const id = check.identity;
      if (checks.some((c) => c.identity === id && c !== check && c.status === 'mismatch')) return false;
    }
  }
  return true;
}

/** Reports every mismatching check of `rule` (GR101…GR104) in every readable table. */
export function reportArithmetic(ctx: RuleContext, rule: string): void {
  for (const { table, spec } of checkedTables(ctx.model.tables, ctx.format)) {
    if (!spec.identities.some((i) => i.rule === rule)) continue;
    const checks = checkIdentities(table, spec);
    let noText: boolean | undefined;
    for (const check of checks) {
      if (check.rule !== rule || check.status !== 'mismatch') continue;
      noText ??= !hasTextCell(table);
      const safe = noText && fixIsSafe(check, checks);
      const expected = check.expected!;
      const target = cellName(spec, check.target.row, check.target.column);
      const args: Record<string, string> = {
        cell: target,
        actual: valueText(ctx.t, check.target),
        expected: fmtNum(expected),
        terms: termsText(ctx.t, check, check.parts),
      };
      if (check.identity.kind === 'balance') {
        const l = sideSum(check.left!);
        const r = sideSum(check.right!);
        Object.assign(args, {
          column: columnName(spec, check.target.column),
          left: fmtNum(l), right: fmtNum(r),
          leftTerms: termsText(ctx.t, check, check.left!, true),
          rightTerms: termsText(ctx.t, check, check.right!, true),
        });
      }
      const fixes = [];
      if (check.target.cell && expected.units >= 0n) {
        fixes.push({
          title: ctx.t(`${rule}.fix` as MessageKey, { cell: target, expected: fmtNum(expected) }),
          edits: [cellEdit(ctx.model.source, table, check.target.cell, fmtNum(expected))],
          safe,
          preferred: true,
        });
      }
      ctx.report({
        span: checkSpan(ctx, check),
        key: (check.identity.kind === 'balance' && !check.target.cell ? `${rule}.noTarget` : rule) as MessageKey,
        args,
        related: related(ctx, check),
        ...(fixes.length ? { fixes } : {}),
      });
    }
  }
}

export type { Num };
