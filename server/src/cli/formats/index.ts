/** The output formats of `check --format`. */
import { githubFormatter } from './github';
import { jsonFormatter } from './json';
import { junitFormatter } from './junit';
import { sarifFormatter } from './sarif';
import { textFormatter } from './text';
import type { FormatContext, Formatter } from './types';

export const FORMATS = { text: textFormatter, json: jsonFormatter, sarif: sarifFormatter, junit: junitFormatter, github: githubFormatter } as const;
export type FormatName = keyof typeof FORMATS;

export function isFormatName(v: string | undefined): v is FormatName {
  return v !== undefined && Object.prototype.hasOwnProperty.call(FORMATS, v);
}

export function makeFormatter(name: FormatName, ctx: FormatContext): Formatter {
  return FORMATS[name](ctx);
}
