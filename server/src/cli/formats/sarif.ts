/**
 * SARIF 2.1.0 (GitHub code scanning, Azure DevOps, …): one run, tool.driver.rules from the rule
 * registry (help links to docs/rules/GRxxx.md), results with 1-based regions in UTF-16 columns.
 * Unreadable files are toolExecutionNotifications of the invocation.
 */
import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import { RULES } from '../../core/index';
import type { Severity } from '../../core/index';
import { VERSION } from '../help';
import type { CheckedFile, FormatContext, Formatter, RunTotals } from './types';

export const DOCS_BASE = 'https://github.com/govreport/gov-report/blob/main/docs/rules/';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function artifact(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

export function sarifFormatter(ctx: FormatContext): Formatter {
  const index = new Map(RULES.map((r, i) => [r.code, i]));
  const results: unknown[] = [];
  const notifications: unknown[] = [];
  return {
    file(f: CheckedFile) {
      if (!f.analysis) {
        notifications.push({ level: 'error', message: { text: f.error ?? '' }, locations: [{ physicalLocation: { artifactLocation: artifact(f.display) } }] });
        ctx.io.stderr(`${f.display}: ${f.error}\n`);
        return;
      }
      const src = f.analysis.model.source;
      const loc = artifact(f.display);
      for (const d of f.findings) {
        const r = src.rangeOf(d.span);
        results.push({
          ruleId: d.code,
          ...(index.has(d.code) ? { ruleIndex: index.get(d.code) } : {}),
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [{
            physicalLocation: {
              artifactLocation: loc,
              region: { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 },
            },
          }],
          ...(d.severity === 'hint' ? { properties: { severity: 'hint' } } : {}),
        });
      }
    },
    end(t: RunTotals) {
      const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
          tool: {
            driver: {
              name: 'govreport',
              version: VERSION,
              informationUri: 'https://github.com/govreport/gov-report',
              rules: RULES.map((r) => ({
                id: r.code,
                name: r.name,
                shortDescription: { text: r.description[ctx.locale] },
                fullDescription: { text: `${r.description['zh-cn']} / ${r.description.en}` },
                helpUri: `${DOCS_BASE}${r.code}.md`,
                defaultConfiguration: { level: LEVEL[r.severity] },
                properties: { category: r.category, fixable: r.fixable },
              })),
            },
          },
          language: ctx.locale === 'en' ? 'en-US' : 'zh-CN',
          columnKind: 'utf16CodeUnits',
          originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(ctx.io.cwd).href.replace(/\/?$/, '/') } },
          invocations: [{ executionSuccessful: t.failed === 0, toolExecutionNotifications: notifications }],
          results,
        }],
      };
      ctx.io.stdout(JSON.stringify(log, null, 2) + '\n');
    },
  };
}
