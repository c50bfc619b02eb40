// TurboFan is off for the server's first check (server/src/boot/optimiser.ts) and must come back:
// when the server says its first diagnostics are out, or after the fallback when it never does.
// V8 flags are process-wide, so each case runs in a child process with natives syntax to ask V8.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const OPTIMISER = join(__dirname, '..', '..', 'server', 'src', 'boot', 'optimiser.ts');

/** Runs `body` in a child with deferOptimisation, hot() and turbofanned() in scope; returns its stdout lines. */
function probe(body: string): string[] {
  const script = `
const { deferOptimisation } = require(${JSON.stringify(OPTIMISER)});
function hot(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + i * 7) % 1000003; return s; }
const status = new Function('f', 'return %GetOptimizationStatus(f)');
const turbofanned = () => (status(hot) & 64) !== 0; // V8's OptimizationStatus::kTurboFanned
const warm = () => { for (let i = 0; i < 2000; i++) hot(1000); };
const warmUntilOptimised = () => { for (let k = 0; k < 200 && !turbofanned(); k++) warm(); return turbofanned(); };
${body}`;
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '-e', script], { encoding: 'utf8', timeout: 30000 });
  assert.equal(r.status, 0, `${r.stderr}${r.error ? String(r.error) : ''}`);
  return r.stdout.trim().split('\n');
}

describe('TurboFan deferred for the first check (boot/optimiser.ts)', () => {
  it('the control: without deferring, the hot function is optimised', () => {
    assert.deepEqual(probe('console.log(warmUntilOptimised());'), ['true']);
  });

  it('off until resumed, on after; the fallback timer does not keep the process alive', () => {
    const out = probe(`
const resume = deferOptimisation(60000);
warm(); warm(); warm();
console.log(turbofanned());
resume(); resume();
console.log(warmUntilOptimised());`);
    assert.deepEqual(out, ['false', 'true']);
  });

  it('back on after the fallback when nothing resumes it (no report opened)', () => {
    const out = probe(`
deferOptimisation(50);
warm(); warm(); warm();
console.log(turbofanned());
setTimeout(() => console.log(warmUntilOptimised()), 200);`);
    assert.deepEqual(out, ['false', 'true']);
  });
});
