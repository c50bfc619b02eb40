/**
 * The code-action handler attaches govreport.fixAllStopped (with the zh-CN notice) to 修复全部 when
 * fix-all stopped without converging, and nothing when it converged. The stop is forced with
 * maxRounds = 1 on a first round whose safe fix turns the document into sample 003 (which has safe
 * fixes of its own): a real second round is pending when the bound is hit.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis, type AnalyzeOptions } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/report';
import type { Finding } from '../../server/src/core/types';
import type { ServerContext } from '../../server/src/lsp/context';
import { FIX_ALL_STOPPED_COMMAND } from '../../server/src/lsp/fixAll';
import { onCodeAction } from '../../server/src/lsp/handlers/codeActions';
import { SAMPLES_DIR } from './helpers';

const S003 = readFileSync(`${SAMPLES_DIR}/003_229742694c41f912.txt`, 'utf8');
const URI = 'file:///r.txt';

function context(text: string, analysis: Analysis, options: AnalyzeOptions): ServerContext {
  const doc = TextDocument.create(URI, 'plaintext', 1, text);
  return {
    documents: { get: (u: string) => (u === URI ? doc : undefined) },
    locale: 'zh-cn',
    docsBase: 'file:///docs/rules/',
    support: { configuration: true, documentChanges: true, hierarchicalSymbols: true, lineFoldingOnly: true, inlayHintRefresh: false },
    analyzeOptions: async () => options,
    analysis: async () => ({ doc, analysis }),
  } as unknown as ServerContext;
}

const params = (only: string[]): CodeActionParams => ({
  textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only },
});

describe('fix-all code actions: the not-converged notice', () => {
  it('converged (sample 003): 修复全部 carries no command', async () => {
    const actions = (await onCodeAction(context(S003, analyze(S003), {}))(params(['source.fixAll'])))!;
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.command, undefined);
  });

  it('stopped at the round bound: 修复全部 runs govreport.fixAllStopped with the zh-CN notice after its edit', async () => {
    const original = 'x\n';
    const finding: Finding = { code: 'GR014', severity: 'error', span: { start: 0, end: 1 }, message: 'x', fixes: [{ title: 'x', safe: true, edits: [{ span: { start: 0, end: original.length }, newText: S003 }] }] };
    const first: Analysis = { model: parseReport(original), findings: [finding], cancelled: false };
    const ctx = context(original, first, { maxRounds: 1 } as AnalyzeOptions);
    const actions: CodeAction[] = (await onCodeAction(ctx)(params(['source.fixAll'])))!;
    assert.equal(actions.length, 1);
    const a = actions[0]!;
    assert.ok(a.edit, 'the safe edits are still offered');
    assert.equal(a.command?.command, FIX_ALL_STOPPED_COMMAND);
    const notice = String(a.command!.arguments![0]);
    assert.match(notice, /^修复全部未收敛：已执行 1 轮安全修复后停止，仍有可安全修复的问题未处理。已应用的修改均为安全修复。/);
    assert.match(notice, /请检查剩余的问题后再次运行“修复全部”/);
  });
});
