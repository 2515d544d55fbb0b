import type { Node } from 'web-tree-sitter';
import type { DataNode } from './data';
import { MAX_DEPTH, spanOf, tooDeep } from './nodes';

function decodeJsonString(raw: string): string {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

/** Converts a tree-sitter-json `document` into data nodes (one per top-level value). */
export function dataFromJson(root: Node): DataNode[] {
  return root.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment').map((n) => convert(n, 0));
}

function convert(node: Node, depth: number): DataNode {
  if (depth > MAX_DEPTH) return tooDeep(node);
  switch (node.type) {
    case 'object':
      return {
        kind: 'object',
        span: spanOf(node),
        entries: node.namedChildren.flatMap((pair) => {
          if (pair?.type !== 'pair') return [];
          const key = pair.childForFieldName('key');
          const value = pair.childForFieldName('value');
          if (!key || !value) return [];
          return [{ key: key.type === 'string' ? decodeJsonString(key.text) : key.text, keySpan: spanOf(key), value: convert(value, depth + 1) }];
        }),
      };
    case 'array':
      return { kind: 'array', span: spanOf(node), items: node.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment').map((n) => convert(n, depth + 1)) };
    case 'string': {
      const span = spanOf(node);
      return { kind: 'scalar', span, valueSpan: { start: span.start + 1, end: Math.max(span.start + 1, span.end - 1) }, value: decodeJsonString(node.text), quoted: true };
    }
    case 'number':
      return { kind: 'scalar', span: spanOf(node), valueSpan: spanOf(node), value: Number(node.text), quoted: false };
    case 'true':
    case 'false':
      return { kind: 'scalar', span: spanOf(node), valueSpan: spanOf(node), value: node.type === 'true', quoted: false };
    case 'null':
      return { kind: 'scalar', span: spanOf(node), valueSpan: spanOf(node), value: null, quoted: false };
    default:
      return { kind: 'expression', span: spanOf(node), raw: node.text };
  }
}
