// Fix-all in the editor: what it says when it stopped without reaching a fixed point.
export const FIXALL = {
  'fixall.stopped.maxRounds': 'Fix all did not converge: it stopped after {rounds} round(s) of safe fixes with safe fixes still pending.',
  'fixall.stopped.oscillation': 'Fix all did not converge: the fixes go round in circles (round {rounds} brought back an earlier text), so it stopped.',
  'fixall.applied': 'The edits applied are safe fixes only.',
  'fixall.remaining': '{count} error(s) touched by the edits remain: {list}.',
  'fixall.remainingMore': ', …',
  'fixall.remainingNone': 'No error touched by the edits remains.',
  'fixall.at': '{code} (line {line})',
  'fixall.again': 'Review what remains, then run fix all again or fix the rest one by one.',
} as const;
