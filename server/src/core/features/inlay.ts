/**
 * Inlay hints on tables: "应为 26" after the one cell error localisation pins, and at the end of
 * each checked table's header line a summary: "✓ 勾稽关系成立", or how many identities fail.
 */
import type { Analysis } from '../analyze';
import { translate, type MessageKey } from '../messages/index';
import { cellName } from '../tables/names';
import { fmtNum } from '../tables/cellNumbers';
import { isAllBlank } from '../rules/tables/gr011-blank-table';
import { involves, localise } from '../tables/localise';
import type { Locale } from '../types';
import type { Span } from '../text/source';
import { factsOf } from './tableFacts';

export interface InlayHint {
  offset: number;
  label: string;
  tooltip?: string;
  /** Whether the editor should put a space before the label. */
  paddingLeft?: boolean;
}

export interface InlayOptions { locale?: Locale }

export function inlayHints(analysis: Pick<Analysis, 'model'>, span?: Span, options: InlayOptions = {}): InlayHint[] {
  const model = analysis.model;
  const src = model.source;
  const t = (key: string, args?: Record<string, string | number>) => translate(options.locale ?? 'zh-cn', key as MessageKey, args);
  const out: InlayHint[] = [];
  for (const table of model.tables) {
    if (span && (table.span.end < span.start || table.span.start > span.end)) continue;
    const facts = factsOf(model, table);
    if (!facts || facts.checks.length === 0 || isAllBlank(table)) continue;
    const line = src.line(src.lineIndexAt(table.headerSpan?.start ?? table.span.start));
    // Sums switched off for this reading (tableConfidence): GR101–GR104 say nothing, so neither
    // does the summary count failures or a cell get "应为"; it says the sums were not checked.
    if (!facts.arithmetic) {
      out.push({ offset: line.end, label: t('tables.inlay.notChecked'), tooltip: t('tables.inlay.notCheckedTip'), paddingLeft: true });
      continue;
    }
    const mismatches = facts.checks.filter((c) => c.status === 'mismatch');
    const skipped = facts.checks.filter((c) => c.status === 'skipped');

    // "应为 N" only on the cell error localisation pins (tables/localise.ts): when no single
    // cell explains the failures, no cell is called wrong (the header summary counts them).
    const located = mismatches.length ? localise(facts.checks).located : null;
    if (located) {
      const tips = mismatches.filter((c) => involves(c, located)).map((c) => `${c.rule}: ${cellName(c.spec, c.target.row, c.target.column)} = ${fmtNum(c.expected!)}`);
      out.push({ offset: located.cell.end, label: t('tables.inlay.shouldBe', { expected: fmtNum(located.value) }), tooltip: tips.join('\n'), paddingLeft: true });
    }

    let label: string;
    if (mismatches.length === 0 && skipped.length === 0) label = t('tables.inlay.ok');
    else {
      const parts: string[] = [];
      if (mismatches.length) parts.push(t('tables.inlay.problems', { count: mismatches.length }));
      if (skipped.length) parts.push(t('tables.inlay.unchecked', { count: skipped.length }));
      label = parts.join('，');
    }
    const tooltip = mismatches
      .map((c) => `${c.rule}: ${cellName(c.spec, c.target.row, c.target.column)} ${c.actual ? fmtNum(c.actual) : ''} → ${fmtNum(c.expected!)}`)
      .join('\n');
    out.push({ offset: line.end, label, ...(tooltip ? { tooltip } : {}), paddingLeft: true });
  }
  const inSpan = (o: number) => !span || (o >= span.start && o <= span.end);
  return out.filter((h) => inSpan(h.offset)).sort((a, b) => a.offset - b.offset);
}
