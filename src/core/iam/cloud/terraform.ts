// Reading a Terraform file for IAM rules: its resource and data blocks, and the little resolution a
// single file allows (`local.x`, a variable's default, the address a reference points to).
import type { DataNode, HclBlock } from '../../structured';
import { literalText } from './literal';

export interface TerraformFile {
  root: HclBlock;
  locals: Map<string, DataNode>;
  variables: Map<string, DataNode>;
}

export function terraformFile(root: HclBlock): TerraformFile {
  const locals = new Map<string, DataNode>();
  const variables = new Map<string, DataNode>();
  for (const block of root.blocks) {
    if (block.type === 'locals') for (const e of block.attributes.entries) locals.set(e.key, e.value);
    else if (block.type === 'variable' && block.labels[0]) {
      const fallback = block.attributes.entries.find((e) => e.key === 'default');
      if (fallback) variables.set(block.labels[0], fallback.value);
    }
  }
  return { root, locals, variables };
}

/** `resource "<type>" "<name>"` blocks (or `data` blocks) of the given types. */
export function blocksOf(file: TerraformFile, kind: 'resource' | 'data', types: (type: string) => boolean): HclBlock[] {
  return file.root.blocks.filter((b) => b.type === kind && b.labels.length >= 2 && types(b.labels[0]));
}

export function attribute(block: HclBlock, name: string): DataNode | undefined {
  for (let i = block.attributes.entries.length - 1; i >= 0; i--) if (block.attributes.entries[i].key === name) return block.attributes.entries[i].value;
  return undefined;
}

/** A `local.x` or `var.x` reference replaced by what it is set to in this file, once. */
export function resolve(file: TerraformFile, node: DataNode | undefined): DataNode | undefined {
  if (node?.kind !== 'expression') return node;
  const m = /^(local|var)\.([A-Za-z_][\w-]*)$/.exec(node.raw.trim());
  if (!m) return node;
  return (m[1] === 'local' ? file.locals : file.variables).get(m[2]) ?? node;
}

/** The literal text of an attribute value, through locals and variable defaults. */
export function textOf(file: TerraformFile, node: DataNode | undefined): string | undefined {
  const value = resolve(file, node);
  return value && literalText(value);
}

/** The values of a list attribute (or a single value), each resolved. */
export function itemsOf(file: TerraformFile, node: DataNode | undefined): DataNode[] {
  const value = resolve(file, node);
  if (!value) return [];
  return value.kind === 'array' ? value.items.map((item) => resolve(file, item) ?? item) : [value];
}

const REFERENCE = /^(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)(?:\[[^\]]*\])?\.[A-Za-z_]\w*$/;

/**
 * The block a reference points to: `aws_iam_user.deploy.name` and `"${aws_iam_user.deploy.name}"` give
 * `aws_iam_user.deploy`; `data.azurerm_subscription.current.id` gives `data.azurerm_subscription.current`.
 */
export function referenceAddress(node: DataNode | undefined): string | undefined {
  if (!node) return undefined;
  let raw: string | undefined;
  if (node.kind === 'expression') raw = node.raw.trim();
  else if (node.kind === 'scalar' && typeof node.value === 'string') {
    const m = /^\$\{([^}]*)\}$/.exec(node.value.trim());
    raw = m?.[1].trim();
  }
  const m = raw && REFERENCE.exec(raw);
  return m ? `${m[1] ?? ''}${m[2]}.${m[3]}` : undefined;
}

/** `resource "aws_iam_user" "deploy"` is at `aws_iam_user.deploy`; a data block at `data.<type>.<name>`. */
export function addressOf(block: HclBlock): string {
  return `${block.type === 'data' ? 'data.' : ''}${block.labels[0]}.${block.labels[1]}`;
}
