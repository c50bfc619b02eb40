/**
 * `govreport check|fix|summary` on the pure core. `run(argv, io)` returns the exit code and writes only
 * through `io`, so tests call it directly; main.ts wires it to the process.
 *
 * Exit codes: 0 no error-level finding · 1 at least one · 2 bad usage (message on stderr, nothing
 * on stdout) · 3 a file could not be read or checked (the others are still checked and printed).
 */
import { tokens, UsageError } from './args';
import { check } from './commands/check';
import { fix } from './commands/fix';
import { summary } from './commands/summary';
import { HELP, VERSION } from './help';
import { EXIT, type CliIO } from './io';

export type { CliIO } from './io';
export { HELP, VERSION } from './help';
export { toJsonReport, type JsonReport, type JsonOutput } from './formats/json';
export { toTextLines } from './formats/text';

export function run(argv: readonly string[], io: CliIO): number {
  const args = tokens(argv);
  try {
    const cmd = args[0];
    if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      if (cmd === undefined) {
        io.stderr(HELP);
        return EXIT.usage;
      }
      io.stdout(HELP);
      return EXIT.ok;
    }
    if (cmd === '--version' || cmd === '-v') {
      io.stdout(VERSION + '\n');
      return EXIT.ok;
    }
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(HELP);
      return EXIT.ok;
    }
    if (cmd === 'check') return check(args.slice(1), io);
    if (cmd === 'fix') return fix(args.slice(1), io);
    if (cmd === 'summary') return summary(args.slice(1), io);
    throw new UsageError(`未知命令 ${cmd}（可用 check、fix、summary） / unknown command ${cmd} (check, fix, summary)`);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`govreport: ${err.message}\n`);
      io.stderr('运行 govreport --help 查看用法 / run govreport --help for usage\n');
      return EXIT.usage;
    }
    io.stderr(`govreport: 内部错误 / internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT.unreadable;
  }
}
