// Text helpers for the RBAC fixes: rewrite a YAML/JSON list in its own style (flow or block, quote
// character, spacing), remove a block-sequence item, read a scalar without its quotes.
import { LineIndex } from '../../text';
import type { Span, TextEdit } from '../../types';
import { eolOf, replace } from '../draft';

/** A block node's span may run over the line breaks after it (at the end of a file): they are not its text. */
function trimmed(text: string, span: Span): Span {
  return { start: span.start, end: span.start + text.slice(span.start, span.end).trimEnd().length };
}

export const unquote = (s: string): string => s.trim().replace(/^(["'])(.*)\1$/, '$2');

function quoteOf(sample: string): string {
  return sample.startsWith('"') ? '"' : sample.startsWith("'") ? "'" : '';
}

function scalar(value: string, quote: string): string {
  const q = quote || (value === '' || !/^[\w.][\w./-]*$/.test(value) ? '"' : '');
  return `${q}${value}${q}`;
}

/** The list at `span` rewritten with `values`, in the style it is written in; undefined for a templated list. */
export function listEdit(text: string, whole: Span, values: string[]): TextEdit | undefined {
  const span = trimmed(text, whole);
  const old = text.slice(span.start, span.end);
  if (old.includes('{{')) return undefined;
  if (old.startsWith('[')) {
    const inner = old.slice(1, -1);
    const quote = quoteOf(inner.trim());
    const pad = /^\s/.test(inner) && inner.trim() ? ' ' : '';
    return replace(span, `[${pad}${values.map((v) => scalar(v, quote)).join(', ')}${pad}]`);
  }
  if (old.startsWith('-')) {
    const lines = new LineIndex(text);
    const column = span.start - lines.lineStart(lines.lineOf(span.start));
    const quote = quoteOf(old.replace(/^-\s*/, ''));
    return replace(span, values.map((v) => `- ${scalar(v, quote)}`).join(`${eolOf(text)}${' '.repeat(column)}`));
  }
  // A single scalar (`verbs: "*"`) becomes a flow list.
  return replace(span, `[${values.map((v) => scalar(v, quoteOf(old))).join(', ')}]`);
}

/** Removes the block-sequence item whose content spans `span` (the `- ` line through its last line); undefined in flow style or when it holds template syntax. */
export function removeItem(text: string, whole: Span): TextEdit | undefined {
  const span = trimmed(text, whole);
  const lines = new LineIndex(text);
  const first = lines.lineOf(span.start);
  if (!/^\s*-\s+$/.test(text.slice(lines.lineStart(first), span.start))) return undefined;
  const last = lines.lineOf(span.end);
  const end = last + 1 < lines.lineCount ? lines.lineStart(last + 1) : text.length;
  if (text.slice(lines.lineStart(first), end).includes('{{')) return undefined;
  return replace({ start: lines.lineStart(first), end }, '');
}
