/**
 * Hover on a table: on a total cell, the sum it should be, term by term; on a row label, what the
 * row counts (the spec's doc) and its standard label. Pure: offsets in, Markdown out.
 */
import type { Analysis } from '../analyze';
import { translate, type MessageKey } from '../messages/index';
import { termName, valueText } from '../tables/checkText';
import { cellName, rowName, rowSpecOf } from '../tables/names';
import { contains, visibleSpan } from '../tables/spans';
import { fmtNum, isZero, subNum } from '../tables/cellNumbers';
import type { IdentityCheck } from '../tables/identities';
import { involves, localise, type Localisation } from '../tables/localise';
import { candidatesOf, candidatesText } from '../rules/tables/arithmetic';
import type { Locale } from '../types';
import type { Span } from '../text/source';
import { cellAtOffset, factsOf, tableAt } from './tableFacts';
import { cellSpan, rowLabelSpan } from '../tables/cells';

export interface Hover { span: Span; markdown: string }

export interface HoverOptions { locale?: Locale }

export function hoverAt(analysis: Pick<Analysis, 'model'>, offset: number, options: HoverOptions = {}): Hover | null {
  const model = analysis.model;
  const table = tableAt(analysis, offset);
  if (!table) return null;
  const facts = factsOf(model, table);
  if (!facts) return null;
  const t = (key: string, args?: Record<string, string | number>) => translate(options.locale ?? 'zh-cn', key as MessageKey, args);

  const hit = cellAtOffset(model, table, offset);
  if (hit) {
    const checks = facts.checks.filter((c) => c.target.cell === hit.cell);
    if (!checks.length) return null;
    const span = visibleSpan(model.source, cellSpan(hit.cell));
    // Sums not checked on this reading (GR101–GR104 are silent): no "应为" either.
    if (!facts.arithmetic) return { span, markdown: `**${cellName(facts.spec, checks[0]!.target.row, checks[0]!.target.column)}**\n\n${t('tables.hover.notChecked')}` };
    const loc = localise(facts.checks);
    const parts = checks.map((c) => explain(t, c, facts.checks, loc));
    return { span, markdown: parts.join('\n\n---\n\n') };
  }

  for (const row of table.rows) {
    const labelSpan = rowLabelSpan(row);
    if (!row.key || !labelSpan || !contains(labelSpan, offset)) continue;
    const rs = rowSpecOf(facts.spec, row.key);
    if (!rs) return null;
    const lines = [`**${rowName(facts.spec, row.key) || rs.label}**`];
    if (rs.doc) lines.push(rs.doc);
    if (row.match === 'variant' || row.match === 'alias') lines.push(t('tables.hover.standard', { label: `${rs.numbering}${rs.label}` }));
    return { span: labelSpan, markdown: lines.join('\n\n') };
  }
  return null;
}

/**
 * Leads with the sum: "**（七）总计·自然人** 应为 **26**" and, on the next line, what the table says
 * and whether it holds. Then only the terms that carry a value, one per row; zero and blank terms
 * are summarised in one line each (a 19-term sum of blanks would otherwise bury the answer).
 */
function explain(t: (key: string, args?: Record<string, string | number>) => string, c: IdentityCheck,
  checks: readonly IdentityCheck[], loc: Localisation): string {
  const name = cellName(c.spec, c.target.row, c.target.column);
  const lines: string[] = [];
  if (c.status === 'skipped' || !c.expected) {
    lines.push(`**${name}**`, t('tables.hover.skipped'));
    return lines.join('\n\n');
  }
  const diff = subNum(c.actual!, c.expected);
  const status = c.status === 'ok' ? t('tables.hover.ok') : t('tables.hover.diff', { diff: (diff.units > 0n ? '+' : '') + fmtNum(diff) });
  // As the diagnostic says it (arithmetic.ts): "应为 N" only when the total is the located cell or
  // the check holds; else the sum of the terms, and the suspected cell or the candidates.
  const located = c.status === 'mismatch' && loc.located && involves(c, loc.located) ? loc.located : null;
  const blamesTotal = c.status === 'ok' || (located !== null && located.cell === c.target.cell);
  const lead = t(blamesTotal ? 'tables.hover.total' : 'tables.hover.sum', { cell: name, expected: fmtNum(c.expected) });
  lines.push(`${lead} · ${c.rule}  \n${t('tables.hover.current', { actual: valueText(t, c.target), status })}`);
  if (!blamesTotal) {
    if (located) lines.push(t('tables.hover.suspect', { suspect: cellName(c.spec, located.row, located.column), value: fmtNum(located.value), cell: name }));
    else {
      const list = candidatesOf(c, checks, loc);
      lines.push(list.length ? t('tables.hover.unlocated', { candidates: candidatesText(c.spec, list) }) : t('tables.hover.unexplained'));
    }
  }
  if (c.identity.kind === 'balance') lines.push(t('tables.hover.balance'));
  const terms: string[] = [];
  const right = new Set(c.right ?? []);
  let zeros = 0;
  let blanks = 0;
  for (const p of c.parts) {
    if (!p.cell || p.cell.value.kind === 'blank') { blanks++; continue; }
    const v = p.value;
    if (v && isZero(v)) { zeros++; continue; }
    const sign = right.has(p) ? '−' : '+';
    terms.push(`| ${sign} | ${termName(c, p)} | ${v ? fmtNum(v) : valueText(t, p)} |`);
  }
  if (terms.length) lines.push(['| | | |', '|:-:|:--|--:|', ...terms].join('\n'));
  const rest: string[] = [];
  if (zeros) rest.push(t('tables.hover.zeros', { count: zeros }));
  if (blanks) rest.push(t('tables.hover.blanks', { count: blanks }));
  if (rest.length) lines.push(rest.join('  \n'));
  return lines.join('\n\n');
}
