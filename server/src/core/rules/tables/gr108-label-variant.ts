import { labelKey, stripNumbering } from '../../text/normalize';
import type { RowSpec } from '../../standard/types';
import type { Rule } from '../types';
import { rewriteInCell } from '../../tables/cellEdits';
import { rowLabelSpan } from '../../tables/cells';
import { rowSpecOf } from '../../tables/names';

/** Row numbering as written before a label ("2. ", "（三）", "1、"), kept by the fix. */
const NUMBERING = /^[\s\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、]?)?[\s\u3000]*/;

// Variant keys per row spec, built on first use: every labelled row of every table is checked.
const variantKeys = new WeakMap<RowSpec, Set<string>>();

/** Whether a label as written is one of the row's known variants (numbering aside). */
function isKnownVariant(rs: RowSpec, written: string): boolean {
  if (!rs.variants.length) return false;
  let keys = variantKeys.get(rs);
  if (!keys) variantKeys.set(rs, (keys = new Set(rs.variants.map(labelKey))));
  return keys.has(stripNumbering(labelKey(written)));
}

/**
 * A label matched only by edit distance (the reader's guess, "其他法律行政止公开"): neither the
 * standard label, an alias nor a listed variant. Its fix is offered, never applied by fix-all.
 */
function fuzzyOnly(rs: RowSpec, written: string): boolean {
  const k = stripNumbering(labelKey(written)).replace(/\([^()]*\)$/, '');
  return k !== labelKey(rs.label) && !rs.aliases.some((a) => labelKey(a) === k) && !rs.variants.some((v) => labelKey(v) === k);
}

/**
 * GR108: a row label is a known misspelling or an outdated wording ("其他法律法规禁止公开",
 * "政府集中釆购", "规范性文件" in a 2021 table). The fix writes the standard label, keeping the
 * numbering as the report writes it.
 */
export const gr108: Rule = {
  code: 'GR108', name: 'label-variant', severity: 'warning', category: 'tables', fixable: true,
  description: { 'zh-cn': '行标签有错别字或为旧称', en: 'A row label is misspelt or outdated' },
  check(ctx) {
    const src = ctx.model.source;
    for (const { table, spec } of ctx.tables) {
      for (const row of table.rows) {
        const labelSpan = rowLabelSpan(row);
        if (!row.key || !labelSpan) continue;
        const rs = rowSpecOf(spec, row.key);
        if (!rs) continue;
        const written = src.slice(labelSpan);
        const known = isKnownVariant(rs, written);
        if (row.match !== 'variant' && !known) continue;
        const bare = written.replace(NUMBERING, '');
        if (labelKey(bare) === labelKey(rs.label)) continue;
        const prefixLen = written.length - bare.length;
        const span = { start: labelSpan.start + prefixLen, end: labelSpan.end };
        const args = { label: bare.trim(), standard: rs.label };
        ctx.report({
          span,
          args,
          fixes: [{ title: ctx.t('GR108.fix', args), edits: [rewriteInCell(src, table, span, rs.label)], safe: known || row.match === 'variant' && !fuzzyOnly(rs, written), preferred: true }],
        });
      }
    }
  },
};
