/** `govreport --help` text (Chinese first, English second) and the version. */
export const VERSION = '0.1.0';

export const HELP = `govreport — 政府信息公开工作年度报告检查工具

用法：
  govreport check [选项] <文件|目录|->…
  govreport fix [--dry-run] [选项] <文件|目录|->…
  govreport summary [--output 文件.md] [--rule 代码=级别]… <文件|目录>…
  govreport --help | --version

check  检查报告。目录会被递归遍历，只检查开头有年报标题的 .md / .txt 文件（跳过的文件会列出原因）；
       直接列出的文件总会被检查。
         --format text     每条问题一行：文件:行:列 级别 代码 说明（行、列从 1 开始，列按 UTF-16 计）
         --format json     {reports:[{file, year, version, diagnostics:[{code, severity, message, range}], error?}], skipped:[…]}，
                           range 为 LSP 形式（行、列从 0 开始，UTF-16）
         --format sarif    SARIF 2.1.0（含规则说明和文档链接）
         --format junit    JUnit XML
         --format github   GitHub Actions 注释（::error file=…,line=…）
         --min-severity 级别   只输出该级别及以上（error|warning|information|hint）
         --quiet, -q       只输出错误，不输出跳过列表和汇总行；--verbose 列出每个已检查的文件
         --locale          说明文字的语言（zh-cn|en），默认 zh-cn
         --rule GR006=off  修改某条规则的级别（error|warning|information|hint|off），可重复
         --encoding 编码   auto（默认）|utf8|gb18030；读 UTF-8、带 BOM 的 UTF-16、GB18030/GBK
         --max-size 大小   更大的文件不读取（默认 10MB）
         --stdin-filename 名称   从标准输入（-）读取时显示的文件名
         --jobs N, -j N    并行线程数（默认：64 个文件以上自动并行）
fix    应用全部“可安全修复”的修改并写回（先写临时文件再替换；保留权限、BOM、换行符和编码），逐条列出修改
       （文件:行:列 规则 “原文” → “新文”）和剩余问题；--dry-run 不写文件：一个文件时输出修改后的全文，多个时输出修改清单。
       也接受 --locale、--rule、--encoding、--max-size。
summary  汇总多份年报（与编辑器命令“汇总本工作区年报”相同）：每份报告的机关、年度、格式版本、错误和警告数，
       以及每个年度表三、表四的合计，输出 Markdown（--output 写入文件；首行为生成标记，check 会跳过它）。

退出码：0 没有错误级问题；1 至少有一个错误级问题；2 用法错误；3 有文件无法读取或检查（其余文件照常检查）。

English: govreport checks Chinese government information-disclosure annual reports.
  check [options] <file|dir|->...
      Folders are walked for .md/.txt files with a report title (skipped files are listed with the
      reason); files named explicitly are always checked.
      --format text|json|sarif|junit|github   text: "file:line:col severity code message" (1-based,
      UTF-16 columns); json: {reports, skipped} with LSP 0-based ranges; SARIF 2.1.0; JUnit XML;
      GitHub Actions annotations. --min-severity LEVEL, --quiet (errors only, no summary), --verbose,
      --locale zh-cn|en, --rule CODE=SEVERITY, --encoding auto|utf8|gb18030, --max-size SIZE
      (default 10MB), --stdin-filename NAME (for -), --jobs N (automatic from 64 files).
  fix [--dry-run] [options] <file|dir|->...   applies every safe fix atomically, keeping mode, BOM,
      line ends and encoding; lists each change and what remains. --dry-run writes nothing (one file:
      the fixed text; several: the list of changes).
  summary [--output F.md] <file|dir>...   the workspace overview as Markdown (same as the editor command).
  Exit: 0 no error-level finding · 1 some error-level finding · 2 bad usage · 3 a file could not be
  read or checked (the others are still checked).
`;
