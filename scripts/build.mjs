#!/usr/bin/env node
/**
 * Bundles the three entry points with esbuild:
 *   dist/client.js  VS Code extension (vscode is external, provided by the host)
 *   dist/lsp-protocol.js  the LSP protocol libraries, shared by client.js and server.js
 *   dist/server.js  language server entry: loads lsp-protocol.js and server-main.js through a V8 code cache
 *                   (dist/server-trace.js: the same, recording where a start's time goes; not shipped)
 *   dist/server-main.js  the language server (stdio or IPC, chosen by the command line)
 *   dist/cli.js     `govreport check|fix` (executable, #!/usr/bin/env node)
 *   dist/publish.js preview/export/import chunk (docx, mammoth), loaded lazily by server and CLI
 *   dist/preview.js the client's preview/export/import commands, loaded lazily by dist/client.js
 *   dist/rule-docs.json the rule pages (docs/rules/**.md) in one file, for the .vsix
 * Minified; no source maps unless --sourcemap (never in the package: .vscodeignore drops *.map).
 * Usage: node scripts/build.mjs [--sourcemap] [--watch]
 */
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { thinClientPlugin } from './thin-client.mjs';
import { SHARED_PROTOCOL_FILE, sharedProtocolEntry, sharedProtocolPlugin } from './shared-protocol.mjs';
import { lazyBuiltinsPlugin } from './lazy-builtins.mjs';
import { LANGUAGESERVER_PROTOCOLS, namedExportsPlugin } from './named-exports.mjs';
import { asciiOnly } from './ascii-bundle.mjs';
import { prewrap, prewrapCalled } from './cjs-wrapper.mjs';
import { writeRuleDocsBundle } from './rule-docs-bundle.mjs';
import { sideEffectFreePlugin } from './side-effect-free.mjs';
import { plainReexportsPlugin } from './plain-reexports.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const sourcemap = args.has('--sourcemap');
const watch = args.has('--watch');
// --no-minify: readable names in CPU profiles (BENCH_LSP_PROFILE); the shipped build is minified.
const minify = !watch && !args.has('--no-minify');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  // jsonc-parser's UMD main requires its modules dynamically; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  target: 'node20',
  format: 'cjs',
  minify,
  sourcemap: sourcemap || watch,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

const targets = [
  // metafile: the build fails if checking code reaches the thin client (assertThinClient below).
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'], metafile: true, plugins: [thinClientPlugin(root), sharedProtocolPlugin] },
  { ...common, entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server-main.js', plugins: [namedExportsPlugin(root, Object.keys(LANGUAGESERVER_PROTOCOLS), LANGUAGESERVER_PROTOCOLS), sharedProtocolPlugin, lazyBuiltinsPlugin, sideEffectFreePlugin()] },
  // The LSP protocol libraries, required by both client.js and server.js (scripts/shared-protocol.mjs).
  // Its `export *` re-exports as plain copies, not ~1,300 getters (scripts/plain-reexports.mjs).
  { ...common, ...sharedProtocolEntry(root), plugins: [plainReexportsPlugin, lazyBuiltinsPlugin] },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [sideEffectFreePlugin()] },
  // Preview / export / import (docx, mammoth): required by server and CLI only when used.
  { ...common, entryPoints: ['server/src/publish/index.ts'], outfile: 'dist/publish.js' },
  // The preview webview and export/import commands of the client: required on first use.
  { ...common, entryPoints: ['client/src/preview.ts'], outfile: 'dist/preview.js', external: ['vscode', 'vscode-languageclient', 'vscode-languageclient/node'] },
  // Worker threads of `govreport check` on many files (loaded next to cli.js).
  { ...common, entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/cli-worker.js', plugins: [sideEffectFreePlugin()] },
];

/**
 * The entry the client spawns: a small bootstrap that loads lsp-protocol.js and server-main.js
 * (server/src/boot). Built after them: their content hashes are written into it as part of the
 * code cache key, so that the bootstrap never hashes 500 KB of source at start (watch builds: none).
 */
const BOOTED = [SHARED_PROTOCOL_FILE, 'server-main.js'];
const bootTarget = (ids, trace = false) => ({
  ...common, entryPoints: ['server/src/boot/server.ts'], outfile: trace ? 'dist/server-trace.js' : 'dist/server.js',
  define: { __GOVREPORT_BOOT_TRACE__: String(trace), ...(ids ? { __GOVREPORT_BUNDLE_IDS__: JSON.stringify(ids) } : {}) },
});
const bundleIds = () => Object.fromEntries(BOOTED.map((f) => [f, createHash('sha1').update(readFileSync(join(root, 'dist', f))).digest('hex').slice(0, 16)]));

/** dist/client.js holds UI only: the checking core (server/src/**) is reached through requests. */
export function coreInputsOf(metafile) {
  return Object.keys(metafile.inputs).filter((f) => f.startsWith('server/'));
}
function assertThinClient(metafile) {
  const core = coreInputsOf(metafile);
  if (core.length) throw new Error(`dist/client.js must not bundle server code: ${core.join(', ')}`);
}

const started = Date.now();
mkdirSync(join(root, 'dist'), { recursive: true });
writeRuleDocsBundle(root);
// dist/ is overwritten in place, never removed first: a server or test running from it meanwhile
// (other work in the same tree) keeps working.
if (watch) {
  for (const t of [...targets, bootTarget(undefined)]) {
    const ctx = await esbuild.context(t);
    await ctx.watch();
  }
  console.log('[build] watching client, server and cli …');
} else {
  const results = await Promise.all(targets.map((t) => esbuild.build(t)));
  for (const f of BOOTED) {
    const file = join(root, 'dist', f);
    const text = readFileSync(file, 'utf8');
    // lsp-protocol.js is also require()d by client.js: it is wrapped and called (scripts/cjs-wrapper.mjs).
    const out = f === 'server-main.js' ? prewrap(asciiOnly(text)) : prewrapCalled(asciiOnly(text));
    if (out !== text) writeFileSync(file, out);
  }
  const ids = bundleIds();
  // dist/server-trace.js: the same bootstrap recording its start's phases (server/src/boot/phases.ts;
  // BENCH_LSP_PHASES=1 in scripts/bench-lsp.mjs). Not in the .vsix (.vscodeignore lists what ships).
  await Promise.all([esbuild.build(bootTarget(ids)), esbuild.build(bootTarget(ids, true))]);
  assertThinClient(results[0].metafile);
  // GOVREPORT_CLIENT_META=file: what dist/client.js is made of (esbuild metafile, for size work).
  if (process.env.GOVREPORT_CLIENT_META) writeFileSync(process.env.GOVREPORT_CLIENT_META, JSON.stringify(results[0].metafile));
  chmodSync(join(root, 'dist/cli.js'), 0o755);
  console.log(`[build] dist/client.js dist/server.js dist/server-main.js dist/lsp-protocol.js dist/cli.js dist/publish.js dist/preview.js dist/cli-worker.js dist/rule-docs.json in ${Date.now() - started} ms`);
}
