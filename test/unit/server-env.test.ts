// How the client spawns the language server (client/src/serverEnv.ts): without the network-only
// variables that slow every Node start, with everything else of the editor's environment kept.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { CODE_CACHE_DIR_ENV, NETWORK_ONLY_ENV, serverEnvOverrides, serverOptionsFor } from '../../client/src/serverEnv';
import { CODE_CACHE_DIR_ENV as BOOT_CODE_CACHE_DIR_ENV } from '../../server/src/boot/keys';

/** What vscode-languageclient does with `options.env` for a forked server (lib/node/main.js getEnvironment). */
function mergedAsTheClientDoes(editorEnv: NodeJS.ProcessEnv, overrides: Record<string, string | undefined>): Record<string, string | undefined> {
  return { ...editorEnv, ELECTRON_RUN_AS_NODE: '1', ELECTRON_NO_ASAR: '1', ...overrides };
}

/** The environment a child process really receives from `env`. */
function childEnv(env: Record<string, string | undefined>): Record<string, string> {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(process.env))'], { env: env as NodeJS.ProcessEnv, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Record<string, string>;
}

describe('language server environment', () => {
  const editorEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_EXTRA_CA_CERTS: '/nonexistent/corporate-ca.pem',
    LANG: 'zh_CN.UTF-8',
    LC_ALL: 'zh_CN.UTF-8',
    GOVREPORT_TEST_MARKER: '政府信息公开',
  };

  it('drops NODE_EXTRA_CA_CERTS and keeps PATH, locale and every other variable', () => {
    const got = childEnv(mergedAsTheClientDoes(editorEnv, serverEnvOverrides('/tmp/cache dir')));
    assert.equal(got.NODE_EXTRA_CA_CERTS, undefined);
    assert.equal(got.PATH, editorEnv.PATH);
    assert.equal(got.LANG, 'zh_CN.UTF-8');
    assert.equal(got.LC_ALL, 'zh_CN.UTF-8');
    assert.equal(got.GOVREPORT_TEST_MARKER, '政府信息公开');
    assert.equal(got[CODE_CACHE_DIR_ENV], '/tmp/cache dir');
    const dropped = new Set<string>([...NETWORK_ONLY_ENV, 'ELECTRON_RUN_AS_NODE', 'ELECTRON_NO_ASAR', CODE_CACHE_DIR_ENV]);
    for (const [k, v] of Object.entries(editorEnv)) if (!dropped.has(k)) assert.equal(got[k], v, k);
  });

  it('without a cache directory the server gets none (and no inherited one)', () => {
    const got = childEnv(mergedAsTheClientDoes({ ...editorEnv, [CODE_CACHE_DIR_ENV]: '/elsewhere' }, serverEnvOverrides(undefined)));
    assert.equal(got[CODE_CACHE_DIR_ENV], undefined);
    assert.equal(got.NODE_EXTRA_CA_CERTS, undefined);
  });

  it('run and debug start the server with that environment', () => {
    const o = serverOptionsFor('/ext/dist/server.js', '/storage/code-cache', 1);
    for (const mode of [o.run, o.debug]) {
      assert.equal(mode.module, '/ext/dist/server.js');
      assert.equal(mode.transport, 1);
      assert.deepEqual(mode.options.env, serverEnvOverrides('/storage/code-cache'));
      assert.ok(Object.hasOwn(mode.options.env, 'NODE_EXTRA_CA_CERTS'));
    }
  });

  it('client and bootstrap name the same cache variable', () => {
    assert.equal(CODE_CACHE_DIR_ENV, BOOT_CODE_CACHE_DIR_ENV);
  });
});
