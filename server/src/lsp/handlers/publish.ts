/**
 * Preview, export and import requests. The docx / mammoth code lives in dist/publish.js and is
 * required only when one of these requests arrives (loadPublish), never at start-up.
 *   govreport/preview    { uri }              → { html, version, errors } | null  (body HTML)
 *   govreport/exportDocx { uri, fonts? }      → { data (base64), errors } | null
 *   govreport/exportHtml { uri }              → { html, errors } | null
 *   govreport/importDocx { data (base64) }    → { markdown, warnings }
 */
import type { Connection } from 'vscode-languageserver';
import { loadPublish } from '../../publish/load';
import type { ServerContext } from '../context';
import { safe } from '../safe';

export const PREVIEW_REQUEST = 'govreport/preview';
export const EXPORT_DOCX_REQUEST = 'govreport/exportDocx';
export const EXPORT_HTML_REQUEST = 'govreport/exportHtml';
export const IMPORT_DOCX_REQUEST = 'govreport/importDocx';

export function registerPublish(connection: Connection, ctx: ServerContext, log: { error(m: string): void }): void {
  const errorsOf = (a: { findings: { severity: string }[] }) => a.findings.filter((f) => f.severity === 'error').length;

  connection.onRequest(PREVIEW_REQUEST, safe(log, 'preview', null, async (p: { uri: string }) => {
    const r = await ctx.analysis(p.uri);
    if (!r) return null;
    const pub = loadPublish();
    const html = pub.renderBodyHtml(pub.publishModel(r.analysis.model, r.analysis.findings));
    return { html, version: r.doc.version, errors: errorsOf(r.analysis) };
  }));

  connection.onRequest(EXPORT_HTML_REQUEST, safe(log, 'exportHtml', null, async (p: { uri: string }) => {
    const r = await ctx.analysis(p.uri);
    if (!r) return null;
    const pub = loadPublish();
    return { html: pub.renderHtmlPage(pub.publishModel(r.analysis.model, [])), errors: errorsOf(r.analysis) };
  }));

  connection.onRequest(EXPORT_DOCX_REQUEST, safe(log, 'exportDocx', null, async (p: { uri: string; fonts?: unknown }) => {
    const r = await ctx.analysis(p.uri);
    if (!r) return null;
    const bytes = await loadPublish().exportDocx(r.doc.getText(), p.fonts);
    return { data: Buffer.from(bytes).toString('base64'), errors: errorsOf(r.analysis) };
  }));

  connection.onRequest(IMPORT_DOCX_REQUEST, safe(log, 'importDocx', { markdown: '', warnings: ['import failed'] }, async (p: { data: string }) =>
    loadPublish().importDocx(Buffer.from(p.data, 'base64'))));
}
