/** Messages about the checker itself (GR000): a rule that failed, content left unchecked. */
export const INTERNAL = {
  GR000: '内部错误：规则 {code}（{name}）未能完成检查，其结果未列出；其他规则的检查不受影响',
  'GR000.parse': '内部错误：未能读取本报告的结构，仅作了部分检查',
  'GR000.skipped': '{count} 行内容过长（第{lines}行，最长 {chars} 个字符），未作检查；其余内容已正常检查',
} as const;
