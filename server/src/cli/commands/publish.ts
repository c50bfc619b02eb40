/**
 * `govreport export|import` and `govreport check <file.docx>`: the commands that need the publish
 * chunk (dist/publish.js: docx, mammoth), loaded only when one of them runs.
 *   govreport export [--format docx|html] [-o out] [--force] [--fonts <json>] <report>
 *   govreport import <file.docx> [-o report.md]
 *   govreport check <file.docx>…        (imports each, checks the resulting report)
 * Exit codes: 0 done / clean, 1 refused (errors remain) or errors found, 2 usage or I/O error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, dirname } from 'node:path';
import { analyze, stripBom } from '../../core/index';
import { loadPublish } from '../../publish/load';

export interface PublishIo { stdout(t: string): void; stderr(t: string): void }

const isDocx = (f: string) => /\.docx$/i.test(f);

class Usage extends Error {}

interface Parsed { files: string[]; out?: string; format: 'docx' | 'html'; force: boolean; fonts?: unknown; locale: 'zh-cn' | 'en' }

function parse(args: string[]): Parsed {
  const p: Parsed = { files: [], format: 'docx', force: false, locale: 'zh-cn' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Usage(`${a} 需要参数 / ${a} needs a value`);
      return v;
    };
    if (a === '-o' || a === '--output') p.out = value();
    else if (a === '--format' || a === '-f') {
      const f = value();
      if (f !== 'docx' && f !== 'html') throw new Usage(`未知格式 ${f}（docx 或 html） / unknown format ${f} (docx or html)`);
      p.format = f;
    } else if (a === '--force') p.force = true;
    else if (a === '--locale' || a === '-l') {
      const l = value();
      if (l !== 'zh-cn' && l !== 'en') throw new Usage(`未知的语言 ${l}（zh-cn 或 en） / unknown locale ${l} (zh-cn or en)`);
      p.locale = l;
    }
    else if (a === '--fonts') {
      try { p.fonts = JSON.parse(value()); } catch { throw new Usage('--fonts 需要 JSON / --fonts needs JSON'); }
    } else if (a.startsWith('-') && a !== '-') throw new Usage(`未知选项 ${a} / unknown option ${a}`);
    else p.files.push(a);
  }
  return p;
}

async function exportCommand(args: string[], io: PublishIo): Promise<number> {
  const p = parse(args);
  if (p.files.length !== 1) throw new Usage('export 需要一个报告文件 / export takes one report file');
  const file = p.files[0]!;
  const text = stripBom(readFileSync(file, 'utf8'));
  const errors = analyze(text).findings.filter((f) => f.severity === 'error').length;
  if (errors > 0 && !p.force) {
    io.stderr(`govreport: ${file} 仍有 ${errors} 个错误级问题，未导出（加 --force 仍然导出） / ${errors} error(s) remain, not exported (use --force)\n`);
    return 1;
  }
  const pub = loadPublish();
  const out = p.out ?? join(dirname(file), basename(file, extname(file)) + '.' + p.format);
  if (p.format === 'html') writeFileSync(out, pub.exportHtml(text, {}, false));
  else writeFileSync(out, await pub.exportDocx(text, p.fonts));
  io.stderr(`govreport: 已导出 / exported ${out}\n`);
  // What the document does differently from the text: said, never silent.
  for (const note of pub.exportNotes(text, p.locale)) io.stderr(`govreport: ${out}: ${note}\n`);
  return 0;
}

async function importCommand(args: string[], io: PublishIo): Promise<number> {
  const p = parse(args);
  if (p.files.length !== 1) throw new Usage('import 需要一个 .docx 文件 / import takes one .docx file');
  const r = await loadPublish().importDocx(readFileSync(p.files[0]!));
  for (const w of r.warnings) io.stderr(`govreport: ${w}\n`);
  if (p.out) {
    writeFileSync(p.out, r.markdown);
    io.stderr(`govreport: 已导入 / imported ${p.out}\n`);
  } else io.stdout(r.markdown);
  return 0;
}

async function checkDocx(files: string[], io: PublishIo): Promise<number> {
  let errors = 0;
  for (const file of files) {
    const { markdown } = await loadPublish().importDocx(readFileSync(file));
    const a = analyze(markdown);
    for (const f of a.findings) {
      const pos = a.model.source.positionAt(f.span.start);
      io.stdout(`${file}:${pos.line + 1}:${pos.character + 1} ${f.severity} ${f.code} ${f.message}\n`);
      if (f.severity === 'error') errors++;
    }
  }
  io.stdout(`（行号指导入后的 Markdown 报告 / line numbers refer to the imported Markdown report）\n`);
  return errors > 0 ? 1 : 0;
}

/**
 * The hook for the CLI entry: a promise of the exit code when the command is one of these,
 * null to let the ordinary dispatcher run it.
 */
export function publishCommand(argv: string[], io: PublishIo): Promise<number> | null {
  const [cmd, ...rest] = argv;
  const files = rest.filter((a) => !a.startsWith('-'));
  const ours = cmd === 'export' || cmd === 'import' || (cmd === 'check' && files.length > 0 && files.every(isDocx) && !rest.some((a) => a === '-h' || a === '--help'));
  if (!ours) return null;
  const go = cmd === 'export' ? exportCommand(rest, io) : cmd === 'import' ? importCommand(rest, io) : checkDocx(files, io);
  return go.catch((err: unknown) => {
    if (err instanceof Usage) io.stderr(`govreport: ${err.message}\n`);
    else io.stderr(`govreport: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  });
}
