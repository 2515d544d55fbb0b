// JSON(C) edits shared by the agent fixes: the string a finding points at, its array, and the edits
// that replace one array item by several or remove it, keeping the layout, comments and the rest of
// the file as written (jsonc-parser's `modify` reformats and drops comments).
import { findNodeAtOffset, getNodePath, parseTree, type JSONPath, type Node } from 'jsonc-parser';
import type { Span, TextEdit } from '../../types';
import { itemsBetween, removalSpan } from '../brackets';
import { eolOf, indentOf, replace } from '../draft';
import type { CodeSyntax } from '../literals';

const JSONC: CodeSyntax = { quotes: ['"'], lineComment: ['//'] };

export interface JsonStringAt {
  node: Node;
  value: string;
  path: JSONPath;
}

/** The JSON value (string, boolean, number, null) whose source is exactly `span`, or undefined when the text changed. */
export function jsonValueAt(text: string, span: Span): { node: Node; path: JSONPath } | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const node = root && findNodeAtOffset(root, span.start + 1, false);
  if (!node || node.offset !== span.start || node.offset + node.length !== span.end) return undefined;
  return { node, path: getNodePath(node) };
}

/** The JSON string whose literal (quotes included) is exactly `span`, or undefined when the text changed. */
export function jsonStringAt(text: string, span: Span): JsonStringAt | undefined {
  const at = jsonValueAt(text, span);
  return at && at.node.type === 'string' ? { node: at.node, value: at.node.value as string, path: at.path } : undefined;
}

/** The string values of an array node's items (non-strings as undefined). */
export function arrayValues(array: Node): (string | undefined)[] {
  return (array.children ?? []).map((c) => (c.type === 'string' ? (c.value as string) : undefined));
}

/** Replaces the array item `item` by the strings `values`, one per line when the item stands on its own line. */
export function replaceItemEdit(text: string, item: Node, values: string[]): TextEdit {
  const lineStart = text.lastIndexOf('\n', item.offset - 1) + 1;
  const before = text.slice(lineStart, item.offset);
  const separator = /^[ \t]*$/.test(before) ? `,${eolOf(text)}${indentOf(before)}` : ', ';
  return replace({ start: item.offset, end: item.offset + item.length }, values.map((v) => JSON.stringify(v)).join(separator));
}

/**
 * Removes one item of a JSON array: its whole line when it stands alone, else the item and a comma;
 * when it was the last item, the comma before it goes too (strict JSON readers refuse a trailing comma
 * that was not there before).
 */
export function removeItemEdits(text: string, array: Node, index: number): TextEdit[] {
  const open = array.offset;
  const close = array.offset + array.length - 1;
  const items = itemsBetween(text, open, close, JSONC);
  if (items.length !== (array.children ?? []).length || index >= items.length) return [];
  if (items.length === 1) return [replace({ start: open + 1, end: close }, '')];
  const span = removalSpan(text, items, index);
  const edits = [replace(span, '')];
  const last = index === items.length - 1;
  const trailingComma = /^\s*,/.test(text.slice(items[index].end, close));
  if (last && span.start > items[index - 1].end && !trailingComma) {
    // The comma after the previous item now ends the array: drop it.
    const comma = text.indexOf(',', items[index - 1].end);
    if (comma !== -1 && comma < span.start) edits.push(replace({ start: comma, end: comma + 1 }, ''));
  }
  return edits;
}
