/** `govreport --help` text (Chinese first, English second) and the version. */
export const VERSION = '0.1.0';

export const HELP = `govreport — 政府信息公开工作年度报告检查工具

用法：
  govreport check [--format text|json] [--locale zh-cn|en] [--rule 代码=级别]… <文件|目录>…
  govreport fix [--dry-run] [--locale zh-cn|en] <文件>
  govreport summary [--output 文件.md] [--rule 代码=级别]… <文件|目录>…
  govreport --help | --version

check  检查报告。目录会被递归遍历，只检查看起来像年度报告的 .md / .txt 文件；
       直接列出的文件总会被检查。
         --format text   每条问题一行：文件:行:列 级别 代码 说明（行、列从 1 开始，列按 UTF-16 计）
         --format json   JSON 数组：[{file, year, version, diagnostics:[{code, severity, message, range}]}]，
                         range 为 LSP 形式（行、列从 0 开始，UTF-16）
         --locale        说明文字的语言，默认 zh-cn
         --rule GR006=off  修改某条规则的级别（error|warning|information|hint|off），可重复
fix    应用全部“可安全修复”的修改并写回文件；--dry-run 只把修改后的全文输出到标准输出，不写文件。
summary  汇总多份年报（与编辑器命令“汇总本工作区年报”相同）：每份报告的机关、年度、格式版本、错误和警告数，
       以及每个年度表三、表四的合计，输出 Markdown（--output 写入文件）。

退出码：0 没有错误级问题；1 至少有一个错误级问题；2 用法错误或文件无法读取（summary 只会是 0 或 2）。

English: govreport checks Chinese government information-disclosure annual reports.
  check [--format text|json] [--locale zh-cn|en] [--rule CODE=SEVERITY]... <file|dir>...
      Directories are walked for .md/.txt files that look like a report; files named explicitly are
      always checked. Text: "file:line:col severity code message" (1-based; columns in UTF-16 units).
      JSON: [{file, year, version, diagnostics:[{code, severity, message, range}]}], LSP 0-based ranges.
  fix [--dry-run] <file>   applies every safe fix in place (--dry-run: prints the fixed text instead).
  summary [--output F.md] <file|dir>...   the workspace overview as Markdown: per report its body, year,
      version and error/warning counts; per year the sums of T3 and T4 (same as the editor command).
  Exit: 0 no error-level finding · 1 some error-level finding · 2 bad usage / unreadable input
  (summary: 0 unless 2).
`;
