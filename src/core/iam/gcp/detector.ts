// GCP grants in Terraform: IAM members, bindings and policies at organization, folder and project
// level (and `data "google_iam_policy"`), public members on any resource, and VMs or GKE nodes
// with the cloud-platform scope.
import type { Detector, ScanContext } from '../../detector';
import { hclFile, type DataNode, type HclBlock } from '../../structured';
import type { RawFinding, Remedy, Severity, Span } from '../../types';
import { CLOUD_REMEDY, type GcpRoleData, type GcpScopeData } from '../cloud/remedy';
import { addressOf, attribute, itemsOf, referenceAddress, terraformFile, textOf, type TerraformFile } from '../cloud/terraform';
import { evidentRole } from './evident';
import { BASIC_ROLES, PRIVILEGED_ROLES, atLevel, isServiceAdmin, publicSeverity, type Level } from './roles';
import { GCP_RULE, GCP_RULES } from './rules';

interface Binding {
  /** Undefined for resource-level bindings (a bucket, a service) and policies whose use is not in the file. */
  level?: Level;
  where: string;
  role: DataNode | undefined;
  members: DataNode[];
  /** A binding of `data "google_iam_policy"`, whatever it is set on. */
  policy?: boolean;
}

const LEVEL_RESOURCE = /^google_(project|folder|organization)_iam_(member|binding)$/;
const LEVEL_POLICY = /^google_(project|folder|organization)_iam_policy$/;
const ANY_MEMBERSHIP = /^google_\w+_iam_(?:member|binding)$/;
const ACL_RESOURCES = new Set(['google_storage_bucket_acl', 'google_storage_object_acl', 'google_storage_bucket_access_control', 'google_storage_object_access_control', 'google_storage_default_object_access_control', 'google_storage_default_object_acl']);
const PUBLIC = /^(allUsers|allAuthenticatedUsers)$/;
const CLOUD_PLATFORM = /^(?:https:\/\/www\.googleapis\.com\/auth\/)?cloud-platform$/;

export const gcpIamDetector: Detector = {
  id: 'iam/gcp',
  rules: GCP_RULES,
  wantsTree: mayHold,
  detect(ctx: ScanContext): RawFinding[] {
    if (!ctx.tree || !mayHold(ctx)) return [];
    const file = terraformFile(hclFile(ctx.tree.rootNode));
    const out: RawFinding[] = [];
    for (const binding of bindings(file)) judgeBinding(file, binding, out, ctx.text);
    for (const block of file.root.blocks) if (block.type === 'resource' && ACL_RESOURCES.has(block.labels[0])) publicAcl(file, block, out);
    cloudPlatformScopes(file, out);
    return out;
  },
};

function mayHold(ctx: ScanContext): boolean {
  return !ctx.generated && ctx.language === 'hcl' && ctx.lower.includes('google_') &&
    (ctx.lower.includes('_iam_') || ctx.lower.includes('cloud-platform') || ctx.lower.includes('allusers') || ctx.lower.includes('allauthenticatedusers'));
}

function bindings(file: TerraformFile): Binding[] {
  const out: Binding[] = [];
  const policyLevels = new Map<string, { level: Level; where: string }>();
  for (const block of file.root.blocks) {
    if (block.type !== 'resource') continue;
    const type = block.labels[0];
    const policy = LEVEL_POLICY.exec(type);
    const data = policy && referenceAddress(attribute(block, 'policy_data'));
    if (policy && data) policyLevels.set(data, { level: policy[1] as Level, where: addressOf(block) });
    if (!ANY_MEMBERSHIP.test(type)) continue;
    const level = LEVEL_RESOURCE.exec(type)?.[1] as Level | undefined;
    const members = [...itemsOf(file, attribute(block, 'member')), ...itemsOf(file, attribute(block, 'members'))];
    out.push({ level, where: addressOf(block), role: attribute(block, 'role'), members });
  }
  for (const block of file.root.blocks) {
    if (block.type !== 'data' || block.labels[0] !== 'google_iam_policy') continue;
    const use = policyLevels.get(addressOf(block));
    for (const b of block.blocks.filter((x) => x.type === 'binding')) {
      out.push({ level: use?.level, where: use ? `${addressOf(block)} (the policy of ${use.where})` : addressOf(block), role: attribute(b, 'role'), members: itemsOf(file, attribute(b, 'members')), policy: true });
    }
  }
  return out;
}

function judgeBinding(file: TerraformFile, binding: Binding, out: RawFinding[], text: string): void {
  const role = textOf(file, binding.role);
  const roleSpan = binding.role && valueSpan(binding.role);
  const scope = binding.level ? `the ${binding.level}` : binding.policy ? 'the resource this policy is set on' : undefined;
  const memberTexts = binding.members.map((m) => ({ node: m, text: textOf(file, m) }));

  for (const m of memberTexts) {
    if (!m.text || !PUBLIC.test(m.text)) continue;
    const who = m.text === 'allUsers' ? 'anyone on the internet' : 'anyone with a Google account';
    out.push(finding(GCP_RULE.publicMember, valueSpan(m.node), publicSeverity(role),
      `${binding.where} grants ${role ?? 'a role'} to ${m.text}: ${who} gets it${binding.level ? ` on the whole ${binding.level}` : ''}.`,
      [`member ${m.text}`, `role ${role ?? '?'}`]));
  }
  if (!role || !roleSpan || (!binding.level && !binding.policy)) return;

  const basic = BASIC_ROLES[role];
  if (basic) {
    const level = binding.level ?? 'project';
    // Interpolations (`${google_service_account.x.email}`) are not in the literal text: read the source.
    const suggested = role === 'roles/viewer' ? undefined : evidentRole(file, binding.members.map((m) => text.slice(m.span.start, m.span.end).replace(/^"|"$/g, '')));
    out.push(finding(GCP_RULE.basicRole, roleSpan, atLevel(basic.severity, level),
      `${binding.where} grants the basic role ${role} on ${scope}: ${basic.grants}${memberList(memberTexts)}.`,
      [`role ${role}`, `level ${binding.level ?? 'policy'}`], roleRemedy(binding.role, { role, ...(suggested ? { suggested } : {}) })));
    return;
  }
  const serviceAccounts = memberTexts.filter((m) => m.text?.startsWith('serviceAccount:'));
  if (!serviceAccounts.length) return;
  const privileged = PRIVILEGED_ROLES[role];
  const severity: Severity | undefined = privileged?.severity ?? (isServiceAdmin(role) ? 'medium' : undefined);
  if (!severity) return;
  const grants = privileged?.grants ?? `administer every ${role.slice(6, role.lastIndexOf('.'))} resource`;
  const accounts = serviceAccounts.map((m) => m.text!.slice('serviceAccount:'.length).replace(/^\$\{([\w.-]+)\.email\}$/, '$1')).join(', ');
  out.push(finding(GCP_RULE.privilegedServiceAccount, roleSpan, atLevel(severity, binding.level ?? 'project'),
    `${binding.where} grants ${role} on ${scope} to the service account ${accounts}: it can ${grants}.`,
    [`role ${role}`, `service account ${accounts}`], roleRemedy(binding.role, { role })));
}

function publicAcl(file: TerraformFile, block: HclBlock, out: RawFinding[]): void {
  for (const key of ['role_entity', 'entity']) {
    for (const item of itemsOf(file, attribute(block, key))) {
      const text = textOf(file, item);
      const entity = text && /(?:^|:)(allUsers|allAuthenticatedUsers)$/.exec(text);
      if (!entity) continue;
      const role = key === 'entity' ? textOf(file, attribute(block, 'role')) : text.split(':')[0];
      const writes = /OWNER|WRITER/i.test(role ?? '');
      out.push(finding(GCP_RULE.publicMember, valueSpan(item), writes ? 'critical' : 'high',
        `${addressOf(block)} gives ${role ?? 'access'} to ${entity[1]}: the ${block.labels[0].includes('object') ? 'objects are' : 'bucket is'} public.`,
        [`ACL entity ${entity[1]}`, `role ${role ?? '?'}`]));
    }
  }
}

/** `service_account { scopes }` on VMs and templates, `node_config { oauth_scopes }` on GKE. */
function cloudPlatformScopes(file: TerraformFile, out: RawFinding[]): void {
  for (const block of file.root.blocks) {
    if (block.type !== 'resource') continue;
    const type = block.labels[0];
    const holders: { scopes: DataNode | undefined; account: DataNode | undefined }[] = [];
    if (/^google_compute_(?:region_)?instance(?:_template)?$/.test(type)) {
      for (const sa of block.blocks.filter((b) => b.type === 'service_account')) holders.push({ scopes: attribute(sa, 'scopes'), account: attribute(sa, 'email') });
    } else if (type === 'google_container_cluster' || type === 'google_container_node_pool') {
      const configs = [...block.blocks.filter((b) => b.type === 'node_config'), ...block.blocks.flatMap((b) => (b.type === 'cluster_autoscaling' ? b.blocks.filter((x) => x.type === 'auto_provisioning_defaults') : []))];
      for (const c of configs) holders.push({ scopes: attribute(c, 'oauth_scopes'), account: attribute(c, 'service_account') });
    }
    for (const h of holders) {
      const scope = itemsOf(file, h.scopes).find((s) => CLOUD_PLATFORM.test(textOf(file, s) ?? ''));
      if (!scope) continue;
      const email = textOf(file, h.account);
      const defaultAccount = !h.account || (email !== undefined && /-compute@developer\.gserviceaccount\.com$/.test(email)) || email === 'default';
      out.push(finding(GCP_RULE.cloudPlatformScope, valueSpan(scope), defaultAccount ? 'high' : 'low',
        defaultAccount
          ? `${addressOf(block)} runs as the default compute service account with the cloud-platform scope: every process on it can use the account's Editor role on the whole project.`
          : `${addressOf(block)} has the cloud-platform scope (every Google Cloud API): what it can do is bounded only by the roles of its service account.`,
        ['scope cloud-platform', defaultAccount ? 'default compute service account' : 'dedicated service account'], scopeRemedy(scope, h.scopes)));
    }
  }
}

function memberList(members: { text: string | undefined }[]): string {
  const shown = members.map((m) => m.text).filter((t): t is string => !!t);
  return shown.length ? ` (to ${shown.slice(0, 3).join(', ')}${shown.length > 3 ? ', ...' : ''})` : '';
}

function valueSpan(node: DataNode) {
  return node.kind === 'scalar' ? node.valueSpan : node.span;
}

function finding(ruleId: string, span: Span, severity: Severity, message: string, evidence: string[], remedy?: Remedy): RawFinding {
  return { ruleId, span, severity, confidence: 'validated', message, evidence, ...(remedy ? { remedy } : {}) };
}

/** A role written as a string in the binding itself (not through a local or a variable). */
function roleRemedy(node: DataNode | undefined, data: GcpRoleData): Remedy | undefined {
  if (node?.kind !== 'scalar' || node.value !== data.role) return undefined;
  return { kind: CLOUD_REMEDY.gcpRole, spans: { role: { ...node.valueSpan } }, data: { ...data } };
}

function scopeRemedy(scope: DataNode, list: DataNode | undefined): Remedy | undefined {
  if (scope.kind !== 'scalar' || typeof scope.value !== 'string') return undefined;
  const data: GcpScopeData = { scope: scope.value };
  const inList = list?.kind === 'array' && list.span.start <= scope.span.start && scope.span.end <= list.span.end;
  return { kind: CLOUD_REMEDY.gcpScope, spans: { scope: { ...scope.valueSpan }, ...(inList ? { list: { ...list.span } } : {}) }, data: { ...data } };
}
