/**
 * The authoring commands' server side (新建年度报告 / 插入统计表): the client only shows prompts and
 * applies what these requests answer, so dist/client.js bundles no checking code. Texts are in the
 * locale the client sent at initialize.
 *   govreport/authoringTexts  {}                     → { texts: { bodyPrompt, …, noEditor }, defaultYear }
 *   govreport/newReportKinds  { body, year }         → { title, placeHolder, kinds: [{ bodyKind, label, detail }] }
 *   govreport/newReport       { body, year, kind }   → { text }
 *   govreport/tableChoices    { uri }                → { title, version, items: [{ key, label, description, detail? }] }
 *   govreport/tableTemplate   { version, table, eol } → { snippet } | null
 */
import type { Connection } from 'vscode-languageserver';
import { translate, type MessageKey, parseReport, FORMATS, defaultReportYear, documentVersion, guessBodyKind, newReportText, reportVersion, tableChoices, tableTemplate, type BodyKind } from '../../core/index';
import type { TableKey, VersionId } from '../../core/index';
import type { ServerContext } from '../context';
import { safe, type Logger } from '../safe';

export const AUTHORING_REQUESTS = {
  texts: 'govreport/authoringTexts',
  kinds: 'govreport/newReportKinds',
  newReport: 'govreport/newReport',
  tableChoices: 'govreport/tableChoices',
  tableTemplate: 'govreport/tableTemplate',
} as const;

/** Prompt texts without arguments, by the short name the client uses. */
const TEXT_KEYS = ['bodyPrompt', 'bodyPlaceholder', 'bodyRequired', 'yearPrompt', 'yearInvalid', 'noEditor'] as const;

const isVersion = (v: unknown): v is VersionId => typeof v === 'string' && Object.hasOwn(FORMATS, v);
const isKind = (v: unknown): v is BodyKind => v === 'government' || v === 'department';
const yearOf = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2100 ? v : null);

export function registerAuthoring(connection: Connection, ctx: ServerContext, log: Logger): void {
  const t = (key: MessageKey, args?: Record<string, string | number>) => translate(ctx.locale, key, args);

  connection.onRequest(AUTHORING_REQUESTS.texts, safe(log, AUTHORING_REQUESTS.texts, null, () => ({
    texts: Object.fromEntries(TEXT_KEYS.map((k) => [k, t(`ui.authoring.${k}`)])),
    defaultYear: defaultReportYear(),
  })));

  connection.onRequest(AUTHORING_REQUESTS.kinds, safe(log, AUTHORING_REQUESTS.kinds, null, (p: { body?: unknown; year?: unknown }) => {
    const year = yearOf(p?.year);
    if (year === null) return null;
    const version = reportVersion(year);
    const kinds = [
      { bodyKind: 'government' as BodyKind, label: t('ui.authoring.kindGovernment'), detail: t('ui.authoring.kindGovernmentDetail') },
      { bodyKind: 'department' as BodyKind, label: t('ui.authoring.kindDepartment'), detail: t('ui.authoring.kindDepartmentDetail') },
    ];
    if (guessBodyKind(typeof p.body === 'string' ? p.body : '') === 'department') kinds.reverse();
    return {
      title: t('ui.authoring.kindPrompt'),
      placeHolder: t('ui.authoring.versionDetail', { version, notice: FORMATS[version].notice }),
      kinds,
    };
  }));

  connection.onRequest(AUTHORING_REQUESTS.newReport, safe(log, AUTHORING_REQUESTS.newReport, null, (p: { body?: unknown; year?: unknown; kind?: unknown }) => {
    const year = yearOf(p?.year);
    if (year === null || typeof p.body !== 'string' || !p.body.trim() || !isKind(p.kind)) return null;
    return { text: newReportText({ body: p.body.trim(), year, kind: p.kind, version: reportVersion(year) }) };
  }));

  connection.onRequest(AUTHORING_REQUESTS.tableChoices, safe(log, AUTHORING_REQUESTS.tableChoices, null, (p: { uri?: unknown }) => {
    const doc = typeof p?.uri === 'string' ? ctx.documents.get(p.uri) : undefined;
    // Any open document (a report being started may not look like one yet); unknown → empty text.
    const model = (doc && ctx.model(doc.uri)) ?? parseReport(doc?.getText() ?? '');
    const version = documentVersion(model.usedVersion, model.year);
    const present = new Set(model.tables.map((x) => x.key));
    const items = tableChoices(version).map((c) => (present.has(c.key) ? { ...c, detail: '✓' } : c));
    return { title: t('ui.authoring.tablePrompt', { version }), version, items };
  }));

  connection.onRequest(AUTHORING_REQUESTS.tableTemplate, safe(log, AUTHORING_REQUESTS.tableTemplate, null, (p: { version?: unknown; table?: unknown; eol?: unknown }) => {
    if (!isVersion(p?.version) || typeof p.table !== 'string') return null;
    const version = p.version;
    if (!FORMATS[version].tables.some((x) => x.key === p.table)) return null;
    return { snippet: tableTemplate(version, p.table as TableKey, p.eol === '\r\n' ? '\r\n' : '\n', { snippet: true }) };
  }));
}
