/**
 * The JSON schema of `.govreport.jsonc`, built from the rule registry so that VS Code completes
 * rule codes with their descriptions. `scripts/gen-config-schema.ts` writes it to
 * schemas/govreport.schema.json; a test keeps the file in step.
 */
import { RULES } from '../rules/registry';
import { SEVERITY_WORDS } from './types';

const MONTH_DAY = { type: 'string', pattern: '^(0?[1-9]|1[0-2])-(0?[1-9]|[12][0-9]|3[01])$' };

export function configSchema(): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  for (const r of RULES) {
    rules[r.code] = {
      enum: [...SEVERITY_WORDS],
      description: `${r.description['zh-cn']}（默认：${r.severity}）\n${r.description.en} (default: ${r.severity})`,
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: '.govreport.jsonc',
    description: '政府信息公开年报检查配置 / Government report checker configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: { description: '规则级别或 off / Rule severities or off', type: 'object', properties: rules, additionalProperties: false },
      deadlines: {
        description: '发布期限（次年 MM-DD）/ Publication deadlines (MM-DD of the next year)',
        type: 'object', additionalProperties: false,
        properties: { department: { ...MONTH_DAY, description: '部门 / department, e.g. "01-31"' }, government: { ...MONTH_DAY, description: '人民政府 / government, e.g. "05-15"' } },
      },
      bodyKind: { enum: ['auto', 'department', 'government'], description: '标题不能判断时的主体类型 / Body kind when the title does not tell' },
      year: { type: 'integer', minimum: 2008, maximum: 2100, description: '报告年度（覆盖标题）/ Report year override' },
      version: { enum: ['2019', '2021'], description: '按此版格式检查统计表 / Check the tables against this format version' },
      ignore: { type: 'array', items: { type: 'string' }, description: '不检查的文件（gitignore 写法）/ Files not checked (gitignore syntax)' },
    },
  };
}
