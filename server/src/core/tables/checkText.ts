/**
 * How an identity check reads: a value ("12", "空（按 0 计）"), a term's short name inside its sum,
 * the list of summed terms, and the range a check's diagnostic sits on. Shared by GR101–GR104, the
 * hover and the inlay hints so they say the same thing.
 */
import type { MessageKey } from '../messages';
import type { SourceText, Span } from '../text/source';
import { fmtNum, isZero } from './cellNumbers';
import type { IdentityCheck, Term } from './identities';
import { columnName, rowName } from './names';
import { rowAnchor, tableAnchor, visibleSpan } from './spans';
import { cellSpan } from './cells';

/** The catalogue's translate function, as a rule context or a feature holds it. */
export type Translate = (key: MessageKey, args?: Record<string, string | number>) => string;

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
export function checkSpan(ctx: { model: { source: SourceText } }, check: IdentityCheck): Span {
  const src = ctx.model.source;
  const row = check.table.rows.find((r) => r.key === check.target.row);
  if (check.target.cell) return visibleSpan(src, cellSpan(check.target.cell), row ? rowAnchor(src, row) : null);
  // No cell to point at (row missing or short): the balance falls back to （七）, others to the row label.
  const alt = check.right?.find((x) => x.cell && x !== check.target);
  if (alt?.cell) return visibleSpan(src, cellSpan(alt.cell));
  if (row) return rowAnchor(src, row);
  return tableAnchor(src, check.table);
}
