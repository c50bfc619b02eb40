/**
 * HTML of the published document: the preview panel's body and `govreport export --format html`.
 * Self-contained (inline style, no script unless the caller adds one, no remote resource).
 * Elements carry data-line (0-based source line) for scroll sync; cells with findings carry
 * class "gr-error" / "gr-warning" / … and a title listing the messages.
 */
import { publishText } from './messages';
import type { PubRun } from './inline';
import type { CellMark, PubBlock, PubCell, PubDocument, PubTable } from './layout';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

export const PUBLISH_CSS = `
body{font-family:"仿宋_GB2312","仿宋",FangSong,STFangsong,serif;font-size:16pt;line-height:1.6;max-width:46em;margin:1em auto;padding:0 1em;}
h1.gr-title{font-family:"方正小标宋简体","宋体",SimSun,serif;font-size:22pt;text-align:center;font-weight:normal;}
h2{font-family:"黑体",SimHei,sans-serif;font-size:16pt;font-weight:normal;margin:.6em 0;}
h3{font-family:"楷体_GB2312","楷体",KaiTi,serif;font-size:16pt;font-weight:normal;margin:.4em 0;}
h4{font-size:16pt;font-weight:normal;margin:.3em 0;}
p{text-indent:2em;margin:.2em 0;}
p.gr-caption{text-indent:0;text-align:center;}
table{border-collapse:collapse;margin:.6em auto;font-size:10.5pt;line-height:1.3;}
td,th{border:1px solid currentColor;padding:2px 4px;text-align:center;}
th{font-weight:bold;}
td.gr-label{text-align:left;}
.gr-error{background:rgba(255,0,0,.18);outline:2px solid #d00;}
.gr-warning{background:rgba(255,200,0,.25);outline:1px solid #c80;}
.gr-information,.gr-hint{outline:1px dotted #08c;}
`;

type Locale = 'zh-cn' | 'en';

/** The tooltip of a marked element: one line per finding, its severity named from the catalogue ("错误 GR101 …"). */
function markAttrs(mark: CellMark | undefined, locale: Locale): { cls: string; title: string } {
  if (!mark) return { cls: '', title: '' };
  const lines = mark.messages.map((m, i) => `${publishText(locale, `preview.severity.${mark.severities[i] ?? mark.severity}`)} ${m}`);
  return { cls: `gr-${mark.severity}`, title: ` title="${escapeHtml(lines.join('\n'))}"` };
}

const lineAttr = (line: number | undefined): string => (line === undefined ? '' : ` data-line="${line}"`);

function cellHtml(c: PubCell, inHeader: boolean, locale: Locale): string {
  const tag = inHeader ? 'th' : 'td';
  const { cls, title } = markAttrs(c.mark, locale);
  const classes = [c.head && !inHeader ? 'gr-label' : '', cls].filter(Boolean).join(' ');
  const span = (c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '') + (c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '');
  return `<${tag}${span}${classes ? ` class="${classes}"` : ''}${title}${lineAttr(c.line)}>${escapeHtml(c.text)}</${tag}>`;
}

export function tableHtml(t: PubTable, locale: Locale = 'zh-cn'): string {
  const out: string[] = [];
  if (t.caption) out.push(`<p class="gr-caption"${lineAttr(t.line)}>${escapeHtml(t.caption)}</p>`);
  out.push(`<table${lineAttr(t.line)}${t.key ? ` data-table="${escapeHtml(t.key)}"` : ''}>`);
  t.rows.forEach((r, i) => {
    const head = i < t.headerRows;
    out.push(`<tr${lineAttr(r.line)}>${r.cells.map((c) => cellHtml(c, head, locale)).join('')}</tr>`);
  });
  out.push('</table>');
  return out.join('\n');
}

function blockHtml(b: PubBlock, locale: Locale): string {
  switch (b.kind) {
    case 'title': return `<h1 class="gr-title"${lineAttr(b.line)}>${escapeHtml(b.text)}</h1>`;
    case 'heading': {
      const { cls, title } = markAttrs(b.mark, locale);
      return `<h${b.level + 1}${cls ? ` class="${cls}"` : ''}${title}${lineAttr(b.line)}>${escapeHtml(b.text)}</h${b.level + 1}>`;
    }
    case 'paragraph': {
      const { cls, title } = markAttrs(b.mark, locale);
      const tag = b.list ? 'li' : 'p';
      return `<${tag}${cls ? ` class="${cls}"` : ''}${title}${lineAttr(b.line)}>${b.runs ? runsHtml(b.runs) : escapeHtml(b.text)}</${tag}>`;
    }
    case 'table': return tableHtml(b.table, locale);
  }
}

/** Emphasis runs as <strong> / <em>. */
const runsHtml = (runs: readonly PubRun[]): string => runs.map((r) => {
  let t = escapeHtml(r.text);
  if (r.italic) t = `<em>${t}</em>`;
  if (r.bold) t = `<strong>${t}</strong>`;
  return t;
}).join('');

/** The body's inner HTML (blocks only); consecutive list items of one kind inside one <ul> / <ol>. */
export function renderBodyHtml(doc: PubDocument, locale: Locale = 'zh-cn'): string {
  const out: string[] = [];
  let open: 'ul' | 'ol' | null = null;
  for (const b of doc.blocks) {
    const want = b.kind === 'paragraph' && b.list ? (b.list.kind === 'bullet' ? 'ul' : 'ol') : null;
    if (open && want !== open) { out.push(`</${open}>`); open = null; }
    if (want && !open) {
      const start = b.kind === 'paragraph' && b.list && b.list.kind === 'ordered' && b.list.number !== 1 ? ` start="${b.list.number}"` : '';
      out.push(`<${want}${start}>`);
      open = want;
    }
    out.push(blockHtml(b, locale));
  }
  if (open) out.push(`</${open}>`);
  return out.join('\n');
}

/** A complete standalone HTML page (export). `head` is extra markup for <head> (CSP, script). */
export function renderHtmlPage(doc: PubDocument, opts: { head?: string; script?: string } = {}): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    opts.head ?? '',
    `<title>${escapeHtml(doc.title ?? '政府信息公开工作年度报告')}</title>`,
    `<style>${PUBLISH_CSS}</style>`,
    '</head>',
    '<body>',
    renderBodyHtml(doc),
    opts.script ?? '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
