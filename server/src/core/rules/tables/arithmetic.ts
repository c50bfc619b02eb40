/**
 * What GR101–GR104 share: turning a failed IdentityCheck into a finding that names the cells it
 * summed and both values, sits on the suspect cell (when the table's failures locate one), points
 * at the other failing totals and every summed cell, and offers the fix (safe only when located).
 */
import type { MessageKey } from '../../messages';
import type { Fix, Related } from '../../types';
import type { RuleContext } from '../types';
import { cellEdit } from '../../tables/cellEdits';
import { cellName, columnName } from '../../tables/names';
import { fmtNum } from '../../tables/cellNumbers';
import { visibleSpan } from '../../tables/spans';
import { tableConfidence } from '../../tables/confidence';
import { checkIdentities, mayFail, sideSum, type IdentityCheck } from '../../tables/identities';
import { involves, localCandidates, localise, type Localisation, type Suspect } from '../../tables/localise';
import { checkSpan, termsText, valueText } from '../../tables/checkText';
import type { Span } from '../../text/source';
import { cellSpan } from '../../tables/cells';

function related(ctx: RuleContext, check: IdentityCheck): Related[] {
  const src = ctx.model.source;
  const key = `${check.rule}.related` as MessageKey;
  const out: Related[] = [];
  for (const p of check.parts) {
    if (!p.cell) continue;
    out.push({
      span: visibleSpan(src, cellSpan(p.cell)),
      message: ctx.t(key, { cell: cellName(check.spec, p.row, p.column), value: valueText(ctx.t, p) }),
    });
  }
  return out;
}

/** "一、本年新收…·自然人 → 12" list of candidates for a message (the hover names the same). */
export function candidatesText(spec: IdentityCheck['spec'], list: readonly Suspect[]): string {
  return list.map((s) => `${cellName(spec, s.row, s.column)}（→ ${fmtNum(s.value)}）`).join('、');
}

/** At most this many candidate fixes per finding (a 表四 block has 5, a 表三 row 7). */
const MAX_CANDIDATES = 8;

/**
 * The cells a finding on `check` names when no one cell explains the table's failures: the
 * table-wide explainers, else the cells that mend this check alone. Shared with the hover.
 */
export function candidatesOf(check: IdentityCheck, checks: readonly IdentityCheck[], loc: Localisation): Suspect[] {
  return (loc.explainers.length ? loc.explainers : localCandidates(check, checks)).slice(0, MAX_CANDIDATES);
}

/**
 * Reports every mismatching check of `rule` (GR101…GR104) in every table whose reading allows
 * arithmetic. The table's failures are first localised (localise.ts): when one cell explains them
 * all, every finding sits on that cell and names it, and its fix is safe when the table's reading
 * is trusted (confidence.ts) and the cell holds a number. Otherwise no finding claims a cell is
 * wrong: each says which identity fails and which cells are suspects, one non-safe fix per suspect.
 */
export function reportArithmetic(ctx: RuleContext, rule: string): void {
  const tables = ctx.model.tables;
  for (const { table, spec } of ctx.tables) {
    if (!spec.identities.some((i) => i.rule === rule)) continue;
    const confidence = tableConfidence(table, spec, tables);
    if (!confidence.arithmetic) continue;
    // Most tables add up: their checks are built only when one of this rule's may fail.
    if (!mayFail(table, spec, rule)) continue;
    const checks = checkIdentities(table, spec);
    if (!checks.some((c) => c.rule === rule && c.status === 'mismatch')) continue;
    const loc = localise(checks);
    for (const check of checks) {
      if (check.rule !== rule || check.status !== 'mismatch') continue;
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
      const noTarget = check.identity.kind === 'balance' && !check.target.cell;
      // A balance with no 四 row at all says so and offers nothing: its 四 is unknown, not 0.
      const suspect = !noTarget && loc.located && involves(check, loc.located) ? loc.located : null;
      const fixes: Fix[] = [];
      let key: string;
      let span: Span;
      if (suspect) {
        const name = cellName(spec, suspect.row, suspect.column);
        const onTarget = suspect.cell === check.target.cell;
        // Safe only with two or more failing identities agreeing on the cell and its value (a cell in
        // one identity is "located" only by ruling out negative values elsewhere: too weak to write).
        const safe = confidence.fixes && suspect.cell.value.kind === 'number' &&
          loc.failing.filter((c) => involves(c, suspect)).length >= 2;
        // The located cell: the rule's own message when it is this check's total, else one that
        // names the suspect and says the total disagrees (without calling the total wrong).
        key = onTarget ? rule : `${rule}.suspect`;
        Object.assign(args, { suspect: name, value: fmtNum(suspect.value) });
        span = visibleSpan(ctx.model.source, cellSpan(suspect.cell));
        fixes.push({
          title: safe
            ? ctx.t(`${rule}.fix` as MessageKey, { cell: name, expected: fmtNum(suspect.value) })
            : ctx.t('tables.fix.assume', { cell: name, value: fmtNum(suspect.value) }),
          edits: [cellEdit(ctx.model.source, table, suspect.cell, fmtNum(suspect.value))],
          safe,
          preferred: true,
        });
      } else if (noTarget) {
        key = `${rule}.noTarget`;
        span = checkSpan(ctx, check);
      } else {
        const list = candidatesOf(check, checks, loc);
        key = list.length ? `${rule}.unlocated` : `${rule}.unexplained`;
        args.candidates = candidatesText(spec, list);
        span = checkSpan(ctx, check);
        for (const s of list) {
          fixes.push({
            title: ctx.t('tables.fix.assume', { cell: cellName(spec, s.row, s.column), value: fmtNum(s.value) }),
            edits: [cellEdit(ctx.model.source, table, s.cell, fmtNum(s.value))],
            safe: false,
          });
        }
      }
      ctx.report({
        span,
        key: key as MessageKey,
        args,
        related: [...failingTotals(ctx, loc.failing, check), ...related(ctx, check)],
        ...(fixes.length ? { fixes } : {}),
      });
    }
  }
}

/** The other failing identities of the table, by their totals (what the suspect must account for). */
function failingTotals(ctx: RuleContext, failing: readonly IdentityCheck[], self: IdentityCheck): Related[] {
  const out: Related[] = [];
  for (const c of failing) {
    if (c === self) continue;
    out.push({
      span: checkSpan(ctx, c),
      message: ctx.t('tables.related.failing', {
        cell: cellName(c.spec, c.target.row, c.target.column),
        actual: valueText(ctx.t, c.target),
        expected: fmtNum(c.expected!),
      }),
    });
  }
  return out;
}

