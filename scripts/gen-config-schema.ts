// Writes schemas/govreport.schema.json from the rule registry: node --import tsx scripts/gen-config-schema.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from '../server/src/core/config/schema';

const dir = join(__dirname, '..', 'schemas');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'govreport.schema.json'), JSON.stringify(configSchema(), null, 2) + '\n');
