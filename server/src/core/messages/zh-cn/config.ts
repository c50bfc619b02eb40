// Errors in a .govreport.jsonc configuration file.
export const CONFIG = {
  'config.syntax': '配置文件语法错误：{error}',
  'config.notObject': '配置文件应为一个对象 {…}',
  'config.unknownKey': '未知的配置项“{key}”（可用：{keys}）',
  'config.unknownRule': '规则代码“{code}”不存在',
  'config.badSeverity': '级别“{value}”无效，应为 error、warning、information、hint 或 off',
  'config.badDate': '日期“{value}”无效，应为“MM-DD”格式，如“05-15”',
  'config.badBodyKind': '“bodyKind”应为 auto、department 或 government',
  'config.badYear': '“year”应为 2008 至 2100 之间的整数',
  'config.badVersion': '“version”应为 "2019" 或 "2021"',
  'config.badIgnore': '“ignore”应为字符串数组（gitignore 写法）',
  'config.badType': '“{key}”的类型不对，应为{type}',
} as const;
