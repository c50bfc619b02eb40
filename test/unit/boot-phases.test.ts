/**
 * server/src/boot/phases.ts: the start's phases as differences of marks, and the trace only in the
 * trace build of the bootstrap (dist/server-trace.js), never in dist/server.js.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { BOOT_TRACE_FILE_ENV, phasesOf } from '../../server/src/boot/phases';

const ROOT = join(__dirname, '..', '..');

describe('boot phases (server/src/boot/phases.ts)', () => {
  it('each phase is the difference to the mark before it, the first from the process start', () => {
    const marks = [
      { name: 'node', cpuMs: 50, faults: 2000, wallMs: 60 },
      { name: 'protocol compile', cpuMs: 54, faults: 2250, wallMs: 65 },
      { name: 'main run', cpuMs: 70, faults: 2500, wallMs: 85 },
    ];
    assert.deepEqual(phasesOf(marks), [
      { name: 'node', cpuMs: 50, faults: 2000, wallMs: 60 },
      { name: 'protocol compile', cpuMs: 4, faults: 250, wallMs: 5 },
      { name: 'main run', cpuMs: 16, faults: 250, wallMs: 20 },
    ]);
  });

  it('the shipped bootstrap holds no trace code; the trace build does', async () => {
    const build = async (trace: boolean) => (await esbuild.build({
      entryPoints: [join(ROOT, 'server/src/boot/server.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20',
      minify: true, write: false, logLevel: 'silent', define: { __GOVREPORT_BOOT_TRACE__: String(trace) },
    })).outputFiles[0]!.text;
    const shipped = await build(false);
    assert.ok(!shipped.includes(BOOT_TRACE_FILE_ENV) && !shipped.includes('resourceUsage'), 'no trace in dist/server.js');
    const traced = await build(true);
    assert.ok(traced.includes(BOOT_TRACE_FILE_ENV) && traced.includes('to first publish'));
  });
});
