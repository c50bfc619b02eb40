// Fix-all in the editor: what it says when it stopped without reaching a fixed point.
export const FIXALL = {
  'fixall.stopped.maxRounds': '修复全部未收敛：已执行 {rounds} 轮安全修复后停止，仍有可安全修复的问题未处理。',
  'fixall.stopped.oscillation': '修复全部未收敛：修复会来回反复（第 {rounds} 轮后又回到之前的文本），已停止。',
  'fixall.applied': '已应用的修改均为安全修复。',
  'fixall.remaining': '与修改相关的错误仍有 {count} 个：{list}。',
  'fixall.remainingMore': '等',
  'fixall.remainingNone': '与修改相关的错误已无。',
  'fixall.at': '{code}（第 {line} 行）',
  'fixall.again': '请检查剩余的问题后再次运行“修复全部”，或逐个处理。',
} as const;
