/**
 * The .docx export of a published document, with the `docx` library (bundled only in
 * dist/publish.js, never in the start-up bundles). Official layout: centred title, 黑体 / 楷体
 * headings, 仿宋 body with a two-character first-line indent, tables with merged header cells
 * (gridSpan / vMerge) and single borders, page numbers "- 1 -" centred in the footer.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, Table, TableCell,
  TableRow, TextRun, VerticalAlign, WidthType, type IRunOptions,
} from 'docx';
import type { PubBlock, PubCell, PubDocument, PubTable } from '../core/index';
import { DEFAULT_FONTS, type ExportFonts, type FontChoice } from './fonts';

const halfPoints = (pt: number): number => Math.round(pt * 2);
const twips = (pt: number): number => Math.round(pt * 20);

function run(text: string, f: FontChoice, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text,
    font: { eastAsia: f.font, ascii: f.fallback, hAnsi: f.fallback, hint: 'eastAsia' },
    size: halfPoints(f.sizePt),
    ...extra,
  } as IRunOptions);
}

const LINE = { line: 560, lineRule: 'exact' as const }; // 28 pt: the usual fixed line spacing of 公文

function blockParagraphs(b: Exclude<PubBlock, { kind: 'table' }>, fonts: ExportFonts): Paragraph {
  switch (b.kind) {
    case 'title':
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [run(b.text, fonts.title)] });
    case 'heading': {
      const f = b.level === 1 ? fonts.heading1 : b.level === 2 ? fonts.heading2 : fonts.body;
      return new Paragraph({ spacing: LINE, indent: { firstLine: twips(2 * f.sizePt) }, children: [run(b.text, f)] });
    }
    case 'paragraph':
      return new Paragraph({
        spacing: LINE, alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: twips(2 * fonts.body.sizePt) }, children: [run(b.text, fonts.body)],
      });
  }
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cell(c: PubCell, header: boolean, fonts: ExportFonts): TableCell {
  return new TableCell({
    ...(c.colSpan && c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
    ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
    verticalAlign: VerticalAlign.CENTER,
    borders: BORDERS,
    children: [new Paragraph({
      alignment: c.head && !header ? AlignmentType.LEFT : AlignmentType.CENTER,
      children: [run(c.text, fonts.table, header ? { bold: true } : {})],
    })],
  });
}

function table(t: PubTable, fonts: ExportFonts): (Table | Paragraph)[] {
  const out: (Table | Paragraph)[] = [];
  if (t.caption) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(t.caption, fonts.body)] }));
  out.push(new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { ...BORDERS, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: t.rows.map((r, i) => new TableRow({
      tableHeader: i < t.headerRows,
      children: r.cells.map((c) => cell(c, i < t.headerRows, fonts)),
    })),
  }));
  // An empty paragraph after the table: two Word tables in a row would otherwise fuse.
  out.push(new Paragraph({ children: [] }));
  return out;
}

export function buildDocx(doc: PubDocument, fonts: ExportFonts = DEFAULT_FONTS): Document {
  const children: (Paragraph | Table)[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'table') children.push(...table(b.table, fonts));
    else children.push(blockParagraphs(b, fonts));
  }
  return new Document({
    title: doc.title ?? undefined,
    styles: { default: { document: { run: { font: { eastAsia: fonts.body.font, ascii: fonts.body.fallback, hAnsi: fonts.body.fallback }, size: halfPoints(fonts.body.sizePt) } } } },
    sections: [{
      properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], font: { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' }, size: 28 })],
          })],
        }),
      },
      children,
    }],
  });
}

/** The .docx bytes. */
export async function docxBytes(doc: PubDocument, fonts: ExportFonts = DEFAULT_FONTS): Promise<Uint8Array> {
  return Packer.toBuffer(buildDocx(doc, fonts));
}
