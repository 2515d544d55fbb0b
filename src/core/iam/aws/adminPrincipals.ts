// Which IAM users, roles and groups of a Terraform file hold administrator-level permissions, and
// where that is granted. For exposure x reach correlation: an access key minted for such a user
// (`aws_iam_access_key { user = aws_iam_user.deploy.name }`) reaches everything.
import type { HclBlock } from '../../structured';
import type { Span } from '../../types';
import { addressOf, attribute, itemsOf, referenceAddress, terraformFile, textOf, type TerraformFile } from '../cloud/terraform';
import { managedAttachments, policiesInTerraform } from './fromTerraform';
import { judgeDocument } from './judge';
import { adminManagedPolicy } from './managed';
import type { PolicyDocument } from './policy';

export interface AdminPrincipal {
  kind: 'user' | 'role' | 'group';
  /** Terraform address of the principal's resource (`aws_iam_user.deploy`), when the file declares or references it. */
  address?: string;
  /** The principal's IAM name, when written literally (in the grant or in its resource's `name`). */
  name?: string;
  /** Where the admin-level grant is written (the policy ARN, the `*` action, the group membership). */
  span: Span;
  /** What makes it admin-level, for messages: `AdministratorAccess attached`, `inline policy aws_iam_user_policy.x allows * on *`. */
  reason: string;
}

/** Attachment and inline-policy resources: which attribute names the principal, and its kind. */
const PRINCIPAL_ATTRIBUTES: Record<string, [string, AdminPrincipal['kind']][]> = {
  aws_iam_role_policy_attachment: [['role', 'role']],
  aws_iam_user_policy_attachment: [['user', 'user']],
  aws_iam_group_policy_attachment: [['group', 'group']],
  aws_iam_policy_attachment: [['users', 'user'], ['roles', 'role'], ['groups', 'group']],
  aws_iam_role_policy_attachments_exclusive: [['role_name', 'role']],
  aws_iam_user_policy_attachments_exclusive: [['user_name', 'user']],
  aws_iam_group_policy_attachments_exclusive: [['group_name', 'group']],
  aws_iam_role_policy: [['role', 'role']],
  aws_iam_user_policy: [['user', 'user']],
  aws_iam_group_policy: [['group', 'group']],
};

const PRINCIPAL_TYPES: Record<string, AdminPrincipal['kind']> = { aws_iam_user: 'user', aws_iam_role: 'role', aws_iam_group: 'group' };

/** Admin-level principals of a Terraform file (`hclFile(root)`), with the span of each grant in `text`. */
export function adminPrincipals(root: HclBlock, text: string): AdminPrincipal[] {
  const file = terraformFile(root);
  const out: AdminPrincipal[] = [];
  const documents = policiesInTerraform(file, text);
  const adminDocument = (doc: PolicyDocument) => judgeDocument(doc).find((f) => f.severity === 'critical' && !f.ruleId.includes('trust'));

  // Customer managed policies (and policy documents) that are admin-level, by address.
  const adminPolicies = new Map<string, { span: Span; reason: string }>();
  for (const { document, block } of documents) {
    const finding = adminDocument(document);
    if (finding && (block.labels[0] === 'aws_iam_policy' || block.labels[0] === 'aws_iam_policy_document')) {
      adminPolicies.set(addressOf(block), { span: finding.span, reason: `${addressOf(block)} is admin-level (${finding.ruleId})` });
    }
  }

  for (const block of file.root.blocks) {
    const viaDocument = block.labels[0] === 'aws_iam_policy' ? adminPolicies.get(referenceAddress(attribute(block, 'policy')) ?? '') : undefined;
    if (viaDocument) adminPolicies.set(addressOf(block), { span: viaDocument.span, reason: `${addressOf(block)} uses ${viaDocument.reason}` });
  }

  for (const attachment of managedAttachments(file)) {
    if (attachment.policy.kind !== 'admin') continue;
    const reason = `${attachment.policy.name} attached by ${addressOf(attachment.block)}`;
    out.push(...principalsOf(file, attachment.block, attachment.span, reason));
  }
  for (const block of file.root.blocks) {
    if (block.type !== 'resource') continue;
    // Attachments of admin-level customer managed policies.
    for (const key of ['policy_arn', 'policy_arns']) {
      for (const item of itemsOf(file, attribute(block, key))) {
        const policy = adminPolicies.get(referenceAddress(item) ?? '');
        if (policy) out.push(...principalsOf(file, block, item.span, `${policy.reason}, attached by ${addressOf(block)}`));
      }
    }
  }
  for (const { document, block } of documents) {
    if (block.type !== 'resource' || block.labels[0] === 'aws_iam_policy') continue;
    const finding = adminDocument(document);
    if (finding) out.push(...principalsOf(file, block, finding.span, `inline policy in ${addressOf(block)}: ${finding.message}`));
  }
  // Inline policies given as `policy = data.aws_iam_policy_document.x.json`.
  for (const block of file.root.blocks) {
    const policy = block.type === 'resource' ? adminPolicies.get(referenceAddress(attribute(block, 'policy')) ?? '') : undefined;
    if (policy && PRINCIPAL_ATTRIBUTES[block.labels[0]]) out.push(...principalsOf(file, block, policy.span, `${policy.reason}, used by ${addressOf(block)}`));
  }
  return [...out, ...groupMembers(file, out)];
}

/** The principals a grant block applies to: its `role`/`user`/`group` attributes, or the role itself. */
function principalsOf(file: TerraformFile, block: HclBlock, span: Span, reason: string): AdminPrincipal[] {
  const own = PRINCIPAL_TYPES[block.labels[0]];
  if (own) return [{ kind: own, address: addressOf(block), name: textOf(file, attribute(block, 'name')), span, reason }];
  return (PRINCIPAL_ATTRIBUTES[block.labels[0]] ?? []).flatMap(([key, kind]) => itemsOf(file, attribute(block, key)).map((item) => principal(file, kind, item, span, reason)));
}

function principal(file: TerraformFile, kind: AdminPrincipal['kind'], item: Parameters<typeof referenceAddress>[0], span: Span, reason: string): AdminPrincipal {
  const address = referenceAddress(item);
  if (address) {
    const block = file.root.blocks.find((b) => b.type === 'resource' && addressOf(b) === address);
    return { kind, address, name: block ? textOf(file, attribute(block, 'name')) : undefined, span, reason };
  }
  const name = textOf(file, item);
  const declared = file.root.blocks.find((b) => b.type === 'resource' && PRINCIPAL_TYPES[b.labels[0]] === kind && textOf(file, attribute(b, 'name')) === name);
  return { kind, address: declared && addressOf(declared), name, span, reason };
}

/** Users that are members of an admin-level group hold its permissions. */
function groupMembers(file: TerraformFile, principals: AdminPrincipal[]): AdminPrincipal[] {
  const groups = principals.filter((p) => p.kind === 'group');
  if (!groups.length) return [];
  const isAdminGroup = (node: Parameters<typeof referenceAddress>[0]) => {
    const address = referenceAddress(node);
    const name = textOf(file, node);
    return groups.find((g) => (address && g.address === address) || (name && g.name === name));
  };
  const out: AdminPrincipal[] = [];
  for (const block of file.root.blocks) {
    if (block.type !== 'resource') continue;
    if (block.labels[0] === 'aws_iam_user_group_membership') {
      const group = itemsOf(file, attribute(block, 'groups')).map(isAdminGroup).find(Boolean);
      if (group) out.push({ ...principal(file, 'user', attribute(block, 'user'), group.span, `member of admin-level group ${group.address ?? group.name} (${group.reason})`) });
    } else if (block.labels[0] === 'aws_iam_group_membership') {
      const group = isAdminGroup(attribute(block, 'group'));
      if (group) for (const user of itemsOf(file, attribute(block, 'users'))) out.push(principal(file, 'user', user, group.span, `member of admin-level group ${group.address ?? group.name} (${group.reason})`));
    }
  }
  return out;
}

/** For callers holding only an ARN or name: whether it is an admin-level AWS managed policy. */
export { adminManagedPolicy };
