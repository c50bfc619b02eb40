/**
 * The server side of the preview / export / import requests, in the lazily loaded chunk so that
 * dist/server.js only holds their names (lsp/handlers/publish.ts).
 */
import type { Analysis } from '../core/index';
import { renderBodyHtml, renderHtmlPage, publishModel } from '../core/index';
import { docxBytes } from './docx';
import { resolveFonts } from './fonts';
import { importDocx } from './index';

export interface AnalysedDoc { doc: { version: number }; analysis: Analysis }

const errorsOf = (a: Analysis) => a.findings.filter((f) => f.severity === 'error').length;

export async function handlePublishRequest(method: string, params: Record<string, unknown>, analysis: (uri: string) => Promise<AnalysedDoc | undefined>): Promise<unknown> {
  if (method === 'govreport/importDocx') return importDocx(Buffer.from(String(params.data ?? ''), 'base64'));
  const r = await analysis(String(params.uri ?? ''));
  if (!r) return null;
  const { model, findings } = r.analysis;
  switch (method) {
    case 'govreport/preview':
      return { html: renderBodyHtml(publishModel(model, findings)), version: r.doc.version, errors: errorsOf(r.analysis) };
    case 'govreport/exportHtml':
      return { html: renderHtmlPage(publishModel(model, [])), errors: errorsOf(r.analysis) };
    case 'govreport/exportDocx': {
      const bytes = await docxBytes(publishModel(model, []), resolveFonts(params.fonts));
      return { data: Buffer.from(bytes).toString('base64'), errors: errorsOf(r.analysis) };
    }
    default:
      return null;
  }
}
