/**
 * The .docx export of a published document, with the `docx` library (bundled only in
 * dist/publish.js, never in the start-up bundles). Official layout: centred title, 黑体 / 楷体
 * headings, 仿宋 body with a two-character first-line indent, tables with merged header cells
 * (gridSpan / vMerge) and single borders, page numbers "- 1 -" centred in the footer.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, LevelFormat, Packer, PageNumber, Paragraph, Table, TableCell,
  TableRow, TextRun, VerticalAlign, WidthType, type IRunOptions,
} from 'docx';
import type { PubBlock, PubCell, PubDocument, PubTable, PubRun } from '../core/index';
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

/** Emphasis runs (**bold**, *italic*) as Word runs, not literal asterisks. */
const textRuns = (runs: readonly PubRun[], f: FontChoice): TextRun[] =>
  runs.map((r) => run(r.text, f, { ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italics: true } : {}) }));

/** Word numbering of ordered lists ("1. ", "2. " …): one definition, one instance per list. */
const ORDERED = 'gr-ordered';
const NUMBERING = {
  config: [{
    reference: ORDERED,
    levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
  }],
};

function blockParagraphs(b: Exclude<PubBlock, { kind: 'table' }>, fonts: ExportFonts, listInstance = 0): Paragraph {
  switch (b.kind) {
    case 'title':
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [run(b.text, fonts.title)] });
    case 'heading': {
      const f = b.level === 1 ? fonts.heading1 : b.level === 2 ? fonts.heading2 : fonts.body;
      return new Paragraph({ spacing: LINE, indent: { firstLine: twips(2 * f.sizePt) }, children: [run(b.text, f)] });
    }
    case 'paragraph': {
      const children = b.runs ? textRuns(b.runs, fonts.body) : [run(b.text, fonts.body)];
      if (b.list?.kind === 'bullet') return new Paragraph({ spacing: LINE, bullet: { level: 0 }, children });
      if (b.list?.kind === 'ordered') return new Paragraph({ spacing: LINE, numbering: { reference: ORDERED, level: 0, instance: listInstance }, children });
      return new Paragraph({
        spacing: LINE, alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: twips(2 * fonts.body.sizePt) }, children,
      });
    }
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
      // Only header rows carry the property: mammoth reads <w:tblHeader w:val="false"/> as a header too.
      ...(i < t.headerRows ? { tableHeader: true } : {}),
      children: r.cells.map((c) => cell(c, i < t.headerRows, fonts)),
    })),
  }));
  // An empty paragraph after the table: two Word tables in a row would otherwise fuse.
  out.push(new Paragraph({ children: [] }));
  return out;
}

export function buildDocx(doc: PubDocument, fonts: ExportFonts = DEFAULT_FONTS): Document {
  const children: (Paragraph | Table)[] = [];
  const blocks = literalNumbers(doc.blocks);
  let instance = 0;
  let previousOrdered = false;
  for (const b of blocks) {
    const ordered = b.kind === 'paragraph' && b.list?.kind === 'ordered';
    if (ordered && !previousOrdered) instance++;
    previousOrdered = ordered;
    if (b.kind === 'table') children.push(...table(b.table, fonts));
    else children.push(blockParagraphs(b, fonts, instance));
  }
  return new Document({
    title: doc.title ?? undefined,
    numbering: NUMBERING,
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

/**
 * Word numbers a list 1, 2, 3 …: an ordered list that counts otherwise in the text ("3. " first, a
 * number skipped) keeps its numbers as written, as plain paragraphs, so no figure changes.
 */
function literalNumbers(blocks: readonly PubBlock[]): PubBlock[] {
  const out = blocks.slice();
  const isOrdered = (b: PubBlock | undefined) => b?.kind === 'paragraph' && b.list?.kind === 'ordered';
  for (let i = 0; i < out.length;) {
    if (!isOrdered(out[i])) { i++; continue; }
    let end = i;
    let counts = true;
    for (; isOrdered(out[end]); end++) if ((out[end] as { list: { number: number } }).list.number !== end - i + 1) counts = false;
    if (!counts) {
      for (let k = i; k < end; k++) {
        const p = out[k] as Extract<PubBlock, { kind: 'paragraph' }>;
        const { list, ...rest } = p;
        const prefix = `${list!.number}. `;
        out[k] = { ...rest, text: prefix + p.text, ...(p.runs ? { runs: [{ text: prefix }, ...p.runs] } : {}) };
      }
    }
    i = end;
  }
  return out;
}

/** The .docx bytes. */
export async function docxBytes(doc: PubDocument, fonts: ExportFonts = DEFAULT_FONTS): Promise<Uint8Array> {
  return Packer.toBuffer(buildDocx(doc, fonts));
}
