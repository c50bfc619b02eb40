#!/usr/bin/env node
/**
 * Generates syntaxes/govreport.tmLanguage.json (written as code so the regular expressions stay
 * readable). Run: node scripts/gen-grammar.mjs — the output is committed; the build does not run it.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const CN = '[一二三四五六七八九十百〇零]';
const DIGIT = '[0-9０-９]';
const LEAD = '^([ \\t\\u3000]*)'; // indentation: spaces, tabs, full-width spaces
const MD = '(#{1,6}[ \\t]+)?'; // optional Markdown heading marks
const NOT_ROW = '(?=[^\\t|]*$)'; // a heading line holds no tab and no pipe (those are table rows)

const inline = [
  { include: '#placeholder' },
  { include: '#caption' },
  { include: '#notice' },
  { include: '#date' },
  { include: '#number' },
];

// The heading text: up to the first 。：；！？ when more text follows (a run-in head "（一）强化组织
// 领导。成立了…" is a heading only up to its full stop), else the whole rest of the line. Same cut
// as the outline's symbol name (server/src/core/features/symbols.ts runInHead).
const HEAD = '((?:[^。：；！？:;!?]{1,60}?[。：；！？:;!?](?=[ \\t\\u3000]*\\S))|.*)(.*)$';

const headingCaptures = (level) => ({
  1: { name: 'punctuation.whitespace.leading.govreport' },
  2: { name: 'punctuation.definition.heading.markdown.govreport' },
  3: { name: `markup.heading.${level}.govreport constant.numeric.heading.marker.level${level}.govreport` },
  4: { name: `markup.heading.${level}.govreport entity.name.section.level${level}.govreport`, patterns: [{ include: '#placeholder' }, { include: '#date' }] },
  5: { name: 'meta.paragraph.run-in.govreport', patterns: inline },
});

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: '政府信息公开年度报告',
  scopeName: 'text.govreport',
  fileTypes: ['govreport'],
  patterns: [
    { include: '#title' },
    { include: '#heading1' },
    { include: '#heading2' },
    { include: '#heading3' },
    { include: '#captionLine' },
    { include: '#pipeRow' },
    { include: '#tsvRow' },
    ...inline,
  ],
  repository: {
    title: {
      comment: 'The report title: "…2024年度政府信息公开工作年度报告" (one line).',
      match: `^[ \\t\\u3000]*(#{1,6}[ \\t]+)?(\\S[^\\t|]{0,60}?政府信息公开[^\\t|]{0,12}?报告)[ \\t\\u3000]*$`,
      captures: {
        1: { name: 'punctuation.definition.heading.markdown.govreport' },
        2: { name: 'markup.heading.title.govreport entity.name.title.govreport', patterns: [{ include: '#date' }, { include: '#number' }] },
      },
    },
    heading1: {
      comment: 'Section heading: 一、总体情况 / 一. / 一． (optionally indented, optionally with Markdown #).',
      match: `${LEAD}${MD}${NOT_ROW}(${CN}{1,3}[、.．])[ \\t\\u3000]*${HEAD}`,
      captures: headingCaptures(1),
    },
    heading2: {
      comment: 'Sub-heading: （一） (一) （1） (1).',
      match: `${LEAD}${MD}${NOT_ROW}([（(](?:${CN}{1,3}|${DIGIT}{1,2})[）)])[ \\t\\u3000]*${HEAD}`,
      captures: headingCaptures(2),
    },
    heading3: {
      comment: 'Third level: 1. 1、 1． (not a decimal number such as 1.5).',
      match: `${LEAD}${MD}${NOT_ROW}(${DIGIT}{1,2}(?:[、．]|\\.(?![0-9])))[ \\t\\u3000]*${HEAD}`,
      captures: headingCaptures(3),
    },
    caption: {
      comment: 'Table caption 第二十条第（一）项 (also with a space: 第二十条 第（一）项).',
      match: `第二十条[ \\t\\u3000]*第[（(]${CN}{1,3}[）)]项`,
      name: 'entity.name.tag.caption.govreport',
    },
    captionLine: {
      match: `^[ \\t\\u3000]*(第二十条[ \\t\\u3000]*第[（(]${CN}{1,3}[）)]项)(.*)$`,
      name: 'meta.table.caption.govreport',
      captures: {
        1: { name: 'entity.name.tag.caption.govreport' },
        2: { patterns: [{ include: '#pipeCells' }, { include: '#tab' }, ...inline] },
      },
    },
    pipeRow: {
      comment: 'Markdown table row (| a | b |) and delimiter row (|---|:---:|).',
      patterns: [
        {
          name: 'meta.table.delimiter.govreport punctuation.separator.table.delimiter.govreport',
          match: '^[ \\t\\u3000]*\\|?(?:[ \\t]*:?-{3,}:?[ \\t]*\\|)+[ \\t]*(?::?-{3,}:?[ \\t]*)?$',
        },
        {
          name: 'meta.table.row.markdown.govreport',
          begin: '^(?=[ \\t\\u3000]*\\|)',
          end: '$',
          patterns: [{ include: '#pipeCells' }, ...inline],
        },
      ],
    },
    pipeCells: {
      match: '\\|',
      name: 'punctuation.separator.table.cell.govreport',
    },
    tsvRow: {
      comment: 'Tab-separated row pasted from Word / Excel: a line holding at least one tab after text.',
      name: 'meta.table.row.tsv.govreport',
      begin: '^(?=[^\\n]*\\S[^\\n]*\\t)',
      end: '$',
      patterns: [{ include: '#tab' }, ...inline],
    },
    tab: {
      match: '\\t+',
      name: 'punctuation.separator.table.tab.govreport',
    },
    placeholder: {
      comment: 'Template placeholders left in the text (GR006): （文字描述）, XX, ××, 某某.',
      patterns: [
        { match: '[（(]\\s*文字描述\\s*[）)]', name: 'invalid.deprecated.placeholder.govreport' },
        { match: '(?<![A-Za-z])[XxＸｘ]{2,}(?![A-Za-z])', name: 'invalid.deprecated.placeholder.govreport' },
        { match: '[×╳]{2,}', name: 'invalid.deprecated.placeholder.govreport' },
        { match: '某某+', name: 'invalid.deprecated.placeholder.govreport' },
      ],
    },
    notice: {
      comment: 'Cited notices: 国办公开办函〔2021〕30号, 国务院令第492号.',
      patterns: [
        { match: `[〔\\[［(（]${DIGIT}{4}[〕\\]］)）]${DIGIT}+号`, name: 'string.other.notice.govreport' },
        { match: `国务院令第${DIGIT}+号`, name: 'string.other.notice.govreport' },
      ],
    },
    date: {
      comment: 'Dates: 2024年12月31日, 2024年12月, 2024年度, 2024年 (half- or full-width digits).',
      patterns: [
        { match: `${DIGIT}{2,}年(?:${DIGIT}{1,2}月(?:${DIGIT}{1,2}日)?)?(?:度)?`, name: 'constant.other.date.govreport' },
        { match: `${DIGIT}{1,2}月${DIGIT}{1,2}日`, name: 'constant.other.date.govreport' },
      ],
    },
    number: {
      comment: 'Counts and amounts, half- or full-width, with optional sign, decimals, % and unit-less.',
      match: `(?<![0-9０-９A-Za-z])[-−+]?${DIGIT}+(?:[.．]${DIGIT}+)?[%％]?`,
      name: 'constant.numeric.govreport',
    },
  },
};

const out = join(root, 'syntaxes', 'govreport.tmLanguage.json');
writeFileSync(out, JSON.stringify(grammar, null, 2) + '\n');
console.log(`wrote ${out}`);
