// One file per rule group so that the catalogue grows without edit conflicts.
import { CONFIG } from './config';
import { STRUCTURE } from './structure';
import { TABLES } from './tables';
import { TEXT } from './text';
import { UI } from './ui';
import { INTERNAL } from './internal';

export const ZH_CN = { ...STRUCTURE, ...TABLES, ...TEXT, ...UI, ...INTERNAL, ...CONFIG } as const;
