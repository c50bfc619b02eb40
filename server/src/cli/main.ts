/** Entry point of dist/cli.js (`govreport`). */
import { run } from './run';

const code = run(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
});
process.exitCode = code;
