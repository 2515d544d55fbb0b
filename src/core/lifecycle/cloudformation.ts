// Credential lifetime in CloudFormation and SAM templates (YAML or JSON, also under Serverless
// `resources.Resources`): access keys, secrets without a rotation schedule, long role sessions.
import type { LifecycleLimits } from '../config';
import type { Detector, ScanContext } from '../detector';
import { KeywordSet } from '../keywordIndex';
import { dataFromJson, dataFromYaml, get, stringValue, type DataNode } from '../structured';
import type { RawFinding } from '../types';
import { formatSeconds } from './durations';
import { durationRemedy, LIFECYCLE_REMEDY, type TemplateResourceData } from './remedy';
import { LIFECYCLE_RULES } from './rules';

const KEYWORDS = ['aws::iam::accesskey', 'aws::secretsmanager::secret', 'maxsessionduration'];
/** Looked up in the keyword pass every detector shares (see keywordIndex.ts). */
const WORDS = new KeywordSet(['aws::', ...KEYWORDS]);

export function cloudFormationLifecycleDetector(limits: LifecycleLimits): Detector {
  return {
    id: 'lifecycle-cloudformation',
    rules: [LIFECYCLE_RULES.awsAccessKey, LIFECYCLE_RULES.awsSecretRotation, LIFECYCLE_RULES.sessionDuration],
    wantsTree: mentions,
    detect(ctx: ScanContext): RawFinding[] {
      if (!ctx.tree || !mentions(ctx)) return [];
      const docs = ctx.language === 'yaml' ? dataFromYaml(ctx.tree.rootNode) : ctx.language === 'json' ? dataFromJson(ctx.tree.rootNode) : [];
      const syntax = ctx.language === 'yaml' ? 'yaml' : 'json';
      return docs.flatMap((doc) => judgeTemplate(doc, limits, ctx.text, syntax));
    },
  };
}

function mentions(ctx: ScanContext): boolean {
  if (ctx.language !== 'yaml' && ctx.language !== 'json') return false;
  return (WORDS.has(ctx, 'aws::') || WORDS.has(ctx, 'maxsessionduration')) && KEYWORDS.some((k) => WORDS.has(ctx, k));
}

/** The logical id a `!Ref X`, `{ "Ref": "X" }` or `!GetAtt X.Arn` points at. */
function referencedId(node: DataNode | undefined): string | undefined {
  if (!node) return undefined;
  const direct = stringValue(node);
  if (direct !== undefined) return node.tag === '!Ref' || node.tag === '!GetAtt' ? direct.split('.')[0] : undefined;
  return stringValue(get(node, 'Ref')) ?? stringValue(get(node, 'Fn::GetAtt', 0));
}

function judgeTemplate(doc: DataNode, limits: LifecycleLimits, text: string, syntax: TemplateResourceData['syntax']): RawFinding[] {
  const resources = get(doc, 'Resources') ?? get(doc, 'resources', 'Resources');
  if (resources?.kind !== 'object') return [];
  const out: RawFinding[] = [];
  const rotated = new Set<string>();
  for (const r of resources.entries) {
    if (stringValue(get(r.value, 'Type')) !== 'AWS::SecretsManager::RotationSchedule') continue;
    const id = referencedId(get(r.value, 'Properties', 'SecretId'));
    if (id) rotated.add(id);
  }
  for (const { key: id, keySpan, value } of resources.entries) {
    const typeNode = get(value, 'Type');
    const type = stringValue(typeNode);
    if (!typeNode || !type) continue;
    if (type === 'AWS::IAM::AccessKey' && stringValue(get(value, 'Properties', 'Status')) !== 'Inactive') {
      const user = referencedId(get(value, 'Properties', 'UserName')) ?? stringValue(get(value, 'Properties', 'UserName'));
      out.push({
        ruleId: LIFECYCLE_RULES.awsAccessKey.id, span: typeNode.span, confidence: 'validated',
        message: `\`${id}\` (AWS::IAM::AccessKey) mints a long-lived access key${user ? ` for IAM user \`${user}\`` : ''}: it never expires, and its secret ends up in stack outputs or wherever the template sends it. Prefer a role; if a key is unavoidable, rotate it on a schedule.`,
        evidence: [`resource: ${id}`],
      });
    } else if (type === 'AWS::SecretsManager::Secret' && !rotated.has(id)) {
      out.push({
        ruleId: LIFECYCLE_RULES.awsSecretRotation.id, span: typeNode.span, confidence: 'validated',
        message: `Secret \`${id}\` has no \`AWS::SecretsManager::RotationSchedule\` in this template: its value lives until someone changes it by hand.`,
        evidence: [`resource: ${id}`, 'no rotation schedule'],
        remedy: { kind: LIFECYCLE_REMEDY.templateRotation, spans: { resource: { ...value.span }, key: { ...keySpan } }, data: { id, syntax } satisfies TemplateResourceData },
      });
    } else if (type === 'AWS::IAM::Role') {
      const duration = get(value, 'Properties', 'MaxSessionDuration');
      const seconds = duration?.kind === 'scalar' ? Number(duration.value) : NaN;
      const limit = limits.maxSessionHours * 3600;
      if (duration && seconds > limit) {
        out.push({
          ruleId: LIFECYCLE_RULES.sessionDuration.id, span: duration.span, confidence: 'validated',
          message: `Role \`${id}\` allows sessions of ${formatSeconds(seconds)} (\`MaxSessionDuration: ${seconds}\`) (the limit is ${formatSeconds(limit)}): stolen session credentials stay valid that long.`,
          evidence: [`MaxSessionDuration: ${seconds}`],
          ...(duration.kind === 'scalar' ? { remedy: durationRemedy(text, duration.valueSpan, 'seconds', limit, 'session duration') } : {}),
        });
      }
    }
  }
  return out;
}
