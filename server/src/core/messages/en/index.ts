import type { CONFIG as C } from '../zh-cn/config';
import type { STRUCTURE as S } from '../zh-cn/structure';
import type { TABLES as T } from '../zh-cn/tables';
import type { TEXT as X } from '../zh-cn/text';
import type { UI as U } from '../zh-cn/ui';
import { CONFIG } from './config';
import { STRUCTURE } from './structure';
import { TABLES } from './tables';
import { TEXT } from './text';
import { UI } from './ui';

// Each English group must carry exactly the keys of its zh-CN counterpart.
const groups: [Record<keyof typeof S, string>, Record<keyof typeof T, string>, Record<keyof typeof X, string>, Record<keyof typeof U, string>, Record<keyof typeof C, string>] =
  [STRUCTURE, TABLES, TEXT, UI, CONFIG];

export const EN = Object.assign({}, ...groups) as Record<keyof typeof S | keyof typeof T | keyof typeof X | keyof typeof U | keyof typeof C, string>;
