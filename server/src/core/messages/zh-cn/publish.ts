// Preview, export and import (server/src/core/publish, server/src/publish, client/src/preview.ts).
// A group apart from the checking catalogue (messages/index.ts): only the lazily loaded chunks
// (dist/publish.js, dist/preview.js) use it, so the start-up bundles do not carry it.
export const PUBLISH = {
  // Notes: what the published document does differently from the text (layout.ts, notes.ts)
  'publish.note.collapsed': '正文原在一行（{count}个标题连在正文中），已按标题分段导出',
  'publish.note.joined': '{table}原为{count}个分开的小表格，已按各小表格的标题合为一个标准表格导出，请核对各栏数据',
  'publish.note.guessed': '{table}的行列是读取时推断的（如小表格拼接、占位列名、错位的单元格），已按推断结果导出为标准表格，请核对数据',
  'publish.note.asWritten': '{table}的单元格连在一起，无法分开，已按原文导出为文字，未生成表格（数据未经核对）',
  'publish.notes': '导出说明',
  // Preview panel and the export / import commands (client/src/preview.ts)
  'preview.title': '预览：{name}',
  'preview.rendering': '正在生成预览…',
  'preview.notReport': '此文档不是年度报告。',
  'preview.legend': '图例：',
  'preview.severity.error': '错误',
  'preview.severity.warning': '警告',
  'preview.severity.information': '信息',
  'preview.severity.hint': '提示',
  'preview.findings': '{errors}个错误，{warnings}个警告（将鼠标停在标出的单元格上查看）',
  'preview.clean': '未发现错误或警告',
  'preview.exportDocx': '导出为 Word',
  'preview.exportHtml': '导出为 HTML',
  'preview.importDocx': '从 Word 导入',
  'preview.openReport': '请先打开一份年度报告。',
  'preview.confirmErrors': '报告仍有{count}个错误级问题（见“问题”面板）。仍要导出吗？',
  'preview.exportAnyway': '仍然导出',
  'preview.exported': '已导出：{path}',
  'preview.exportedWithNotes': '已导出：{path}。导出说明：{notes}',
  'preview.notExported': '此文档不是年度报告，未导出。',
  'preview.importFailed': '未能读取此 Word 文档。',
  'preview.defaultName': '年度报告',
} as const;
