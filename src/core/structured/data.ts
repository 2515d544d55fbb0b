import type { Span } from '../types';

/**
 * A format-neutral view of structured data (JSON, YAML, HCL) that keeps source spans, so that
 * rules over configuration judge values and report (and fix) the exact element.
 */
export type DataNode = DataObject | DataArray | DataScalar | DataCall | DataExpression;

interface NodeBase {
  span: Span;
  /** YAML tag such as `!Sub` or `!Ref`, when present. */
  tag?: string;
}

export interface DataEntry {
  key: string;
  keySpan: Span;
  value: DataNode;
}

export interface DataObject extends NodeBase {
  kind: 'object';
  entries: DataEntry[];
}

export interface DataArray extends NodeBase {
  kind: 'array';
  items: DataNode[];
}

export interface DataScalar extends NodeBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** Span of the value's content, inside any quotes. */
  valueSpan: Span;
  quoted: boolean;
  /** True for HCL templates with `${...}` interpolation and YAML values holding template syntax. */
  interpolated?: boolean;
}

/** An HCL function call such as `jsonencode({...})`. */
export interface DataCall extends NodeBase {
  kind: 'call';
  name: string;
  args: DataNode[];
}

/** Any other expression (a reference such as `var.x`, a conditional, an alias): kept as source text. */
export interface DataExpression extends NodeBase {
  kind: 'expression';
  raw: string;
}

export function entry(node: DataNode | undefined, key: string): DataEntry | undefined {
  if (node?.kind !== 'object') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i].key === key) return node.entries[i];
  return undefined;
}

/** The value at a key path (`get(doc, 'spec', 'template')`); undefined when any step is missing. */
export function get(node: DataNode | undefined, ...path: (string | number)[]): DataNode | undefined {
  let current = node;
  for (const step of path) {
    if (!current) return undefined;
    if (typeof step === 'number') current = current.kind === 'array' ? current.items[step] : undefined;
    else current = entry(current, step)?.value;
  }
  return current;
}

/** Case-insensitive key lookup, for formats whose keys vary in case (IAM `Action` / `action`). */
export function getIgnoreCase(node: DataNode | undefined, key: string): DataEntry | undefined {
  if (node?.kind !== 'object') return undefined;
  const lower = key.toLowerCase();
  return node.entries.find((e) => e.key.toLowerCase() === lower);
}

export function stringValue(node: DataNode | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** A scalar or a list of scalars as strings (IAM's `"Action": "s3:*"` or `["s3:*", ...]`). */
export function stringList(node: DataNode | undefined): { value: string; node: DataScalar }[] {
  if (!node) return [];
  if (node.kind === 'scalar') return node.value === null ? [] : [{ value: String(node.value), node }];
  if (node.kind === 'array') return node.items.flatMap((item) => (item.kind === 'scalar' && item.value !== null ? [{ value: String(item.value), node: item }] : []));
  return [];
}

/** Visits every node depth-first (iteratively: deeply nested data must not overflow the stack). */
export function walkData(root: DataNode, visit: (node: DataNode, parentKey: string | undefined) => void): void {
  const stack: [DataNode, string | undefined][] = [[root, undefined]];
  while (stack.length) {
    const [node, key] = stack.pop()!;
    visit(node, key);
    if (node.kind === 'object') for (let i = node.entries.length - 1; i >= 0; i--) stack.push([node.entries[i].value, node.entries[i].key]);
    else if (node.kind === 'array') for (let i = node.items.length - 1; i >= 0; i--) stack.push([node.items[i], key]);
    else if (node.kind === 'call') for (let i = node.args.length - 1; i >= 0; i--) stack.push([node.args[i], key]);
  }
}
