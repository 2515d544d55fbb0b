// Notes which IAM users are administrators and what they are called, from Terraform files and state,
// so that `correlate` can tie an access key to the reach of its user. Reports nothing itself: the
// admin grants are judged by the AWS rules (src/core/iam/aws), whose `adminPrincipals` this reuses.
import type { Detector, ScanContext } from '../detector';
import { adminManagedPolicy, adminPrincipals } from '../iam/aws/adminPrincipals';
import { dataFromJson, get, hclFile, stringValue, type DataNode } from '../structured';
import type { RawFinding } from '../types';
import { FACT } from './facts';

const TERRAFORM_KEYWORDS = ['aws_iam_user', 'aws_iam_policy_attachment', 'aws_iam_group_membership'];
const STATE_FILE = /\.tfstate(?:\.backup)?$/i;

export const awsCorrelationFacts: Detector = {
  id: 'correlate-aws-facts',
  rules: [],
  wantsTree: (ctx) => wants(ctx),
  detect(ctx: ScanContext): RawFinding[] {
    if (!ctx.tree || !ctx.note || !wants(ctx)) return [];
    if (ctx.language === 'hcl') terraformFacts(ctx, ctx.note);
    else for (const doc of dataFromJson(ctx.tree.rootNode)) stateFacts(doc, ctx.note);
    return [];
  },
};

function wants(ctx: ScanContext): boolean {
  if (ctx.language === 'hcl') return TERRAFORM_KEYWORDS.some((k) => ctx.lower.includes(k));
  return ctx.language === 'json' && STATE_FILE.test(ctx.path) && ctx.lower.includes('aws_iam_');
}

type Note = NonNullable<ScanContext['note']>;

function terraformFacts(ctx: ScanContext, note: Note): void {
  const root = hclFile(ctx.tree!.rootNode);
  for (const block of root.blocks) {
    if (block.type !== 'resource' || block.labels[0] !== 'aws_iam_user') continue;
    const name = stringValue(get(block.attributes, 'name'));
    if (name) note(FACT.awsUserName, `aws_iam_user.${block.labels[1]}\t${name}`, block.span);
  }
  for (const p of adminPrincipals(root, ctx.text)) {
    if (p.kind !== 'user') continue;
    for (const key of [p.address, p.name && `name:${p.name}`]) if (key) note(FACT.awsAdminUser, `${key}\t${p.reason}`, p.span);
  }
}

/** A committed state file: the users its access keys belong to, and admin policies attached to users. */
function stateFacts(doc: DataNode, note: Note): void {
  const resources = get(doc, 'resources');
  for (const resource of resources?.kind === 'array' ? resources.items : []) {
    const type = stringValue(get(resource, 'type'));
    const instances = get(resource, 'instances');
    for (const instance of instances?.kind === 'array' ? instances.items : []) {
      const attributes = get(instance, 'attributes');
      const user = stringValue(get(attributes, 'user'));
      if (!user) continue;
      if (type === 'aws_iam_access_key') {
        for (const field of ['id', 'secret', 'ses_smtp_password_v4']) {
          const value = get(attributes, field);
          if (value?.kind === 'scalar' && value.value) note(FACT.awsAccessKeyUser, `name:${user}`, value.span);
        }
      } else if (type === 'aws_iam_user_policy_attachment') {
        const arn = get(attributes, 'policy_arn');
        const policy = adminManagedPolicy(stringValue(arn) ?? '');
        if (arn && policy) note(FACT.awsAdminUser, `name:${user}\t${policy.name} attached (Terraform state)`, arn.span);
      }
    }
  }
}
