/** Entry point of dist/cli.js (`govreport`). */
import { readFileSync } from 'node:fs';
import { run } from './run';
import { publishCommand } from './commands/publish';
import { deferOptimisation } from './tiering';

// A short-lived process: TurboFan's compiles cost more than they save on most runs (tiering.ts).
deferOptimisation();

// A reader that stops early (`govreport check … | head`) closes the pipe: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

// export / import / check *.docx: asynchronous, in their own file (loads dist/publish.js).
const publish = publishCommand(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) });
if (publish) publish.then((c) => { process.exitCode = c; });
else {
const code = run(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  readStdin: () => readFileSync(0),
});
process.exitCode = code;
}
