/** Every rule, in code order. Each category keeps its own list so that rules are added in one place. */
import { gr000 } from './internal/gr000-internal-error';
import { STRUCTURE_RULES } from './structure/index';
import { TABLE_RULES } from './tables/index';
import { TEXT_RULES } from './text/index';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [gr000, ...STRUCTURE_RULES, ...TABLE_RULES, ...TEXT_RULES]
  // Codes are ASCII (GRnnn): code-unit order, without localeCompare's ICU collator (~10 ms at start).
  .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.code, r]));
