// Errors in a .govreport.jsonc configuration file.
export const CONFIG = {
  'config.syntax': 'Syntax error in the config file: {error}',
  'config.notObject': 'The config file must be an object {…}',
  'config.unknownKey': 'Unknown config key "{key}" (known: {keys})',
  'config.unknownRule': 'Rule code "{code}" does not exist',
  'config.badSeverity': 'Invalid severity "{value}": use error, warning, information, hint or off',
  'config.badDate': 'Invalid date "{value}": use "MM-DD", e.g. "05-15"',
  'config.badBodyKind': '"bodyKind" must be auto, department or government',
  'config.badYear': '"year" must be a whole number between 2008 and 2100',
  'config.badVersion': '"version" must be "2019" or "2021"',
  'config.badIgnore': '"ignore" must be an array of strings (gitignore syntax)',
  'config.badType': '"{key}" has the wrong type: expected {type}',
} as const;
