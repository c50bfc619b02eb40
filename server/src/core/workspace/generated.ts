/**
 * Files govreport writes itself (the workspace summary) start with this line; they are never
 * analysed as reports, by the server or the CLI, whatever their title or language.
 */
import { isJsSpace } from '../text/chars';
export const GENERATED_MARKER = '<!-- govreport:generated -->';

/** Whether `text` starts (after an optional BOM and blank lines) with the generated-file marker. */
export function isGenerated(text: string): boolean {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length && isJsSpace(text.charCodeAt(i)) && i < 200) i++;
  return text.startsWith(GENERATED_MARKER, i);
}
