export const UI = {
  // Authoring commands (client/src/commands.ts)
  'ui.authoring.bodyPrompt': '请输入报告机关名称（如：某某县人民政府、某某市生态环境局）',
  'ui.authoring.bodyPlaceholder': '某某县人民政府',
  'ui.authoring.bodyRequired': '机关名称不能为空',
  'ui.authoring.yearPrompt': '请输入报告年度（统计期限所在年份）',
  'ui.authoring.yearInvalid': '请输入 2019 至 2100 之间的四位年份',
  'ui.authoring.kindPrompt': '请选择报告类型',
  'ui.authoring.kindGovernment': '人民政府年度报告',
  'ui.authoring.kindGovernmentDetail': '县级以上人民政府本级报告：含工作考核、社会评议和责任追究结果，3月31日前公布',
  'ui.authoring.kindDepartment': '部门年度报告',
  'ui.authoring.kindDepartmentDetail': '政府部门（含乡镇、街道等）报告：1月31日前公布',
  'ui.authoring.versionDetail': '{version}版格式（{notice}）',
  'ui.authoring.tablePrompt': '选择要插入的统计表（{version}版格式）',
  'ui.authoring.noEditor': '请先打开一份年度报告再插入统计表',
  // Related information and the published list (server/src/lsp/publish.ts)
  'ui.related.more': '另有 {count} 项未列出',
  'ui.publish.truncated': '另有 {hidden} 条检查结果未显示（编辑器每个文件最多显示 {limit} 条，先列错误）。本文件共 {errors} 个错误、{warnings} 个警告、{others} 条信息和提示；命令行 govreport check 列出全部',
} as const;
