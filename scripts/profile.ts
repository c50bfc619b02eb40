/**
 * `npm run profile`: a CPU profile of analyze() on a synthetic ~1 MB report (the bench's), in the
 * bundled code as it ships. Writes profiles/analyze-1mb.cpuprofile (node --cpu-prof); open it in
 * Chrome DevTools (Performance → Load profile) or VS Code. PROFILE_MB=4 PROFILE_RUNS=20 to vary.
 */
import { join } from 'node:path';
import { analyze } from '../server/src/core/analyze';
import { syntheticReport } from './synthetic';

const mb = Number(process.env.PROFILE_MB ?? 1);
const runs = Number(process.env.PROFILE_RUNS ?? 10);
const text = syntheticReport(join(__dirname, '..', 'test', 'fixtures', 'samples'), mb * 1024 * 1024);
const t0 = process.hrtime.bigint();
let findings = 0;
for (let i = 0; i < runs; i++) findings = analyze(text).findings.length;
const ms = Number(process.hrtime.bigint() - t0) / 1e6 / runs;
console.log(`analyze() on ${(Buffer.byteLength(text) / 1048576).toFixed(2)} MB: ${ms.toFixed(1)} ms per run (${runs} runs, ${findings} findings); profile in profiles/`);
