// AWS grants wherever policies are written: IAM JSON, CloudFormation/SAM/Serverless (JSON, YAML),
// Terraform, and CDK or SDK code in JavaScript, TypeScript and Python. Every format becomes the
// same policy model, judged by judge.ts.
import type { Detector, ScanContext } from '../../detector';
import { KeywordSet } from '../../keywordIndex';
import { fileTraits } from '../../secrets/fileTraits';
import { dataFromJson, dataFromYaml, get, hclFile, stringValue, type DataNode } from '../../structured';
import type { RawFinding } from '../../types';
import { addressOf, terraformFile } from '../cloud/terraform';
import { policiesInCode } from './fromCode';
import { policiesInData } from './fromTemplate';
import { managedAttachments, policiesInTerraform } from './fromTerraform';
import { judgeDocument } from './judge';
import { attachmentFinding } from './attachments';
import { MANAGED_POLICY_KEYWORDS, managedPolicy, type AttachedPolicy } from './managed';
import type { PolicyDocument } from './policy';
import { AWS_REMEDY, type AwsRemedyData, type DefinedResource, type PolicySyntax } from './remedy';
import { AWS_RULES } from './rules';

const CODE = new Set(['javascript', 'typescript', 'tsx', 'python']);

export const awsIamDetector: Detector = {
  id: 'iam/aws',
  rules: AWS_RULES,
  wantsTree(ctx: ScanContext): boolean {
    return !ctx.generated && mayHold(ctx);
  },
  detect(ctx: ScanContext): RawFinding[] {
    if (ctx.language === 'bash' && !ctx.generated) return shellAttachments(ctx).flatMap((a) => attachmentFinding(a) ?? []);
    if (ctx.generated || !ctx.tree || !mayHold(ctx)) return [];
    const root = ctx.tree.rootNode;
    const documents: PolicyDocument[] = [];
    const attachments: AttachedPolicy[] = [];
    const defined: DefinedResource[] = [];
    if (ctx.language === 'json' || ctx.language === 'yaml') {
      for (const doc of ctx.language === 'json' ? dataFromJson(root) : dataFromYaml(root)) {
        const found = policiesInData(doc, ctx.text);
        documents.push(...found.documents);
        attachments.push(...found.attachments);
        if (found.documents.length) defined.push(...cloudFormationResources(doc));
      }
    } else if (ctx.language === 'hcl') {
      const file = terraformFile(hclFile(root));
      documents.push(...policiesInTerraform(file, ctx.text).map((p) => p.document));
      attachments.push(...managedAttachments(file).map((a) => ({ ...a, via: `${a.via} of ${addressOf(a.block)}` })));
      if (documents.length) {
        defined.push(...file.root.blocks.filter((b) => b.type === 'resource' && b.labels.length === 2 && b.labels[0].startsWith('aws_'))
          .slice(0, MAX_DEFINED).map((b) => ({ type: b.labels[0], name: `${b.labels[0]}.${b.labels[1]}` })));
      }
    } else if (CODE.has(ctx.language)) {
      const found = policiesInCode(ctx);
      documents.push(...found.documents);
      attachments.push(...found.attachments);
    }
    const syntax = SYNTAX[ctx.language];
    const judged = documents.flatMap(judgeDocument).map((f) => (syntax ? withSyntax(f, syntax, defined) : f));
    return [...judged, ...attachments.flatMap((a) => attachmentFinding(a) ?? [])];
  },
};

const SYNTAX: Record<string, PolicySyntax> = { json: 'json', yaml: 'yaml', hcl: 'hcl', python: 'python', javascript: 'javascript', typescript: 'javascript', tsx: 'javascript' };
const MAX_DEFINED = 200;

/** The remedy learns the file's syntax and the resources the same file defines. */
function withSyntax(f: RawFinding, syntax: PolicySyntax, defined: DefinedResource[]): RawFinding {
  if (f.remedy?.kind !== AWS_REMEDY) return f;
  const data = { ...f.remedy.data, syntax, ...(defined.length && f.remedy.data?.element === 'Resource' ? { defined } : {}) } as AwsRemedyData;
  return { ...f, remedy: { ...f.remedy, data: data as unknown as Record<string, unknown> } };
}

/** CloudFormation (and Serverless `resources:`) resources of AWS types, by logical id. */
function cloudFormationResources(root: DataNode): DefinedResource[] {
  const resources = get(root, 'Resources') ?? get(root, 'resources', 'Resources');
  if (resources?.kind !== 'object') return [];
  return resources.entries.slice(0, MAX_DEFINED).flatMap((e) => {
    const type = stringValue(get(e.value, 'Type'));
    return type?.startsWith('AWS::') ? [{ type, name: e.key }] : [];
  });
}

function mayHold(ctx: ScanContext): boolean {
  const { text } = ctx;
  const admin = () => ADMIN_WORDS.any(ctx);
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
  const [statementClass, principalCall, effect] = CODE_WORDS.hits(ctx);
  const exact = (word: string, hits: number[] | undefined) => hits?.some((at) => text.startsWith(word, at)) ?? false;
  return exact('PolicyStatement', statementClass) || exact('Principal(', principalCall) || admin() || effectAt(text, effect);
}

/**
 * What policies say, cheaply found: compilers, bundles and message catalogues that merely mention
 * "statement" and "action" are not parsed for it.
 */
const POLICY_EFFECT = /[Ee]ffect["'`]?\s{0,4}[:=]\s{0,4}(?:[\w.]{0,40}\.)?["'`]?(?:Allow|Deny|ALLOW|DENY)\b/;
const POLICY_EFFECT_AT = new RegExp(POLICY_EFFECT.source, 'y');

/** `POLICY_EFFECT.test(text)`, tried only where the keyword pass found `ffect` (every match holds it one character in). */
function effectAt(text: string, hits: number[] | undefined): boolean {
  return hits?.some((at) => {
    POLICY_EFFECT_AT.lastIndex = at - 1;
    return at > 0 && POLICY_EFFECT_AT.test(text);
  }) ?? false;
}

/** The prefilter's words, looked up in the keyword pass every detector shares (see keywordIndex.ts) rather than a text scan each. */
const ADMIN_WORDS = new KeywordSet(MANAGED_POLICY_KEYWORDS);
const CODE_WORDS = new KeywordSet(['policystatement', 'principal(', 'ffect']);
const YAML_STATEMENTS = /\b(?:Statement|statements|iamRoleStatements|PolicyDocument|Policies|ManagedPolicyArns)\s*:/;
const HCL_STATEMENTS = /\bstatement"?\s*\{|\bStatement\b|\bpolicy_arn\b|\bmanaged_policy_arns\b/;

const SHELL_ATTACH = /\battach-(?:role|user|group)-policy\b|--attach-policy-arn\b/;
const SHELL_ARN = /arn:[\w-]*:iam::aws:policy\/[\w+=,.@/-]+/g;

/** `aws iam attach-role-policy --policy-arn arn:...:policy/AdministratorAccess` (or `AmazonS3FullAccess`), `eksctl ... --attach-policy-arn`. */
function shellAttachments(ctx: ScanContext): AttachedPolicy[] {
  if (!ADMIN_WORDS.any(ctx)) return [];
  const out: AttachedPolicy[] = [];
  // A command continued with `\` spans several lines: judge it whole.
  const commands = ctx.text.split(/(?<!\\)\n/);
  let offset = 0;
  for (const command of commands) {
    const verb = SHELL_ATTACH.exec(command);
    if (verb) {
      for (const m of command.matchAll(SHELL_ARN)) {
        const policy = managedPolicy(m[0]);
        if (policy) out.push({ policy, span: { start: offset + m.index!, end: offset + m.index! + m[0].length }, via: verb[0].replace(/^--/, '') });
      }
    }
    offset += command.length + 1;
  }
  return out;
}
