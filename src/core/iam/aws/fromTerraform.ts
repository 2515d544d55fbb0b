// AWS policies in Terraform: `jsonencode({...})` and heredoc JSON in any attribute (`policy`,
// `assume_role_policy`, `inline_policy { policy }`, bucket and key policies, locals), the statements
// of `data "aws_iam_policy_document"`, and attachments of admin-level AWS managed policies.
import { walkData, type DataEntry, type DataNode, type HclBlock } from '../../structured';
import type { Span } from '../../types';
import { addressOf, attribute, itemsOf, referenceAddress, resolve, textOf, type TerraformFile } from '../cloud/terraform';
import { documentsInText } from './embedded';
import { managedPolicy, type AttachedPolicy, type ManagedPolicy } from './managed';
import { documentFromData, documentFromStatements, type PolicyDocument } from './policy';

export interface FoundPolicy {
  document: PolicyDocument;
  /** The block that holds it (`aws_iam_role_policy.deploy`). */
  block: HclBlock;
}

export interface ManagedAttachment extends AttachedPolicy {
  /** The resource that attaches it; `via` is its attribute (`policy_arn`, `managed_policy_arns`). */
  block: HclBlock;
}

const ATTACHMENT_KEYS = new Set(['policy_arn', 'managed_policy_arns', 'policy_arns', 'managed_policy_arn']);
const TRUST_KEYS = new Set(['assume_role_policy']);

/**
 * Policies that filter rather than grant: service control policies (`Allow *` is the default
 * FullAWSAccess) and VPC endpoint policies (`Principal: "*"` means callers inside the VPC).
 */
const FILTER_HOLDERS = new Set(['aws_organizations_policy', 'aws_vpc_endpoint', 'aws_vpc_endpoint_policy']);

export function policiesInTerraform(file: TerraformFile, text: string): FoundPolicy[] {
  const found: FoundPolicy[] = [];
  const holders = file.root.blocks.filter((b) => b.type === 'resource' && FILTER_HOLDERS.has(b.labels[0]));
  const filterDocuments = new Set(holders.flatMap((b) => ['policy', 'content'].map((k) => referenceAddress(attribute(b, k)) ?? '')));
  for (const block of file.root.blocks) {
    if (holders.includes(block) || filterDocuments.has(addressOf(block))) continue;
    if (block.type === 'data' && block.labels[0] === 'aws_iam_policy_document') {
      const document = documentFromPolicyDocumentBlock(block, file);
      if (document) found.push({ document, block });
      continue;
    }
    visitAttributes(block, (entry) => {
      walkData(entry.value, (node) => {
        const trust = TRUST_KEYS.has(entry.key);
        const document = node.kind === 'object' ? documentFromData(node, trust) : node.kind === 'scalar' ? documentsInText(text, node, trust)[0] : undefined;
        if (document) found.push({ document, block });
      });
    });
  }
  return found;
}

/** Admin-level and service-wide AWS managed policies attached by ARN, directly or through a local, a variable or `data "aws_iam_policy"`. */
export function managedAttachments(file: TerraformFile): ManagedAttachment[] {
  const managedData = new Map<string, ManagedPolicy>();
  for (const block of file.root.blocks) {
    if (block.type !== 'data' || block.labels[0] !== 'aws_iam_policy') continue;
    const policy = [attribute(block, 'arn'), attribute(block, 'name')].map((n) => textOf(file, n)).map((t) => t && managedPolicy(t)).find(Boolean);
    if (policy) managedData.set(`data.aws_iam_policy.${block.labels[1]}`, policy);
  }
  const out: ManagedAttachment[] = [];
  for (const block of file.root.blocks) {
    if (block.type !== 'resource') continue;
    visitAttributes(block, (entry) => {
      if (!ATTACHMENT_KEYS.has(entry.key)) return;
      for (const item of itemsOf(file, entry.value)) {
        const text = textOf(file, item);
        const address = referenceAddress(item);
        const policy = (text && managedPolicy(text)) || (address && managedData.get(address));
        const span = item.kind === 'scalar' ? item.valueSpan : item.span;
        if (policy) out.push({ policy, span: within(span, entry.value.span), block, via: entry.key });
      }
    });
  }
  return out;
}

/** A resolved local keeps its own span; the finding belongs on the attribute that uses it. */
function within(span: Span, attributeSpan: Span): Span {
  return span.start >= attributeSpan.start && span.end <= attributeSpan.end ? span : attributeSpan;
}

function visitAttributes(block: HclBlock, visit: (entry: DataEntry) => void): void {
  for (const entry of block.attributes.entries) visit(entry);
  for (const nested of block.blocks) visitAttributes(nested, visit);
}

/**
 * `data "aws_iam_policy_document"`: each `statement` block becomes a statement object, its
 * `principals` and `condition` blocks lists of objects, the shape `statementFromData` reads.
 * `dynamic "statement"` blocks give one statement per element of their `for_each` when it is a
 * list or map written in the file (inline, a local, a variable's default), with
 * `statement.value.actions` read from the element; otherwise their `content` is read as it is.
 */
function documentFromPolicyDocumentBlock(block: HclBlock, file: TerraformFile): PolicyDocument | undefined {
  const statements: DataNode[] = [];
  for (const b of block.blocks) {
    if (b.type === 'statement') statements.push(statementData(b));
    else if (b.type === 'dynamic' && b.labels[0] === 'statement') statements.push(...dynamicStatements(b, file));
  }
  return documentFromStatements(statements, block.span);
}

function statementData(s: HclBlock, substitute: (entry: DataEntry) => DataEntry = (e) => e): DataNode {
  const entries: DataEntry[] = s.attributes.entries.map(substitute);
  for (const type of ['principals', 'not_principals', 'condition']) {
    const nested = s.blocks.filter((b) => b.type === type);
    const items = nested.map((b): DataNode => ({ ...b.attributes, entries: b.attributes.entries.map(substitute) }));
    if (nested.length) entries.push({ key: type, keySpan: nested[0].typeSpan, value: { kind: 'array', span: nested[0].span, items } });
  }
  return { kind: 'object', span: s.span, entries };
}

const MAX_DYNAMIC = 50;

function dynamicStatements(dynamic: HclBlock, file: TerraformFile): DataNode[] {
  const content = dynamic.blocks.find((b) => b.type === 'content');
  if (!content) return [];
  const iterator = textOfExpression(attribute(dynamic, 'iterator')) ?? 'statement';
  const each = resolve(file, attribute(dynamic, 'for_each'));
  const elements = each?.kind === 'array' ? each.items : each?.kind === 'object' ? each.entries.map((e) => e.value) : [];
  const objects = elements.map((e) => resolve(file, e) ?? e).filter((e) => e.kind === 'object').slice(0, MAX_DYNAMIC);
  if (objects.length === 0 || objects.length !== elements.length) return [statementData(content)];
  const reference = new RegExp(`^${iterator}\\.value(?:\\.([A-Za-z_][\\w-]*)|\\[\\s*"([^"]+)"\\s*\\])$`);
  // A value taken from the element keeps the element's key span: a fix rewrites it where it is written.
  return objects.map((element) => statementData(content, (entry) => {
    const m = entry.value.kind === 'expression' ? reference.exec(entry.value.raw.trim()) : null;
    const key = m && (m[1] ?? m[2]);
    const found = key && element.kind === 'object' ? element.entries.find((e) => e.key === key) : undefined;
    return found ? { key: entry.key, keySpan: found.keySpan, value: resolve(file, found.value) ?? found.value } : entry;
  }));
}

/** A bare identifier written as an expression (`iterator = stmt`). */
function textOfExpression(node: DataNode | undefined): string | undefined {
  const raw = node?.kind === 'expression' ? node.raw.trim() : undefined;
  return raw && /^[A-Za-z_]\w*$/.test(raw) ? raw : undefined;
}
