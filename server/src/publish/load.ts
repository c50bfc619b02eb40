/**
 * Loads the publish chunk (docx, mammoth) on first use. Bundled, it is dist/publish.js next to the
 * calling bundle; under tsx (tests) the TypeScript source. The path is computed so that esbuild
 * leaves the require alone and the chunk stays out of the start-up bundles.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishModule } from './index';

let cached: PublishModule | undefined;

export function loadPublish(): PublishModule {
  if (cached) return cached;
  const bundled = join(__dirname, 'publish.js');
  const path = existsSync(bundled) ? bundled : join(__dirname, 'index');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cached = require(path) as PublishModule;
  return cached;
}
