/** `govreport summary`: the workspace overview of the given reports, as the editor's 汇总本工作区年报 writes it. */
import { resolve } from 'node:path';
import { ReportIndex, renderSummaryMarkdown } from '../../core/index';
import { parseRule, pathsOf, UsageError, type CommonOptions } from '../args';
import { EXIT, type CliIO } from '../io';
import { loadTarget } from '../load';
import { DEFAULT_MAX_SIZE } from '../read';
import { collectTargets } from '../walk';
import { writeFileAtomic } from '../write';
import { existsSync, writeFileSync } from 'node:fs';
import { uriOf } from './check';

export function summary(args: string[], io: CliIO): number {
  let output: string | undefined;
  const severities: CommonOptions['severities'] = {};
  // No --locale: the overview is written in Chinese, as the editor command writes it.
  const paths = pathsOf(args, (a, next) => {
    if (a === '--output' || a === '-o') {
      output = next();
      if (!output) throw new UsageError('--output 需要一个文件名 / --output needs a file name');
    } else if (a === '--rule') parseRule(next(), severities);
    else return false;
    return true;
  });
  if (paths.length === 0) throw new UsageError('请给出要汇总的文件或目录 / give at least one file or directory to summarise');
  const index = new ReportIndex();
  let failed = 0;
  let count = 0;
  for (const t of collectTargets(paths, io.cwd)) {
    const l = loadTarget(t, { maxSize: DEFAULT_MAX_SIZE, encoding: 'auto' }, io);
    if (l.kind === 'failed') { failed++; io.stderr(`${l.display}: ${l.message}\n`); continue; }
    if (l.kind !== 'text') continue;
    try {
      index.add(uriOf(l), l.text);
      count++;
    } catch (e) {
      failed++;
      io.stderr(`${l.display}: 内部错误 / internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  // The marker makes `check` skip the overview when it lies among the reports.
  const markdown = renderSummaryMarkdown(index.summary({ severities })); // starts with GENERATED_MARKER
  if (output === undefined) io.stdout(markdown);
  else {
    const target = resolve(io.cwd, output);
    try {
      if (existsSync(target)) writeFileAtomic(target, Buffer.from(markdown, 'utf8'));
      else writeFileSync(target, markdown, { encoding: 'utf8', flag: 'wx' });
    } catch (err) {
      io.stderr(`govreport: 无法写入 ${output}（${(err as NodeJS.ErrnoException).code ?? String(err)}） / cannot write ${output}\n`);
      return EXIT.unreadable;
    }
    io.stderr(`${output}: 已汇总 ${count} 份年报 / ${count} report(s) summarised\n`);
  }
  if (count === 0) io.stderr('没有找到年度报告 / no report found\n');
  return failed > 0 ? EXIT.unreadable : EXIT.ok;
}
