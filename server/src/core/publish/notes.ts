/**
 * What the published document does differently from the text, said to the user by the export
 * (CLI, editor) and the preview: a collapsed body split at its headings, pieces of a table joined,
 * a table drawn from the reader's guess, a table left as written because its cells could not be
 * separated. Keys of the publish group (messages/{zh-cn,en}/publish.ts).
 */
import { publishText, type PublishKey } from './messages';

export interface PubNote {
  key: Extract<PublishKey, `publish.note.${string}`>;
  args?: Record<string, string | number>;
  /** 0-based source line the note is about. */
  line: number;
}

/** The notes in the reader's language, in text order. */
export function noteMessages(notes: readonly PubNote[], locale: 'zh-cn' | 'en' = 'zh-cn'): string[] {
  return [...notes].sort((a, b) => a.line - b.line).map((n) => publishText(locale, n.key, n.args));
}
