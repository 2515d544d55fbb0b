// Object and list literals in JavaScript, TypeScript and Python turned into data nodes, so that a
// policy built in code (`json.dumps({...})`, `JSON.stringify({...})`, CDK props) is judged like
// the same policy in JSON. Anything that is not a literal stays an expression with its source text.
import type { Node } from 'web-tree-sitter';
import type { DataEntry, DataNode } from '../../structured';

const MAX_DEPTH = 48;
const WRAPPERS = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression', 'type_assertion']);
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', v: '\v' };

export function dataFromCode(node: Node, depth = 0): DataNode {
  const span = { start: node.startIndex, end: node.endIndex };
  if (depth > MAX_DEPTH) return { kind: 'expression', span, raw: '…' };
  const named = node.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
  if (WRAPPERS.has(node.type) && named[0]) return dataFromCode(named[0], depth + 1);
  switch (node.type) {
    case 'object':
    case 'dictionary':
      return { kind: 'object', span, entries: named.flatMap((pair) => entryOf(pair, depth)) };
    case 'array':
    case 'list':
    case 'tuple':
      return { kind: 'array', span, items: named.filter((n) => n.type !== 'spread_element' && n.type !== 'list_splat').map((n) => dataFromCode(n, depth + 1)) };
    case 'string':
    case 'template_string':
      return stringData(node);
    case 'concatenated_string': {
      const parts = named.map((n) => stringData(n));
      const value = parts.map((p) => (p.kind === 'scalar' ? String(p.value) : '${...}')).join('');
      return { kind: 'scalar', span, valueSpan: span, value, quoted: true, interpolated: parts.some((p) => p.kind !== 'scalar' || p.interpolated) || undefined };
    }
    case 'number':
    case 'integer':
    case 'float':
      return { kind: 'scalar', span, valueSpan: span, value: Number(node.text), quoted: false };
    case 'true':
    case 'false':
      return { kind: 'scalar', span, valueSpan: span, value: node.type === 'true', quoted: false };
    case 'null':
    case 'none':
    case 'undefined':
      return { kind: 'scalar', span, valueSpan: span, value: null, quoted: false };
    default:
      return { kind: 'expression', span, raw: node.text };
  }
}

function entryOf(pair: Node, depth: number): DataEntry[] {
  if (pair.type !== 'pair') return [];
  const key = pair.childForFieldName('key');
  const value = pair.childForFieldName('value');
  if (!key || !value) return [];
  let name: string | undefined;
  if (key.type === 'property_identifier' || key.type === 'identifier' || key.type === 'number') name = key.text;
  else if (key.type === 'string') {
    const data = stringData(key);
    if (data.kind === 'scalar' && !data.interpolated) name = String(data.value);
  }
  return name === undefined ? [] : [{ key: name, keySpan: { start: key.startIndex, end: key.endIndex }, value: dataFromCode(value, depth + 1) }];
}

/** A string literal: its decoded value and the span of its content inside the quotes. */
function stringData(node: Node): DataNode {
  const span = { start: node.startIndex, end: node.endIndex };
  let value = '';
  let interpolated = false;
  let contentStart = -1;
  let contentEnd = -1;
  for (const child of node.children) {
    if (!child) continue;
    switch (child.type) {
      case 'string_fragment':
      case 'string_content':
        value += child.text;
        break;
      case 'escape_sequence':
        value += unescape(child.text);
        break;
      case 'template_substitution':
      case 'interpolation':
        value += '${...}';
        interpolated = true;
        break;
      case 'string_start':
      case 'string_end':
      case '"':
      case "'":
      case '`':
        continue;
      default:
        if (child.isNamed) {
          // Python keeps escape sequences inside string_content; anything else is kept as written.
          value += child.text;
        } else continue;
    }
    if (contentStart === -1) contentStart = child.startIndex;
    contentEnd = child.endIndex;
  }
  const quote = node.type === 'string' ? (node.children[0]?.text ?? '"') : '`';
  if (contentStart === -1) contentStart = contentEnd = span.start + quote.length;
  if (node.type === 'string' && /^[a-z]*r/i.test(quote)) value = node.text.slice(quote.length, node.text.length - quoteLength(node));
  return { kind: 'scalar', span, valueSpan: { start: contentStart, end: contentEnd }, value, quoted: true, interpolated: interpolated || undefined };
}

function quoteLength(node: Node): number {
  const last = node.children[node.children.length - 1];
  return last && (last.type === 'string_end' || last.type === '"' || last.type === "'") ? last.text.length : 0;
}

function unescape(sequence: string): string {
  const c = sequence[1];
  if (c === 'u' || c === 'x') {
    const hex = sequence.slice(2).replace(/[{}]/g, '');
    const code = parseInt(hex, 16);
    return Number.isFinite(code) ? String.fromCodePoint(code) : sequence;
  }
  if (c === '\n' || c === '\r') return '';
  return ESCAPES[c] ?? c;
}
