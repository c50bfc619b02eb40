/**
 * The language server's environment, as the client spawns it (and scripts/bench-lsp.mjs, which
 * must measure the same start). vscode-languageclient merges these entries over the editor's own
 * environment, and child_process leaves out entries whose value is undefined: so PATH, locale,
 * HOME… are kept and only the variables listed here change.
 */
import type { ServerOptions, TransportKind } from 'vscode-languageclient/node';

/**
 * Read by every Node start, yet of use only to network connections, which the server never opens:
 * NODE_EXTRA_CA_CERTS makes Node read and parse a CA bundle before running anything (~80 ms).
 */
export const NETWORK_ONLY_ENV = ['NODE_EXTRA_CA_CERTS'] as const;

/** The directory of the server's V8 code cache (server/src/boot/keys.ts names it too). */
export const CODE_CACHE_DIR_ENV = 'GOVREPORT_CODE_CACHE_DIR';

/** Entries to merge over the inherited environment; `codeCacheDir` undefined: no code cache. */
export function serverEnvOverrides(codeCacheDir: string | undefined): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const name of NETWORK_ONLY_ENV) env[name] = undefined;
  env[CODE_CACHE_DIR_ENV] = codeCacheDir;
  return env;
}

/** How the client starts dist/server.js (run and debug alike get the environment above). */
export function serverOptionsFor(serverModule: string, codeCacheDir: string | undefined, transport: TransportKind) {
  const env = serverEnvOverrides(codeCacheDir);
  return {
    run: { module: serverModule, transport, options: { env } },
    debug: { module: serverModule, transport, options: { env, execArgv: ['--nolazy', '--inspect=6009'] } },
  } satisfies ServerOptions;
}
