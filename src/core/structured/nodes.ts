import type { Node } from 'web-tree-sitter';
import type { Span } from '../types';
import type { DataExpression } from './data';

/** Deeper data is kept as raw text: no rule needs it, and recursion must stay bounded. */
export const MAX_DEPTH = 200;

export function spanOf(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
}

export function tooDeep(node: Node): DataExpression {
  return { kind: 'expression', span: spanOf(node), raw: '…' };
}
