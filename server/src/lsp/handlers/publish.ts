/**
 * Preview, export and import requests. Their code lives in dist/publish.js (docx, mammoth,
 * publish/requests.ts) and is required only when one of these requests arrives, never at start-up.
 *   govreport/preview    { uri }              → { html, version, errors, warnings, notes } | null  (body HTML)
 *   govreport/exportDocx { uri, fonts? }      → { data (base64), errors, notes } | null
 *   govreport/exportHtml { uri }              → { html, errors, notes } | null
 * notes: what the document does differently from the text (publish/notes.ts), in ctx.locale.
 *   govreport/importDocx { data (base64) }    → { markdown, warnings }
 */
import type { Connection } from 'vscode-languageserver';
import { loadPublish } from '../../publish/load';
import type { ServerContext } from '../context';
import { safe } from '../safe';

export const PUBLISH_REQUESTS = ['govreport/preview', 'govreport/exportDocx', 'govreport/exportHtml', 'govreport/importDocx'];

export function registerPublish(connection: Connection, ctx: ServerContext, log: { error(m: string): void }): void {
  for (const method of PUBLISH_REQUESTS) {
    connection.onRequest(method, safe(log, method, null, (p: Record<string, unknown>) =>
      loadPublish().handlePublishRequest(method, p ?? {}, (uri) => ctx.analysis(uri), ctx.locale)));
  }
}
