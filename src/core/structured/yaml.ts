import type { Node } from 'web-tree-sitter';
import type { DataEntry, DataNode } from './data';
import { MAX_DEPTH, spanOf, tooDeep } from './nodes';

const CONTAINERS = new Set(['block_node', 'flow_node']);

/** Converts a tree-sitter-yaml `stream` into one data node per document (aliases resolved to their anchors). */
export function dataFromYaml(root: Node): DataNode[] {
  const docs: DataNode[] = [];
  const stream = root.type === 'stream' ? root : root.descendantsOfType('stream')[0] ?? root;
  for (const doc of stream.namedChildren) {
    if (!doc) continue;
    const body = doc.type === 'document' ? doc.namedChildren.find((n) => n && CONTAINERS.has(n.type)) : CONTAINERS.has(doc.type) ? doc : undefined;
    if (body) docs.push(new YamlConverter().convert(body, 0));
    else if (doc.type === 'ERROR' || doc.type === 'block_mapping_pair') {
      // A document the parser could not complete: keep the pairs it did read.
      const pairs = doc.type === 'block_mapping_pair' ? [doc] : doc.namedChildren.filter((n): n is Node => n?.type === 'block_mapping_pair');
      if (pairs.length) docs.push({ kind: 'object', span: spanOf(doc), entries: new YamlConverter().pairs(pairs, 0) });
    }
  }
  return docs;
}

class YamlConverter {
  private readonly anchors = new Map<string, DataNode>();

  convert(node: Node, depth: number): DataNode {
    if (depth > MAX_DEPTH) return tooDeep(node);
    if (CONTAINERS.has(node.type)) {
      let tag: string | undefined;
      let anchor: string | undefined;
      let content: Node | undefined;
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type === 'tag') tag = child.text;
        else if (child.type === 'anchor') anchor = child.text.slice(1);
        else if (child.type !== 'comment') content = child;
      }
      const value: DataNode = content
        ? this.convert(content, depth + 1)
        : { kind: 'scalar', span: spanOf(node), valueSpan: spanOf(node), value: null, quoted: false };
      if (tag) value.tag = tag;
      if (anchor) this.anchors.set(anchor, value);
      return value;
    }
    switch (node.type) {
      case 'block_mapping':
      case 'flow_mapping':
        return { kind: 'object', span: spanOf(node), entries: this.pairs(node.namedChildren.filter((n): n is Node => !!n), depth) };
      case 'block_sequence':
        return {
          kind: 'array',
          span: spanOf(node),
          items: node.namedChildren.flatMap((item) => {
            const inner = item?.namedChildren.find((n) => n && n.type !== 'comment');
            return inner ? [this.convert(inner, depth + 1)] : [];
          }),
        };
      case 'flow_sequence':
        return { kind: 'array', span: spanOf(node), items: node.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment').map((n) => this.convert(n, depth + 1)) };
      case 'flow_pair':
        return { kind: 'object', span: spanOf(node), entries: this.pairs([node], depth) };
      case 'alias':
        return this.anchors.get(node.text.slice(1)) ?? { kind: 'expression', span: spanOf(node), raw: node.text };
      case 'plain_scalar':
        return plainScalar(node);
      case 'double_quote_scalar':
      case 'single_quote_scalar':
        return quotedScalar(node);
      case 'block_scalar':
        return blockScalar(node);
      default:
        return { kind: 'expression', span: spanOf(node), raw: node.text };
    }
  }

  pairs(nodes: Node[], depth: number): DataEntry[] {
    const out: DataEntry[] = [];
    for (const pair of nodes) {
      if (pair.type !== 'block_mapping_pair' && pair.type !== 'flow_pair') continue;
      const key = pair.childForFieldName('key');
      const value = pair.childForFieldName('value');
      if (!key) continue;
      const keyNode = this.convert(key, depth + 1);
      out.push({
        key: keyNode.kind === 'scalar' ? String(keyNode.value) : key.text,
        keySpan: spanOf(key),
        value: value ? this.convert(value, depth + 1) : { kind: 'scalar', span: { start: pair.endIndex, end: pair.endIndex }, valueSpan: { start: pair.endIndex, end: pair.endIndex }, value: null, quoted: false },
      });
    }
    return out;
  }
}

function plainScalar(node: Node): DataNode {
  const span = spanOf(node);
  const inner = node.namedChildren[0];
  const text = node.text;
  let value: string | number | boolean | null = text;
  switch (inner?.type) {
    case 'integer_scalar':
    case 'float_scalar':
      value = Number.isFinite(Number(text)) ? Number(text) : text;
      break;
    case 'boolean_scalar':
      value = /^(?:true|yes|on)$/i.test(text);
      break;
    case 'null_scalar':
      value = null;
      break;
  }
  return { kind: 'scalar', span, valueSpan: span, value, quoted: false, interpolated: text.includes('{{') || undefined };
}

function quotedScalar(node: Node): DataNode {
  const span = spanOf(node);
  const raw = node.text;
  const body = raw.slice(1, -1);
  let value = body;
  if (node.type === 'single_quote_scalar') value = body.replace(/''/g, "'");
  else {
    try {
      value = JSON.parse(`"${body.replace(/\n\s*/g, ' ').replace(/\\([^"\\/bfnrtu])/g, '$1')}"`) as string;
    } catch {
      value = body;
    }
  }
  return { kind: 'scalar', span, valueSpan: { start: span.start + 1, end: Math.max(span.start + 1, span.end - 1) }, value, quoted: true, interpolated: value.includes('{{') || undefined };
}

/** `|` and `>` scalars: the header line dropped, the common indentation removed. */
function blockScalar(node: Node): DataNode {
  const span = spanOf(node);
  const raw = node.text;
  const firstBreak = raw.indexOf('\n');
  const contentStart = firstBreak === -1 ? raw.length : firstBreak + 1;
  const lines = raw.slice(contentStart).split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length), Infinity);
  const folded = raw.startsWith('>');
  const stripped = lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0));
  const value = folded ? stripped.join(' ').replace(/\s+$/, '') : stripped.join('\n');
  return { kind: 'scalar', span, valueSpan: { start: span.start + contentStart, end: span.end }, value, quoted: false };
}
