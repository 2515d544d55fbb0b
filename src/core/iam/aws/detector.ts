// AWS grants wherever policies are written: IAM JSON, CloudFormation/SAM/Serverless (JSON, YAML),
// Terraform, and CDK or SDK code in JavaScript, TypeScript and Python. Every format becomes the
// same policy model, judged by judge.ts.
import type { Detector, ScanContext } from '../../detector';
import { fileTraits } from '../../secrets/fileTraits';
import { dataFromJson, dataFromYaml, hclFile } from '../../structured';
import type { RawFinding } from '../../types';
import { addressOf, terraformFile } from '../cloud/terraform';
import { policiesInCode } from './fromCode';
import { policiesInData } from './fromTemplate';
import { managedAttachments, policiesInTerraform } from './fromTerraform';
import { judgeDocument } from './judge';
import { ADMIN_POLICY_KEYWORDS, adminManagedPolicy, type AttachedPolicy } from './managed';
import type { PolicyDocument } from './policy';
import { AWS_RULE, AWS_RULES } from './rules';

const CODE = new Set(['javascript', 'typescript', 'tsx', 'python']);

export const awsIamDetector: Detector = {
  id: 'iam/aws',
  rules: AWS_RULES,
  wantsTree(ctx: ScanContext): boolean {
    return !ctx.generated && mayHold(ctx);
  },
  detect(ctx: ScanContext): RawFinding[] {
    if (ctx.language === 'bash' && !ctx.generated) return shellAttachments(ctx).map(attachmentFinding);
    if (ctx.generated || !ctx.tree || !mayHold(ctx)) return [];
    const root = ctx.tree.rootNode;
    const documents: PolicyDocument[] = [];
    const attachments: AttachedPolicy[] = [];
    if (ctx.language === 'json' || ctx.language === 'yaml') {
      for (const doc of ctx.language === 'json' ? dataFromJson(root) : dataFromYaml(root)) {
        const found = policiesInData(doc, ctx.text);
        documents.push(...found.documents);
        attachments.push(...found.attachments);
      }
    } else if (ctx.language === 'hcl') {
      const file = terraformFile(hclFile(root));
      documents.push(...policiesInTerraform(file, ctx.text).map((p) => p.document));
      attachments.push(...managedAttachments(file).map((a) => ({ ...a, via: `${a.via} of ${addressOf(a.block)}` })));
    } else if (CODE.has(ctx.language)) {
      const found = policiesInCode(ctx);
      documents.push(...found.documents);
      attachments.push(...found.attachments);
    }
    return [...documents.flatMap(judgeDocument), ...attachments.map(attachmentFinding)];
  },
};

function mayHold(ctx: ScanContext): boolean {
  const { text, lower } = ctx;
  const admin = () => ADMIN_POLICY_KEYWORDS.some((k) => lower.includes(k));
  switch (ctx.language) {
    case 'json':
      return (text.includes('"Statement"') && POLICY_EFFECT.test(text)) || admin();
    case 'yaml':
      return YAML_STATEMENTS.test(text) || admin();
    case 'hcl':
      return HCL_STATEMENTS.test(text) || admin();
  }
  // Policies in test code are inputs and assertions (CDK `hasResourceProperties`), not grants.
  if (!CODE.has(ctx.language) || fileTraits(ctx.path).test) return false;
  return text.includes('PolicyStatement') || text.includes('Principal(') || admin() ||
    ((text.includes('ffect') || text.includes('FFECT')) && POLICY_EFFECT.test(text));
}

/**
 * What policies say, cheaply found: compilers, bundles and message catalogues that merely mention
 * "statement" and "action" are not parsed for it.
 */
const POLICY_EFFECT = /[Ee]ffect["'`]?\s{0,4}[:=]\s{0,4}(?:[\w.]{0,40}\.)?["'`]?(?:Allow|Deny|ALLOW|DENY)\b/;
const YAML_STATEMENTS = /\b(?:Statement|statements|iamRoleStatements|PolicyDocument|Policies|ManagedPolicyArns)\s*:/;
const HCL_STATEMENTS = /\bstatement\s*\{|\bStatement\b|\bpolicy_arn\b|\bmanaged_policy_arns\b/;

const SHELL_ATTACH = /\battach-(?:role|user|group)-policy\b|--attach-policy-arn\b/;
const SHELL_ARN = /arn:[\w-]*:iam::aws:policy\/[\w+=,.@/-]+/g;

/** `aws iam attach-role-policy --policy-arn arn:...:policy/AdministratorAccess`, `eksctl ... --attach-policy-arn`. */
function shellAttachments(ctx: ScanContext): AttachedPolicy[] {
  if (!ADMIN_POLICY_KEYWORDS.some((k) => ctx.lower.includes(k))) return [];
  const out: AttachedPolicy[] = [];
  // A command continued with `\` spans several lines: judge it whole.
  const commands = ctx.text.split(/(?<!\\)\n/);
  let offset = 0;
  for (const command of commands) {
    const verb = SHELL_ATTACH.exec(command);
    if (verb) {
      for (const m of command.matchAll(SHELL_ARN)) {
        const policy = adminManagedPolicy(m[0]);
        if (policy) out.push({ policy, span: { start: offset + m.index!, end: offset + m.index! + m[0].length }, via: verb[0].replace(/^--/, '') });
      }
    }
    offset += command.length + 1;
  }
  return out;
}

function attachmentFinding(a: AttachedPolicy): RawFinding {
  return {
    ruleId: AWS_RULE.adminManagedPolicy,
    span: a.span,
    severity: a.policy.severity,
    confidence: 'validated',
    message: `The AWS managed policy ${a.policy.name} is attached (${a.via}): it grants ${a.policy.grants}.`,
    evidence: [`managed policy ${a.policy.name}`, `attached by ${a.via}`],
  };
}
