// Writing a list of policy values in the style of the file around it: JSON, HCL, Python and TS
// lists (`["a", "b"]`, one item per line when the list already is), YAML block or flow lists, and
// JSON inside a one-line string (kept on one line). Values are quoted like the value they replace.
import type { PolicySyntax } from '../../iam/aws/remedy';
import type { Span, TextEdit } from '../../types';
import { eolOf, indentOf, replace } from '../draft';

/** How to write values: the syntax of the list, whether it may span lines, the quote to use. */
export interface ListStyle {
  syntax: PolicySyntax;
  /** False inside a one-line string (embedded JSON). */
  multiLine: boolean;
  /** `"`, `'`, or '' for YAML plain scalars. */
  quote: string;
}

/** A value to write: a string (quoted by the style) or an expression written as is. */
export type ListValue = { text: string } | { expression: string };

const YAML_PLAIN = /^[A-Za-z][\w:/<>.*-]*$/;
const ONE_LINE_WIDTH = 100;

export function styleOf(text: string, item: Span, syntax: PolicySyntax, embedded: string | undefined): ListStyle {
  const first = text[item.start];
  const effective: PolicySyntax = embedded ? 'json' : syntax;
  const quote = effective === 'json' || effective === 'hcl' ? '"' : first === '"' || first === "'" || (first === '`' && effective === 'javascript') ? first : effective === 'yaml' ? '' : '"';
  return { syntax: effective, multiLine: embedded !== 'string', quote };
}

export function written(value: ListValue, style: ListStyle): string {
  if ('expression' in value) return value.expression;
  const v = value.text;
  if (style.quote === '') return YAML_PLAIN.test(v) ? v : `'${v.replace(/'/g, "''")}'`;
  if (style.quote === "'" && style.syntax === 'yaml') return `'${v.replace(/'/g, "''")}'`;
  return `${style.quote}${v.replace(/\\/g, '\\\\').replace(new RegExp(style.quote, 'g'), `\\${style.quote}`)}${style.quote}`;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** One item of a list replaced by several, laid out like the list: YAML `- ` lines, one per line, or inline. */
export function replaceItem(text: string, item: Span, values: ListValue[], style: ListStyle): TextEdit {
  const lineStart = lineStartOf(text, item.start);
  const before = text.slice(lineStart, item.start);
  const eol = eolOf(text);
  const parts = values.map((v) => written(v, style));
  let separator = ', ';
  if (style.multiLine && style.syntax === 'yaml' && /^\s*-\s+$/.test(before)) separator = `${eol}${before}`;
  else if (style.multiLine && /^\s*$/.test(before)) separator = `,${eol}${before}`;
  return replace(item, parts.join(separator));
}

/**
 * A whole element value (a single value or a list) replaced by a list: one value stays a scalar;
 * several become a YAML block list under the key (a flow list inside a flow mapping), or a bracketed
 * list, one item per line when it would be long.
 */
export function replaceElement(text: string, key: Span, element: Span, values: ListValue[], style: ListStyle): TextEdit {
  const parts = values.map((v) => written(v, style));
  const eol = eolOf(text);
  if (parts.length === 1 && !text.slice(element.start, element.end).trimStart().startsWith('-')) return replace(element, parts[0]);
  if (style.syntax === 'yaml') {
    const keyLine = lineStartOf(text, key.start);
    const blockKey = /^\s*(?:-\s+)?$/.test(text.slice(keyLine, key.start)) && /^\s*:\s*$/.test(text.slice(key.end, element.start)) && !text.slice(element.start, element.end).startsWith('[');
    if (blockKey) {
      const indent = ' '.repeat(key.start - keyLine + 2);
      return replace({ start: key.end, end: element.end }, `:${parts.map((p) => `${eol}${indent}- ${p}`).join('')}`);
    }
    return replace(element, `[${parts.join(', ')}]`);
  }
  const inline = `[${parts.join(', ')}]`;
  const keyLine = lineStartOf(text, key.start);
  // One item per line only where the key starts its line: a statement written on one line stays so.
  const keyFirst = /^\s*$/.test(text.slice(keyLine, key.start));
  if (!style.multiLine || !keyFirst || inline.length + (element.start - keyLine) <= ONE_LINE_WIDTH) return replace(element, inline);
  const outer = indentOf(text.slice(keyLine, key.start));
  const inner = outer + indentUnit(text);
  return replace(element, `[${eol}${parts.map((p) => `${inner}${p}`).join(`,${eol}`)}${eol}${outer}]`);
}

/** The file's indentation step: a tab, or the smallest run of leading spaces. */
function indentUnit(text: string): string {
  let smallest = 0;
  for (const m of text.matchAll(/^([ \t]+)\S/gm)) {
    if (m[1].startsWith('\t')) return '\t';
    if (smallest === 0 || m[1].length < smallest) smallest = m[1].length;
    if (smallest === 2) break;
  }
  return ' '.repeat(smallest || 2);
}

/** The unquoted text of an item (`"s3:*"` → `s3:*`). */
export function unquoted(raw: string): string {
  return /^(["'`])(.*)\1$/s.exec(raw)?.[2] ?? raw;
}

/** IAM counts policy size without whitespace. */
export function policySize(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) n++;
  }
  return n;
}
