// Mocha entry that @vscode/test-electron's runTests() loads inside the VS Code extension host
// (compiled with the *.test.ts files by test/integration/run.js into out/integration/).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'spec' });
  if (process.env.GOVREPORT_E2E_GREP) mocha.grep(new RegExp(process.env.GOVREPORT_E2E_GREP));
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
