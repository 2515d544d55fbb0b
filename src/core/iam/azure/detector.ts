// Azure grants: privileged built-in roles assigned at subscription or management group scope, and
// custom roles with wildcard permissions, in Terraform (`azurerm_role_assignment`,
// `azurerm_role_definition`) and ARM JSON (`Microsoft.Authorization/roleAssignments` and
// `/roleDefinitions`, and `az role definition` files). Bicep has no grammar here and is skipped.
import type { Detector, ScanContext } from '../../detector';
import { KeywordSet } from '../../keywordIndex';
import { dataFromJson, getIgnoreCase, hclFile, stringValue, walkData, type DataNode } from '../../structured';
import type { RawFinding, Span } from '../../types';
import { literalText } from '../cloud/literal';
import { addressOf, attribute, itemsOf, referenceAddress, terraformFile, textOf, type TerraformFile } from '../cloud/terraform';
import { bicepFindings, isBicep } from './bicep';
import { assignment, judgePermissions, type AssignmentRemedy } from './findings';
import { roleById, roleByName, scopeOfReference, scopeOfText, type BroadScope, type PrivilegedRole } from './roles';
import { AZURE_RULES } from './rules';

export const azureIamDetector: Detector = {
  id: 'iam/azure',
  rules: AZURE_RULES,
  wantsTree: mayHold,
  detect(ctx: ScanContext): RawFinding[] {
    if (isBicep(ctx)) return bicepFindings(ctx);
    if (!ctx.tree || !mayHold(ctx)) return [];
    const out: RawFinding[] = [];
    if (ctx.language === 'hcl') terraform(terraformFile(hclFile(ctx.tree.rootNode)), out);
    else for (const doc of dataFromJson(ctx.tree.rootNode)) arm(doc, out);
    return out;
  },
};

/** Looked up in the keyword pass every detector shares (see keywordIndex.ts). */
const WORDS = new KeywordSet(['azurerm_role_', 'microsoft.authorization/role', 'assignablescopes']);

function mayHold(ctx: ScanContext): boolean {
  if (ctx.generated) return false;
  if (ctx.language === 'hcl') return WORDS.has(ctx, 'azurerm_role_');
  if (ctx.language === 'json') return WORDS.has(ctx, 'microsoft.authorization/role') || WORDS.has(ctx, 'assignablescopes');
  return false;
}

function terraform(file: TerraformFile, out: RawFinding[]): void {
  for (const block of file.root.blocks) {
    if (block.type !== 'resource') continue;
    if (block.labels[0] === 'azurerm_role_assignment') {
      const roleNode = attribute(block, 'role_definition_name') ?? attribute(block, 'role_definition_id');
      const role = roleNode && terraformRole(file, roleNode);
      const scopeNode = attribute(block, 'scope');
      const scopeText = textOf(file, scopeNode);
      const address = referenceAddress(scopeNode);
      const scope = (scopeText !== undefined ? scopeOfText(scopeText) : undefined) ?? (address ? scopeOfReference(address) : undefined);
      if (role && scope && roleNode) out.push(assignment(role, scope, spanOf(roleNode), `${addressOf(block)} assigns`, address ?? scopeText ?? '', terraformRemedy(file, role, roleNode, scopeNode)));
    } else if (block.labels[0] === 'azurerm_role_definition') {
      for (const p of block.blocks.filter((b) => b.type === 'permissions')) {
        const list = (key: string) => itemsOf(file, attribute(p, key)).flatMap((n) => {
          const text = textOf(file, n);
          return text ? [{ text, span: spanOf(n) }] : [];
        });
        judgePermissions(list('actions'), list('not_actions').map((a) => a.text), list('data_actions'), `${addressOf(block)}`, out);
      }
    }
  }
}

/** A role written as a name or a definition id holding its GUID, in this block (not through a variable or data source). */
function terraformRemedy(file: TerraformFile, role: PrivilegedRole, roleNode: DataNode, scopeNode: DataNode | undefined): AssignmentRemedy | undefined {
  const written = roleSpan(roleNode, role);
  if (!written) return undefined;
  const resourceGroups = file.root.blocks.filter((b) => b.type === 'resource' && b.labels[0] === 'azurerm_resource_group' && b.labels[1]).map(addressOf);
  return { role: written.span, scope: scopeNode?.span, data: { syntax: 'terraform', role: role.name, written: written.kind, resourceGroups } };
}

/** Where a literal role names the role: its whole text (a name) or the GUID inside a definition id. */
function roleSpan(node: DataNode, role: PrivilegedRole): { span: Span; kind: 'name' | 'guid' } | undefined {
  if (node.kind !== 'scalar' || typeof node.value !== 'string') return undefined;
  if (roleByName(node.value)) return { span: node.valueSpan, kind: 'name' };
  const guid = guidSpan(node.value, node.valueSpan.start, role);
  return guid && { span: guid, kind: 'guid' };
}

function guidSpan(text: string, offset: number, role: PrivilegedRole): Span | undefined {
  const at = text.toLowerCase().indexOf(role.id);
  return at === -1 ? undefined : { start: offset + at, end: offset + at + role.id.length };
}

/** The built-in role a `role_definition_name` / `role_definition_id` names, through `data "azurerm_role_definition"`. */
function terraformRole(file: TerraformFile, node: DataNode): PrivilegedRole | undefined {
  const text = textOf(file, node);
  if (text) return roleByName(text) ?? roleById(text);
  const address = referenceAddress(node);
  const data = address && file.root.blocks.find((b) => addressOf(b) === address && b.labels[0] === 'azurerm_role_definition');
  if (!data) return undefined;
  const name = textOf(file, attribute(data, 'name'));
  const id = textOf(file, attribute(data, 'role_definition_id'));
  return (name && roleByName(name)) || (id && roleById(id)) || undefined;
}

const TEMPLATE_SCOPE: [RegExp, BroadScope][] = [
  [/subscriptionDeploymentTemplate/i, 'subscription'],
  [/(?:managementGroup|tenant)DeploymentTemplate/i, 'management group'],
];

/** ARM templates (role assignments and definitions, at the scope the template deploys to) and `az role definition` files. */
function arm(root: DataNode, out: RawFinding[]): void {
  const schema = stringValue(getIgnoreCase(root, '$schema')?.value) ?? '';
  const templateScope = TEMPLATE_SCOPE.find(([re]) => re.test(schema))?.[1];
  walkData(root, (node) => {
    if (node.kind !== 'object') return;
    const type = stringValue(getIgnoreCase(node, 'type')?.value)?.toLowerCase();
    const properties = getIgnoreCase(node, 'properties')?.value;
    if (type === 'microsoft.authorization/roleassignments') {
      const roleNode = getIgnoreCase(properties, 'roleDefinitionId')?.value;
      const roleText = roleNode && literalText(roleNode);
      const role = roleText ? roleById(roleText) : undefined;
      const scope = armScope(getIgnoreCase(node, 'scope')?.value, templateScope);
      const guid = role && roleNode?.kind === 'scalar' && typeof roleNode.value === 'string' && roleNode.value.length === roleNode.valueSpan.end - roleNode.valueSpan.start
        ? guidSpan(roleNode.value, roleNode.valueSpan.start, role) : undefined;
      const fix: AssignmentRemedy | undefined = guid && role ? { role: guid, data: { syntax: 'arm', role: role.name, written: 'guid' } } : undefined;
      if (role && scope && roleNode) out.push(assignment(role, scope, spanOf(roleNode), `The role assignment ${armName(node)} assigns`, '', fix));
    } else if (type === 'microsoft.authorization/roledefinitions') {
      const permissions = getIgnoreCase(properties, 'permissions')?.value;
      for (const p of permissions?.kind === 'array' ? permissions.items : []) armPermissions(p, `The custom role ${armName(node)}`, out);
    } else if (!type && getIgnoreCase(node, 'AssignableScopes') && getIgnoreCase(node, 'Actions')) {
      armPermissions(node, `The custom role ${stringValue(getIgnoreCase(node, 'Name')?.value) ?? ''}`.trim(), out);
    }
  });
}

function armPermissions(p: DataNode, where: string, out: RawFinding[]): void {
  const list = (key: string) => {
    const value = getIgnoreCase(p, key)?.value;
    return (value?.kind === 'array' ? value.items : []).flatMap((n) => (n.kind === 'scalar' && typeof n.value === 'string' ? [{ text: n.value, span: n.valueSpan }] : []));
  };
  judgePermissions(list('actions'), list('notActions').map((a) => a.text), list('dataActions'), where, out);
}

/** A resource's own `scope` property overrides the template's deployment scope. */
function armScope(scope: DataNode | undefined, templateScope: BroadScope | undefined): BroadScope | undefined {
  if (!scope) return templateScope;
  const text = literalText(scope) ?? '';
  if (/^\[\s*subscription\(\)\.id\s*\]$/i.test(text)) return 'subscription';
  if (/^\[\s*(?:tenant|managementGroup)\(\)\.id\s*\]$/i.test(text)) return 'management group';
  return scopeOfText(text);
}

function armName(node: DataNode): string {
  const name = literalText(getIgnoreCase(node, 'name')?.value ?? { kind: 'expression', span: node.span, raw: '' });
  return name && !name.startsWith('[') ? `"${name}"` : 'in this template';
}

function spanOf(node: DataNode): Span {
  return node.kind === 'scalar' ? node.valueSpan : node.span;
}
