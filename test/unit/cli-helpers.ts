/** Shared by the cli-*.test.ts files: run the CLI in-process and capture its output. */
import { run, type CliIO } from '../../server/src/cli/run';

export function cli(args: string[], cwd: string, extra: Partial<CliIO> & Record<string, unknown> = {}) {
  let stdout = '';
  let stderr = '';
  let stdoutWrites = 0;
  const code = run(args, { stdout: (t) => { stdout += t; stdoutWrites++; }, stderr: (t) => { stderr += t; }, cwd, ...extra });
  return { code, stdout, stderr, stdoutWrites };
}
