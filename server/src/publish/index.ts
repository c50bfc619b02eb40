/**
 * Entry of dist/publish.js, the lazily loaded chunk (docx + mammoth): loaded by load.ts only
 * when a preview, export or import runs, so the start-up bundles stay small.
 */
import mammoth from 'mammoth';
import { analyze, type AnalyzeOptions, htmlToReport, renderBodyHtml, renderHtmlPage, publishModel, noteMessages } from '../core/index';
import { docxBytes } from './docx';
import { resolveFonts } from './fonts';

export { publishModel, renderBodyHtml, renderHtmlPage };

/** The preview body (inner HTML) of a report text. */
export function previewBody(text: string, options: AnalyzeOptions = {}): string {
  const a = analyze(text, options);
  return renderBodyHtml(publishModel(a.model, a.findings));
}

/** A standalone HTML page of the report (findings marked unless `marks` is false). */
export function exportHtml(text: string, options: AnalyzeOptions = {}, marks = true): string {
  const a = analyze(text, options);
  return renderHtmlPage(publishModel(a.model, marks ? a.findings : []));
}

/** The .docx bytes of a report text. `fonts`: a partial ExportFonts (setting govreport.export.fonts). */
export async function exportDocx(text: string, fonts?: unknown): Promise<Uint8Array> {
  const a = analyze(text);
  return docxBytes(publishModel(a.model, []), resolveFonts(fonts));
}

/**
 * What the exported document does differently from the text (a collapsed body split, pieces of
 * a table joined, a guessed layout, a table left as written), in the reader's language.
 */
export function exportNotes(text: string, locale: 'zh-cn' | 'en' = 'zh-cn'): string[] {
  return noteMessages(publishModel(analyze(text).model, []).notes, locale);
}

/** A Word document → canonical Markdown report (and mammoth's warnings). */
export async function importDocx(bytes: Uint8Array): Promise<{ markdown: string; warnings: string[] }> {
  const r = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return { markdown: htmlToReport(r.value), warnings: r.messages.map((m) => m.message) };
}

export { handlePublishRequest } from './requests';
export type PublishModule = typeof import('./index');
