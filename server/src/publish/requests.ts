/**
 * The server side of the preview / export / import requests, in the lazily loaded chunk so that
 * dist/server.js only holds their names (lsp/handlers/publish.ts).
 */
import type { Analysis } from '../core/index';
import { renderBodyHtml, renderHtmlPage, publishModel, noteMessages } from '../core/index';
import { docxBytes } from './docx';
import { resolveFonts } from './fonts';
import { importDocx } from './index';

export interface AnalysedDoc { doc: { version: number }; analysis: Analysis }

const errorsOf = (a: Analysis) => a.findings.filter((f) => f.severity === 'error').length;

const counts = (a: Analysis) => ({
  errors: errorsOf(a),
  warnings: a.findings.filter((f) => f.severity === 'warning').length,
});

/** `locale`: the server's (the editor's display language); notes and finding labels are written in it. */
export async function handlePublishRequest(method: string, params: Record<string, unknown>, analysis: (uri: string) => Promise<AnalysedDoc | undefined>, locale: 'zh-cn' | 'en' = 'zh-cn'): Promise<unknown> {
  if (method === 'govreport/importDocx') return importDocx(Buffer.from(String(params.data ?? ''), 'base64'));
  const r = await analysis(String(params.uri ?? ''));
  if (!r) return null;
  const { model, findings } = r.analysis;
  switch (method) {
    case 'govreport/preview': {
      const doc = publishModel(model, findings);
      return { html: renderBodyHtml(doc, locale), version: r.doc.version, ...counts(r.analysis), notes: noteMessages(doc.notes, locale) };
    }
    case 'govreport/exportHtml': {
      const doc = publishModel(model, []);
      return { html: renderHtmlPage(doc), errors: errorsOf(r.analysis), notes: noteMessages(doc.notes, locale) };
    }
    case 'govreport/exportDocx': {
      const doc = publishModel(model, []);
      const bytes = await docxBytes(doc, resolveFonts(params.fonts));
      return { data: Buffer.from(bytes).toString('base64'), errors: errorsOf(r.analysis), notes: noteMessages(doc.notes, locale) };
    }
    default:
      return null;
  }
}
