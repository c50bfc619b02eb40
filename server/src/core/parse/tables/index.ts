import type { Table } from '../../model/types';
import type { SourceText } from '../../text/source';

// Placeholder while the table reader is written (helper-2 replaces this file).
export function readTables(_src: SourceText): Table[] {
  return [];
}
