import type { Node } from 'web-tree-sitter';
import type { Span } from '../types';
import type { DataExpression } from './data';

/** Deeper data is kept as raw text: no rule needs it, and recursion must stay bounded. */
export const MAX_DEPTH = 200;

export function spanOf(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
}

/** The text of a string literal without interpolation (`"/"`, `'~'`, `` `x` ``, `r"x"`), else undefined. */
export function stringContent(node: Node | null | undefined): string | undefined {
  if (!node || !/^(?:string|template_string)$/.test(node.type)) return undefined;
  if (node.namedChildren.some((c) => c && /interpolation|substitution/.test(c.type))) return undefined;
  return /^[a-zA-Z]*(['"`]{1,3})([\s\S]*)\1$/.exec(node.text)?.[2];
}

/** The nodes that start exactly at each offset (candidates a keyword scan found), in offset order. */
export function nodesStartingAt(root: Node, offsets: readonly number[]): Node[] {
  const out: Node[] = [];
  for (const offset of offsets) {
    const node = root.descendantForIndex(offset);
    if (node && node.startIndex === offset) out.push(node);
  }
  return out;
}

export function tooDeep(node: Node): DataExpression {
  return { kind: 'expression', span: spanOf(node), raw: '…' };
}
