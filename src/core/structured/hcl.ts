import type { Node } from 'web-tree-sitter';
import type { Span } from '../types';
import type { DataEntry, DataNode, DataObject } from './data';
import { MAX_DEPTH, spanOf, tooDeep } from './nodes';

/** An HCL block (`resource "aws_iam_policy" "p" { ... }`): attributes as data, nested blocks apart. */
export interface HclBlock {
  type: string;
  labels: string[];
  span: Span;
  typeSpan: Span;
  attributes: DataObject;
  blocks: HclBlock[];
}

/** The top-level blocks and attributes of a tree-sitter-hcl/terraform `config_file`. */
export function hclFile(root: Node): HclBlock {
  const body = root.namedChildren.find((n) => n?.type === 'body');
  return convertBody(body ?? null, { type: '', labels: [], span: spanOf(root), typeSpan: { start: 0, end: 0 } }, 0);
}

function convertBody(body: Node | null, head: Omit<HclBlock, 'attributes' | 'blocks'>, depth: number): HclBlock {
  const entries: DataEntry[] = [];
  const blocks: HclBlock[] = [];
  for (const child of body?.namedChildren ?? []) {
    if (!child) continue;
    if (child.type === 'attribute') {
      const name = child.namedChildren.find((n) => n?.type === 'identifier');
      const value = child.namedChildren.find((n) => n?.type === 'expression');
      if (name && value) entries.push({ key: name.text, keySpan: spanOf(name), value: hclExpression(value, depth + 1) });
    } else if (child.type === 'block' && depth < MAX_DEPTH) {
      const parts = child.namedChildren.filter((n): n is Node => !!n);
      const type = parts[0];
      const labels = parts.slice(1).filter((n) => n.type === 'string_lit' || n.type === 'identifier').map((n) => (n.type === 'string_lit' ? templateText(n) : n.text));
      const inner = parts.find((n) => n.type === 'body') ?? null;
      blocks.push(convertBody(inner, { type: type?.text ?? '', labels, span: spanOf(child), typeSpan: type ? spanOf(type) : spanOf(child) }, depth + 1));
    }
  }
  return { ...head, attributes: { kind: 'object', span: body ? spanOf(body) : head.span, entries }, blocks };
}

function templateText(stringLit: Node): string {
  return stringLit.namedChildren.filter((n) => n?.type === 'template_literal').map((n) => n!.text).join('');
}

/** Converts an HCL expression; literals, tuples, objects and calls become data, anything else stays raw. */
export function hclExpression(node: Node, depth: number): DataNode {
  if (depth > MAX_DEPTH) return tooDeep(node);
  const named = node.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
  if (node.type === 'expression' && named.length === 1) return hclExpression(named[0], depth + 1);
  switch (node.type) {
    case 'literal_value':
    case 'collection_value':
      return named.length === 1 ? hclExpression(named[0], depth + 1) : raw(node);
    case 'string_lit': {
      const span = spanOf(node);
      return { kind: 'scalar', span, valueSpan: { start: span.start + 1, end: Math.max(span.start + 1, span.end - 1) }, value: templateText(node), quoted: true };
    }
    case 'numeric_lit':
      return { kind: 'scalar', span: spanOf(node), valueSpan: spanOf(node), value: Number(node.text), quoted: false };
    case 'bool_lit':
      return { kind: 'scalar', span: spanOf(node), valueSpan: spanOf(node), value: node.text === 'true', quoted: false };
    case 'null_lit':
      return { kind: 'scalar', span: spanOf(node), valueSpan: spanOf(node), value: null, quoted: false };
    case 'template_expr':
      return named.length === 1 ? hclExpression(named[0], depth + 1) : raw(node);
    case 'quoted_template': {
      const span = spanOf(node);
      return { kind: 'scalar', span, valueSpan: { start: span.start + 1, end: Math.max(span.start + 1, span.end - 1) }, value: node.text.slice(1, -1), quoted: true, interpolated: true };
    }
    case 'heredoc_template': {
      const literal = named.find((n) => n.type === 'template_literal');
      const body = literal ?? node;
      return { kind: 'scalar', span: spanOf(node), valueSpan: spanOf(body), value: literal ? literal.text : '', quoted: false, interpolated: named.some((n) => n.type === 'template_interpolation') || undefined };
    }
    case 'tuple':
      return { kind: 'array', span: spanOf(node), items: named.filter((n) => n.type === 'expression').map((n) => hclExpression(n, depth + 1)) };
    case 'object':
      return {
        kind: 'object',
        span: spanOf(node),
        entries: named.filter((n) => n.type === 'object_elem').flatMap((elem) => {
          const key = elem.childForFieldName('key');
          const value = elem.childForFieldName('val');
          if (!key || !value) return [];
          const keyData = hclExpression(key, depth + 1);
          const keyText = keyData.kind === 'scalar' ? String(keyData.value) : keyData.kind === 'expression' ? keyData.raw : key.text;
          return [{ key: keyText, keySpan: spanOf(key), value: hclExpression(value, depth + 1) }];
        }),
      };
    case 'function_call': {
      const name = named.find((n) => n.type === 'identifier');
      const args = named.find((n) => n.type === 'function_arguments');
      return {
        kind: 'call',
        span: spanOf(node),
        name: name?.text ?? '',
        args: (args?.namedChildren ?? []).filter((n): n is Node => n?.type === 'expression').map((n) => hclExpression(n, depth + 1)),
      };
    }
    default:
      return raw(node);
  }
}

function raw(node: Node): DataNode {
  return { kind: 'expression', span: spanOf(node), raw: node.text };
}
