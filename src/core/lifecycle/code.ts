// Credential lifetime in code that builds AWS resources: CDK (TypeScript / Python) roles with a long
// `maxSessionDuration`, `iam.AccessKey` constructs, `secretsmanager.Secret` without a rotation schedule;
// SDK calls that create or assume roles with long sessions (`create_role(MaxSessionDuration=43200)`,
// `new AssumeRoleCommand({ DurationSeconds })`).
import type { Node } from 'web-tree-sitter';
import type { LifecycleLimits } from '../config';
import type { Detector, ScanContext } from '../detector';
import { KeywordSet } from '../keywordIndex';
import { nodesStartingAt } from '../structured/nodes';
import type { RawFinding } from '../types';
import { formatSeconds } from './durations';
import { durationRemedy, type DurationStyle } from './remedy';
import { LIFECYCLE_RULES } from './rules';

const LANGUAGES = new Set(['javascript', 'typescript', 'tsx', 'python']);
const CANDIDATE = /\b(?:maxSessionDuration|max_session_duration|MaxSessionDuration|DurationSeconds|AccessKey|CfnAccessKey|Secret)\b/g;
const MAX_CANDIDATES = 300;
const ROLE_CONSTRUCT = /(?:^|\.)(?:Role|CfnRole)$/;
const ROLE_CALL = /(?:^|\.)(?:create_role|update_role|createRole|updateRole|CreateRoleCommand|UpdateRoleCommand)$/;
const ASSUME_CALL = /(?:^|\.)(?:assume_role\w*|assumeRole\w*|AssumeRole\w*Command)$/;
const CDK_DURATION = /^(?:[\w.]+\.)?Duration\.(days|hours|minutes|seconds)$/;
const CDK_UNITS: Record<string, number> = { days: 86400, hours: 3600, minutes: 60, seconds: 1 };

/** The prefilter's words, looked up in the keyword pass every detector shares (see keywordIndex.ts). */
const SESSION_WORDS = new KeywordSet(['maxsessionduration', 'max_session_duration', 'durationseconds']);
const CDK_WORDS = new KeywordSet(['aws-cdk', 'aws_cdk']);
const CDK_CONSTRUCT_WORDS = new KeywordSet(['accesskey', 'secretsmanager']);

export function codeLifecycleDetector(limits: LifecycleLimits): Detector {
  const wants = (ctx: ScanContext) => LANGUAGES.has(ctx.language) && !ctx.generated && (
    SESSION_WORDS.any(ctx) || (isCdk(ctx) && CDK_CONSTRUCT_WORDS.any(ctx)));
  return {
    id: 'lifecycle-code',
    rules: [LIFECYCLE_RULES.sessionDuration, LIFECYCLE_RULES.awsAccessKey, LIFECYCLE_RULES.awsSecretRotation],
    wantsTree: wants,
    treeFocus: (ctx) => candidates(ctx),
    detect(ctx: ScanContext): RawFinding[] {
      if (!ctx.tree || !wants(ctx)) return [];
      const out: RawFinding[] = [];
      for (const node of nodesStartingAt(ctx.tree.rootNode, candidates(ctx))) {
        if (!/identifier$/.test(node.type)) continue;
        const finding = judge(ctx, node, limits);
        if (finding) out.push(finding);
      }
      return out;
    },
  };
}

function isCdk(ctx: ScanContext): boolean {
  return CDK_WORDS.any(ctx);
}

function candidates(ctx: ScanContext): number[] {
  const out: number[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(ctx.text); m && out.length < MAX_CANDIDATES; m = CANDIDATE.exec(ctx.text)) out.push(m.index);
  return out;
}

function judge(ctx: ScanContext, name: Node, limits: LifecycleLimits): RawFinding | undefined {
  switch (name.text) {
    case 'maxSessionDuration':
    case 'max_session_duration':
      return session(ctx, name, limits, ROLE_CONSTRUCT, 'role');
    case 'MaxSessionDuration':
      return session(ctx, name, limits, ROLE_CALL, 'role');
    case 'DurationSeconds':
      return session(ctx, name, limits, ASSUME_CALL, 'assumed session');
    case 'AccessKey':
    case 'CfnAccessKey':
      return isCdk(ctx) ? accessKey(ctx, name) : undefined;
    case 'Secret':
      return isCdk(ctx) ? secret(ctx, name) : undefined;
    default:
      return undefined;
  }
}

/** The value of `name: value` (JS pair) or `name=value` (Python keyword), and the call it is an argument of. */
function argument(name: Node): { value: Node; call: Node } | undefined {
  const holder = name.parent;
  let value: Node | null = null;
  let list: Node | null | undefined;
  if (holder?.type === 'pair' && holder.childForFieldName('key')?.startIndex === name.startIndex) {
    value = holder.childForFieldName('value');
    list = holder.parent?.type === 'object' ? holder.parent.parent : undefined;
  } else if (holder?.type === 'keyword_argument' && holder.childForFieldName('name')?.startIndex === name.startIndex) {
    value = holder.childForFieldName('value');
    list = holder.parent;
  }
  const call = list && /^(?:arguments|argument_list)$/.test(list.type) ? list.parent : undefined;
  return value && call && /^(?:new_expression|call_expression|call)$/.test(call.type) ? { value, call } : undefined;
}

function callee(call: Node): string {
  return call.childForFieldName(call.type === 'new_expression' ? 'constructor' : 'function')?.text ?? '';
}

/** Seconds in a number literal, or in `Duration.hours(12)`; with how a fix rewrites it. */
function durationOf(value: Node): { seconds: number; span: { start: number; end: number }; style: DurationStyle } | undefined {
  if (value.type === 'number' || value.type === 'integer') {
    const n = Number(value.text.replace(/_/g, ''));
    return Number.isFinite(n) ? { seconds: n, span: { start: value.startIndex, end: value.endIndex }, style: 'seconds' } : undefined;
  }
  if (value.type !== 'call_expression' && value.type !== 'call') return undefined;
  const fn = value.childForFieldName('function');
  const unit = fn && CDK_DURATION.exec(fn.text)?.[1];
  const args = value.childForFieldName('arguments')?.namedChildren.filter((n): n is Node => !!n) ?? [];
  if (!fn || !unit || args.length !== 1 || !/^(?:number|integer)$/.test(args[0].type)) return undefined;
  // The fix rewrites `hours(12)`: the unit method and its argument.
  const method = fn.type === 'member_expression' ? fn.childForFieldName('property') : fn.childForFieldName('attribute');
  if (!method) return undefined;
  return { seconds: Number(args[0].text) * CDK_UNITS[unit], span: { start: method.startIndex, end: value.endIndex }, style: 'cdk-duration' };
}

function session(ctx: ScanContext, name: Node, limits: LifecycleLimits, calls: RegExp, what: string): RawFinding | undefined {
  const arg = argument(name);
  if (!arg || !calls.test(callee(arg.call))) return undefined;
  const duration = durationOf(arg.value);
  const limit = limits.maxSessionHours * 3600;
  if (!duration || duration.seconds <= limit) return undefined;
  return {
    ruleId: LIFECYCLE_RULES.sessionDuration.id, span: { start: arg.value.startIndex, end: arg.value.endIndex }, confidence: 'context',
    message: `\`${callee(arg.call)}\` ${what === 'role' ? 'allows role sessions' : 'asks for a session'} of ${formatSeconds(duration.seconds)} (\`${name.text}\`) (the limit is ${formatSeconds(limit)}): stolen session credentials stay valid that long.`,
    evidence: [`${name.text}: ${formatSeconds(duration.seconds)}`],
    remedy: durationRemedy(ctx.text, duration.span, duration.style, limit, 'session duration'),
  };
}

/**
 * `new iam.AccessKey(...)` / `iam.AccessKey(...)`: the construct expression, when `name` is its class
 * (qualified by the module's usual alias, or imported by name from the CDK module).
 */
function construct(ctx: ScanContext, name: Node, module: RegExp, cdkModule: string): Node | undefined {
  const member = name.parent;
  const qualified = member && (member.type === 'member_expression' || member.type === 'attribute') ? member : undefined;
  if (qualified && !module.test(qualified.childForFieldName('object')?.text ?? '')) return undefined;
  if (!qualified && !importedByName(ctx.text, name.text, cdkModule)) return undefined;
  const target = qualified ?? name;
  const call = target.parent;
  if (!call || !/^(?:new_expression|call)$/.test(call.type) || callee(call) !== target.text) return undefined;
  return call;
}

function accessKey(ctx: ScanContext, name: Node): RawFinding | undefined {
  const call = construct(ctx, name, /(?:^|\.)iam$|^aws_iam$/, 'iam');
  if (!call || /INACTIVE|['"]Inactive['"]/.test(call.text)) return undefined;
  return {
    ruleId: LIFECYCLE_RULES.awsAccessKey.id, span: { start: call.startIndex, end: call.endIndex }, confidence: 'validated',
    message: `\`${callee(call)}\` mints a long-lived IAM user access key: it never expires, and its secret ends up in the stack (outputs, a secret, the template). Prefer a role; if a key is unavoidable, rotate it on a schedule.`,
    evidence: ['CDK AccessKey construct'],
  };
}

function secret(ctx: ScanContext, name: Node): RawFinding | undefined {
  const call = construct(ctx, name, /(?:^|\.)(?:secretsmanager|aws_secretsmanager|sm)$/, 'secretsmanager');
  if (!call) return undefined;
  const bound = boundName(call);
  if (bound && rotated(ctx.text, bound)) return undefined;
  return {
    ruleId: LIFECYCLE_RULES.awsSecretRotation.id, span: { start: call.startIndex, end: call.endIndex }, confidence: 'context',
    message: `\`${callee(call)}\`${bound ? ` \`${bound}\`` : ''} has no rotation schedule (\`addRotationSchedule\`) in this file: its value lives until someone changes it by hand.`,
    evidence: ['CDK Secret construct', 'no rotation schedule'],
  };
}

/** `import { Secret } from 'aws-cdk-lib/aws-secretsmanager'` or `from aws_cdk.aws_secretsmanager import Secret`. */
function importedByName(text: string, name: string, cdkModule: string): boolean {
  const js = new RegExp(`import\\s*\\{[^}]{0,500}\\b${name}\\b[^}]{0,500}\\}\\s*from\\s*['"]aws-cdk-lib/aws-${cdkModule}['"]`);
  const py = new RegExp(`from\\s+aws_cdk\\.aws_${cdkModule}\\s+import\\s+[^\\n]{0,300}\\b${name}\\b`);
  return js.test(text) || py.test(text);
}

/** The variable or attribute a construct is assigned to (`const key = new ...`, `self.key = ...`). */
function boundName(call: Node): string | undefined {
  const parent = call.parent;
  if (parent?.type === 'variable_declarator') return parent.childForFieldName('name')?.text;
  if (parent?.type === 'assignment' || parent?.type === 'assignment_expression') return parent.childForFieldName('left')?.text;
  return undefined;
}

function rotated(text: string, bound: string): boolean {
  const name = bound.replace(/[^\w.]/g, '').replace(/\./g, '\\.');
  return new RegExp(`\\b${name}\\s*\\.\\s*(?:addRotationSchedule|add_rotation_schedule)\\s*\\(|\\bsecret\\s*[:=]\\s*${name}\\b`).test(text);
}
