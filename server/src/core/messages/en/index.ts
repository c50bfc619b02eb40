import type { CONFIG as C } from '../zh-cn/config';
import type { STRUCTURE as S } from '../zh-cn/structure';
import type { TABLES as T } from '../zh-cn/tables';
import type { TEXT as X } from '../zh-cn/text';
import type { UI as U } from '../zh-cn/ui';
import type { INTERNAL as I } from '../zh-cn/internal';
import { CONFIG } from './config';
import { STRUCTURE } from './structure';
import { TABLES } from './tables';
import { TEXT } from './text';
import { UI } from './ui';
import { INTERNAL } from './internal';

// Each English group must carry exactly the keys of its zh-CN counterpart.
const groups: [Record<keyof typeof S, string>, Record<keyof typeof T, string>, Record<keyof typeof X, string>, Record<keyof typeof U, string>, Record<keyof typeof I, string>, Record<keyof typeof C, string>] =
  [STRUCTURE, TABLES, TEXT, UI, INTERNAL, CONFIG];

export const EN = Object.assign({}, ...groups) as Record<keyof typeof S | keyof typeof T | keyof typeof X | keyof typeof U | keyof typeof I | keyof typeof C, string>;
