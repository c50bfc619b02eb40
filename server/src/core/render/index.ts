export * from './width';
export * from './layout';
export * from './snippet';
export * from './wording';
export * from './markdownTable';
export * from './skeleton';
export * from './snippets';
