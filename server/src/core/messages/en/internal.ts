/** Messages about the checker itself (GR000): a rule that failed, content left unchecked. */
export const INTERNAL = {
  GR000: 'Internal error: rule {code} ({name}) could not finish its check, so its results are not listed; the other rules are not affected',
  'GR000.parse': 'Internal error: the structure of this report could not be read; only part of it was checked',
  'GR000.skipped': '{count} line(s) too long to check (line {lines}; up to {chars} characters) were skipped; the rest of the document was checked as usual',
} as const;
