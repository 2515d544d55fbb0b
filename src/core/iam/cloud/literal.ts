// The text of a value when it is written out: a plain string, an HCL template, or a CloudFormation
// `Fn::Sub` / `Fn::Join` (JSON or the `!Sub` / `!Join` short form) whose unresolved parts stay as
// `${...}`. Anything else (a reference, `!Ref`, `!GetAtt`, a call) has no literal text.
import type { DataNode } from '../../structured';

const MAX_PARTS = 64;

export function literalText(node: DataNode, depth = 0): string | undefined {
  if (depth > 8) return undefined;
  if (node.tag && node.tag !== '!Sub' && node.tag !== '!Join' && node.tag !== '!!str') return undefined;
  if (node.kind === 'scalar') return node.value === null ? undefined : String(node.value);
  if (node.tag === '!Sub' && node.kind === 'array') return node.items[0] && literalText(node.items[0], depth + 1);
  if (node.tag === '!Join' && node.kind === 'array') return joined(node.items, depth);
  if (node.kind === 'object' && node.entries.length === 1) {
    const { key, value } = node.entries[0];
    if (key === 'Fn::Sub') return value.kind === 'array' ? value.items[0] && literalText(value.items[0], depth + 1) : literalText(value, depth + 1);
    if (key === 'Fn::Join' && value.kind === 'array') return joined(value.items, depth);
  }
  return undefined;
}

/** `Fn::Join` of `[separator, [parts]]`; parts without literal text become `${...}`. */
function joined(args: DataNode[], depth: number): string | undefined {
  const [separator, parts] = args;
  if (!separator || parts?.kind !== 'array' || parts.items.length > MAX_PARTS) return undefined;
  const sep = literalText(separator, depth + 1) ?? '';
  return parts.items.map((p) => literalText(p, depth + 1) ?? '${...}').join(sep);
}

/** True when the text still holds an unresolved part (`${var.x}`, `${AWS::Region}`, a Helm `{{ }}`). */
export function isTemplated(text: string): boolean {
  return text.includes('${') || text.includes('{{');
}
