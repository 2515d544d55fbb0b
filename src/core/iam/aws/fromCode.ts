// AWS policies in JavaScript, TypeScript and Python: CDK `PolicyStatement`s (props object or keyword
// arguments), `PolicyStatement.fromJson`, policy objects passed to SDK calls (`json.dumps({...})`,
// `JSON.stringify({...})`, JSON strings), admin-level and service-wide managed policies referenced
// by name or ARN (inline, or through a constant that flows into an attaching call), and roles any principal may assume (`assumedBy: new iam.AnyPrincipal()`). Each candidate is
// reached from a keyword in the text, so a file pays only for what it mentions.
import type { Node } from 'web-tree-sitter';
import type { ScanContext } from '../../detector';
import type { DataEntry, DataNode } from '../../structured';
import { spanOf } from '../../structured/nodes';
import type { Span } from '../../types';
import { literalText } from '../cloud/literal';
import { dataFromCode } from './codeData';
import { documentsInText } from './embedded';
import { MANAGED_POLICY_KEYWORDS, managedPolicy, type AttachedPolicy, type ManagedPolicy } from './managed';
import { ANY_PRINCIPAL, documentFromData, documentFromStatements, statementFromData, type PolicyDocument } from './policy';

const MAX_ANCHORS = 400;
const CLIMB = 8;
const CALLS = new Set(['new_expression', 'call_expression', 'call']);
const STRINGS = new Set(['string', 'template_string']);
const MEMBERS = new Set(['member_expression', 'attribute']);
const STOP = new Set(['lexical_declaration', 'variable_declaration', 'expression_statement', 'assignment', 'return_statement', 'program', 'module', 'class_body', 'block', 'statement_block']);
/** A string literal whose content is a JSON object (`'{"Version": ...}'`, a Python triple-quoted string). */
const JSON_STRING = /^[A-Za-z]{0,2}(?:"{3}|'{3}|["'`])\s*\{/;
/** CDK `PolicyStatement` (and its `fromJson`), Pulumi `GetPolicyDocumentStatementArgs` (Python). */
const STATEMENT_CALL = /(?:PolicyStatement(?:\.(?:fromJson|from_json))?|PolicyDocumentStatement(?:Args)?)$/;
const ATTACH_KEY = /policy_?arns?$|managed_?polic/i;
const AWS_MANAGED_BY_NAME = /(?:fromAwsManagedPolicyName|from_aws_managed_policy_name)$/;
/** Calls that take a policy ARN without attaching it (`detach_role_policy`, `GetPolicyCommand`, `list_entities_for_policy`). */
const NOT_ATTACHING = /^(?:detach|delete|remove|revoke|list|get|describe|simulate|untag|tag)/i;
/** The file attaches managed policies: boto3 / SDK v2 / v3 calls, CDK, Pulumi and CDKTF attachments. */
const ATTACHES = /\b(?:attach_?(?:role|user|group)_?policy|add_?managed_?policy)|PolicyAttachment\b|managed_?policy_?arns/i;
/** Containers a constant's literal may sit in (`POLICIES = ["arn:...", ...]`). */
const CONTAINERS = new Set(['list', 'tuple', 'array', 'dictionary', 'object', 'pair', 'set', 'expression_list']);
const MAX_USES = 50;
const MAX_OCCURRENCES = 500;

export interface CodePolicies {
  documents: PolicyDocument[];
  attachments: AttachedPolicy[];
}

export function policiesInCode(ctx: ScanContext): CodePolicies {
  const out: CodePolicies = { documents: [], attachments: [] };
  const root = ctx.tree?.rootNode;
  if (!root) return out;
  const seen = new Set<string>();
  const once = (node: Node) => {
    const id = `${node.startIndex}:${node.endIndex}:${node.type}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  };
  for (const offset of anchors(ctx.lower, ['statement'])) {
    for (let node: Node | null = root.descendantForIndex(offset), i = 0; node && i < CLIMB && !STOP.has(node.type); node = node.parent, i++) {
      const found = policyAt(ctx.text, node);
      if (found === undefined) continue;
      if (found && once(node)) out.documents.push(found);
      break;
    }
  }
  for (const offset of anchors(ctx.lower, ['anyprincipal', 'starprincipal', 'arnprincipal'])) {
    const call = climbTo(root.descendantForIndex(offset), CALLS, 3);
    if (call && once(call) && ANY_PRINCIPAL.test(call.text) && ['assumedBy', 'assumed_by'].includes(keyOf(call.parent) ?? '')) {
      out.documents.push(anyoneMayAssume(call));
    }
  }
  for (const offset of anchors(ctx.lower, MANAGED_POLICY_KEYWORDS)) {
    const start = root.descendantForIndex(offset);
    const literal = climbTo(start, STRINGS, 3);
    const member = literal ? undefined : climbTo(start, MEMBERS, 1);
    const found = literal ? literalAttachment(literal, ctx.text) : member ? enumAttachment(member) : undefined;
    if (found && once(literal ?? member!)) out.attachments.push(found);
  }
  return out;
}

/**
 * A managed policy ARN passed to an attaching call or key, directly or through a constant of the same
 * file, or a name given to `fromAwsManagedPolicyName`. The finding sits on the literal.
 */
function literalAttachment(literal: Node, text: string): AttachedPolicy | undefined {
  const data = dataFromCode(literal);
  const value = literalText(data);
  const policy = value ? managedPolicy(value) : undefined;
  if (!policy) return undefined;
  const span = data.kind === 'scalar' ? data.valueSpan : data.span;
  if (!value!.startsWith('arn:')) {
    const via = byNameContext(literal);
    return via ? { policy, span, via } : undefined;
  }
  const via = attachingContext(literal);
  if (via !== undefined) return via ? { policy, span, via } : undefined;
  return constantAttachment(literal, text, policy, span);
}

/**
 * An ARN assigned to a name (`ADMIN_POLICY_ARN = "arn:..."`): attached when the name is used where an
 * ARN is attached; not when it only goes to calls that read or detach; likely attached (confidence
 * `context`) when it sits in a list or map, or is used no other way, in a file that attaches managed
 * policies. A constants file that attaches nothing grants nothing.
 */
function constantAttachment(literal: Node, text: string, policy: ManagedPolicy, span: Span): AttachedPolicy | undefined {
  const declared = declaredName(literal);
  if (!declared) return undefined;
  let readOrRemoved = false;
  if (declared.direct) {
    for (const use of usesOf(declared.name, declared.node, text)) {
      const via = attachingContext(use);
      if (via) return { policy, span, via: `${via} through ${declared.name}` };
      readOrRemoved ||= via === null;
    }
  }
  return !readOrRemoved && ATTACHES.test(text) ? { policy, span, via: declared.name, confidence: 'context' } : undefined;
}

/** The name a literal is assigned to, possibly inside a list or map (then not `direct`). */
function declaredName(literal: Node): { name: string; node: Node; direct: boolean } | undefined {
  let direct = true;
  for (let node: Node | null = literal, i = 0; node?.parent && i < 4; node = node.parent, i++) {
    const parent: Node = node.parent;
    const target = parent.type === 'assignment' && parent.childForFieldName('right')?.id === node.id ? parent.childForFieldName('left')
      : (parent.type === 'variable_declarator' || parent.type === 'public_field_definition' || parent.type === 'field_definition') &&
        parent.childForFieldName('value')?.id === node.id ? (parent.childForFieldName('name') ?? parent.childForFieldName('property')) : undefined;
    if (target) {
      const name = target.type === 'attribute' || target.type === 'member_expression' ? target.lastNamedChild : target;
      return name && /^[A-Za-z_$][\w$]*$/.test(name.text) ? { name: name.text, node: name, direct } : undefined;
    }
    if (!CONTAINERS.has(parent.type)) return undefined;
    direct = false;
  }
  return undefined;
}

/** Where a name is read in the file: the identifier, or the member expression it ends (`self.ADMIN_ARN`, `Policies.ADMIN`). */
function usesOf(name: string, declaration: Node, text: string): Node[] {
  const root = declaration.tree.rootNode;
  const uses: Node[] = [];
  for (let i = text.indexOf(name), seen = 0; i !== -1 && uses.length < MAX_USES && seen++ < MAX_OCCURRENCES; i = text.indexOf(name, i + name.length)) {
    if (/[\w$]/.test(text[i - 1] ?? '') || /[\w$]/.test(text[i + name.length] ?? '') || i === declaration.startIndex) continue;
    const node = root.descendantForIndex(i, i + name.length);
    if (!node || node.text !== name || !/identifier$/.test(node.type)) continue;
    const parent = node.parent;
    uses.push(parent && MEMBERS.has(parent.type) && parent.lastNamedChild?.id === node.id ? parent : node);
  }
  return uses;
}

/** Pulumi's enum of AWS managed policies: `aws.iam.ManagedPolicy.AdministratorAccess` (Python `ADMINISTRATOR_ACCESS`). */
function enumAttachment(member: Node): AttachedPolicy | undefined {
  const m = /ManagedPolicy\.(\w+)$/.exec(member.text);
  const policy = m ? managedPolicy(m[1].replace(/_/g, '')) : undefined;
  const via = policy && attachingContext(member);
  return policy && via ? { policy, span: spanOf(member), via } : undefined;
}

/** The policy a node is (undefined: keep climbing; null: it is the candidate, but no policy). */
function policyAt(text: string, node: Node): PolicyDocument | null | undefined {
  if (node.type === 'object' || node.type === 'dictionary') {
    const data = dataFromCode(node);
    if (data.kind !== 'object') return undefined;
    if (data.entries.some((e) => e.key === 'Statement')) return documentFromData(data, false) ?? null;
    // Pulumi `aws.iam.getPolicyDocument({ statements: [{ actions, resources }] })`.
    const statements = data.entries.find((e) => e.key === 'statements')?.value;
    if (statements?.kind !== 'array' || !statements.items.some((i) => i.kind === 'object')) return undefined;
    return documentFromStatements(statements.items, data.span) ?? null;
  }
  if (STRINGS.has(node.type)) {
    if (!JSON_STRING.test(node.text) || !node.text.includes('"Statement"')) return undefined;
    return documentsInText(text, dataFromCode(node), false)[0] ?? null;
  }
  if (CALLS.has(node.type)) {
    const callee = calleeText(node);
    if (!callee) return undefined;
    const props: DataNode = { kind: 'object', span: spanOf(node), entries: callProps(node) };
    if (STATEMENT_CALL.test(callee)) {
      const statement = statementFromData(props);
      return statement ? { statements: [statement], trust: false, span: spanOf(node) } : null;
    }
    // Pulumi (Python) `aws.iam.get_policy_document(statements=[{...}])`.
    const statements = props.entries.find((e) => e.key === 'statements')?.value;
    if (statements?.kind === 'array' && statements.items.some((i) => i.kind === 'object')) return documentFromStatements(statements.items, props.span) ?? null;
  }
  return undefined;
}

function calleeText(call: Node): string | undefined {
  const callee = call.childForFieldName(call.type === 'new_expression' ? 'constructor' : 'function');
  return callee?.text.replace(/\s+/g, '');
}

/**
 * The properties a call is given, as one object: CDK props (`new iam.PolicyStatement({ actions })`),
 * Python keyword arguments (`iam.PolicyStatement(actions=[...])`, `GetPolicyDocumentStatementArgs(...)`).
 */
function callProps(call: Node): DataEntry[] {
  const entries: DataEntry[] = [];
  for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!arg) continue;
    if (arg.type === 'object' || arg.type === 'dictionary') {
      const data = dataFromCode(arg);
      if (data.kind === 'object') entries.push(...data.entries);
    } else if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name');
      const value = arg.childForFieldName('value');
      if (name && value) entries.push({ key: name.text, keySpan: spanOf(name), value: dataFromCode(value) });
    }
  }
  return entries;
}

/** A CDK role whose `assumedBy` is any principal: the same as a trust policy with `Principal: "*"`. */
function anyoneMayAssume(principal: Node): PolicyDocument {
  const span = spanOf(principal);
  const star = { value: '*', span };
  return {
    trust: true,
    span,
    statements: [{
      span, effect: 'Allow', action: { keySpan: span, values: [{ value: 'sts:AssumeRole', span }] },
      principal: { keySpan: span, anyone: star, aws: [star], service: [], federated: [] }, conditions: new Map(), conditionTests: [], conditioned: false,
    }],
  };
}

/**
 * Where a policy ARN goes: an attachment key (`PolicyArn=`, `managedPolicyArns:`) or a call argument;
 * null when that call only reads or removes it (`detach_role_policy`, `get_policy`); undefined when neither.
 */
function attachingContext(value: Node): string | null | undefined {
  for (let node = value.parent, i = 0; node && i < 5 && !STOP.has(node.type); node = node.parent, i++) {
    const key = keyOf(node);
    const attachingKey = key !== undefined && ATTACH_KEY.test(key);
    if (!attachingKey && node.type !== 'arguments' && node.type !== 'argument_list') continue;
    const call = climbTo(node, CALLS, 3);
    const method = call && calleeText(call)?.split('.').pop();
    if (method && NOT_ATTACHING.test(method)) return null;
    if (attachingKey) return key;
    return method ? `${method}(...)` : 'a call';
  }
  return undefined;
}

/** A bare name counts only as the argument of `ManagedPolicy.fromAwsManagedPolicyName`. */
function byNameContext(literal: Node): string | undefined {
  const args = literal.parent;
  if (args?.type !== 'arguments' && args?.type !== 'argument_list') return undefined;
  const callee = args.parent ? calleeText(args.parent) : undefined;
  return callee && AWS_MANAGED_BY_NAME.test(callee) ? `${callee.split('.').pop()}(...)` : undefined;
}

function keyOf(node: Node | null): string | undefined {
  if (!node) return undefined;
  if (node.type === 'pair') {
    const key = node.childForFieldName('key');
    return key?.text.replace(/^['"`]|['"`]$/g, '');
  }
  if (node.type === 'keyword_argument') return node.childForFieldName('name')?.text;
  return undefined;
}

function climbTo(start: Node | null, types: Set<string>, limit: number): Node | undefined {
  for (let node = start, i = 0; node && i <= limit; node = node.parent, i++) if (types.has(node.type)) return node;
  return undefined;
}

function anchors(lower: string, words: string[]): number[] {
  const out: number[] = [];
  for (const word of words) {
    for (let i = lower.indexOf(word); i !== -1 && out.length < MAX_ANCHORS; i = lower.indexOf(word, i + word.length)) out.push(i);
  }
  return out.sort((a, b) => a - b);
}

