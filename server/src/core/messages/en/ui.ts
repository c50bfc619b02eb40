export const UI = {
  // Authoring commands (client/src/commands.ts)
  'ui.authoring.bodyPrompt': 'Name of the reporting body (e.g. 某某县人民政府, 某某市生态环境局)',
  'ui.authoring.bodyPlaceholder': '某某县人民政府',
  'ui.authoring.bodyRequired': 'The body name must not be empty',
  'ui.authoring.yearPrompt': 'Report year (the year the statistics cover)',
  'ui.authoring.yearInvalid': 'Enter a four-digit year between 2019 and 2100',
  'ui.authoring.kindPrompt': 'Kind of report',
  'ui.authoring.kindGovernment': 'People\'s government report',
  'ui.authoring.kindGovernmentDetail': 'Own report of a people\'s government (county level and above): includes assessment, public evaluation and accountability; due by 31 March',
  'ui.authoring.kindDepartment': 'Department report',
  'ui.authoring.kindDepartmentDetail': 'Report of a government department (also townships, sub-districts): due by 31 January',
  'ui.authoring.versionDetail': 'Format {version} ({notice})',
  'ui.authoring.tablePrompt': 'Table to insert (format {version})',
  'ui.authoring.noEditor': 'Open a report before inserting a table',
  // Related information and the published list (server/src/lsp/publish.ts)
  'ui.related.more': '{count} more not listed',
  'ui.publish.truncated': '{hidden} further findings are not shown (the editor shows at most {limit} per file, errors first). This file has {errors} errors, {warnings} warnings and {others} information/hints; govreport check lists them all',
};
