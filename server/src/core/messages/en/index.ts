import type { CONFIG as C } from '../zh-cn/config';
import type { STRUCTURE as S } from '../zh-cn/structure';
import type { TABLES as T } from '../zh-cn/tables';
import type { TEXT as X } from '../zh-cn/text';
import type { UI as U } from '../zh-cn/ui';
import type { INTERNAL as I } from '../zh-cn/internal';
import type { PUBLISH as P } from '../zh-cn/publish';
import { CONFIG } from './config';
import { STRUCTURE } from './structure';
import { TABLES } from './tables';
import { TEXT } from './text';
import { UI } from './ui';
import { INTERNAL } from './internal';
import { PUBLISH } from './publish';

// Each English group must carry exactly the keys of its zh-CN counterpart.
const groups: [Record<keyof typeof S, string>, Record<keyof typeof T, string>, Record<keyof typeof X, string>, Record<keyof typeof U, string>, Record<keyof typeof I, string>, Record<keyof typeof C, string>, Record<keyof typeof P, string>] =
  [STRUCTURE, TABLES, TEXT, UI, INTERNAL, CONFIG, PUBLISH];

export const EN = Object.assign({}, ...groups) as Record<keyof typeof S | keyof typeof T | keyof typeof X | keyof typeof U | keyof typeof I | keyof typeof C | keyof typeof P, string>;
