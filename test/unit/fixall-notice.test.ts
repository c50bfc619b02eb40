// fixAllNotice: what the editor says after a fix-all that stopped without converging (zh-CN first).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Analysis } from '../../server/src/core/analyze';
import { computeFixAll } from '../../server/src/core/features/fixAll';
import { fixAllNotice } from '../../server/src/core/features/fixAllNotice';
import { parseReport } from '../../server/src/core/parse/report';
import type { Finding, TextEdit } from '../../server/src/core/types';

const sample = (f: string) => readFileSync(new URL(`../fixtures/samples/${f}`, import.meta.url), 'utf8');

/** An analysis with one error finding (on the text's second line) whose safe fix is `edits`. */
function fakeAnalysis(text: string, edits: TextEdit[]): Analysis {
  const at = text.indexOf('\n') + 1;
  const finding: Finding = { code: 'GR101', severity: 'error', span: { start: at, end: at + 1 }, message: 'x', fixes: [{ title: 'x', edits, safe: true }] };
  return { model: parseReport(text), findings: [finding], cancelled: false };
}

describe('fixAllNotice', () => {
  it('says nothing when fix-all converged (a real sample with safe fixes)', () => {
    const r = computeFixAll(sample('003_229742694c41f912.txt'));
    assert.equal(r.converged, true);
    assert.ok(r.edits.length > 0);
    assert.equal(fixAllNotice(r, 'zh-cn'), undefined);
    assert.equal(fixAllNotice(r, 'en'), undefined);
  });

  it('stopped at maxRounds on a real sample: says so, zh-CN and English', () => {
    const r = computeFixAll(sample('003_229742694c41f912.txt'), { maxRounds: 0 });
    assert.equal(r.converged, false);
    const zh = fixAllNotice(r, 'zh-cn')!;
    assert.match(zh, /^修复全部未收敛：已执行 0 轮安全修复后停止/);
    assert.match(zh, /与修改相关的错误已无。/);
    assert.match(fixAllNotice(r, 'en')!, /^Fix all did not converge: it stopped after 0 round\(s\)/);
  });

  it('oscillation: names the errors that remain with their lines in the fixed text', () => {
    const flip = (text: string) => fakeAnalysis(text, [{ span: { start: 0, end: 1 }, newText: text[0] === 'a' ? 'b' : 'a' }]);
    const r = computeFixAll('a\nline two\n', { analyzeFn: flip, maxRounds: 50 });
    assert.equal(r.stopped, 'oscillation');
    const zh = fixAllNotice(r, 'zh-cn')!;
    assert.match(zh, /来回反复/);
    assert.match(zh, /与修改相关的错误仍有 1 个：GR101（第 2 行）。/);
    const en = fixAllNotice(r, 'en')!;
    assert.match(en, /1 error\(s\) touched by the edits remain: GR101 \(line 2\)\./);
  });

  it('lists at most five remaining errors, then "等"', () => {
    const text = 'x\n' + 'line\n'.repeat(8);
    const remaining: Finding[] = [1, 2, 3, 4, 5, 6, 7].map((l) => ({ code: 'GR103', severity: 'error', span: { start: 2 + 5 * (l - 1), end: 3 + 5 * (l - 1) }, message: 'x' }));
    const zh = fixAllNotice({ converged: false, stopped: 'maxRounds', rounds: 8, remaining, text }, 'zh-cn')!;
    assert.match(zh, /仍有 7 个：GR103（第 2 行）、GR103（第 3 行）、GR103（第 4 行）、GR103（第 5 行）、GR103（第 6 行）等。/);
  });
});
