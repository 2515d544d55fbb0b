// AWS policies in JavaScript, TypeScript and Python: CDK `PolicyStatement`s (props object or keyword
// arguments), `PolicyStatement.fromJson`, policy objects passed to SDK calls (`json.dumps({...})`,
// `JSON.stringify({...})`, JSON strings), admin-level managed policies referenced by name or ARN,
// and roles any principal may assume (`assumedBy: new iam.AnyPrincipal()`). Each candidate is
// reached from a keyword in the text, so a file pays only for what it mentions.
import type { Node } from 'web-tree-sitter';
import type { ScanContext } from '../../detector';
import type { DataEntry, DataNode } from '../../structured';
import type { Span } from '../../types';
import { literalText } from '../cloud/literal';
import { dataFromCode } from './codeData';
import { documentsInText } from './embedded';
import { ADMIN_POLICY_KEYWORDS, adminManagedPolicy, type AttachedPolicy } from './managed';
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
  for (const offset of anchors(ctx.lower, ADMIN_POLICY_KEYWORDS)) {
    const start = root.descendantForIndex(offset);
    const literal = climbTo(start, STRINGS, 3);
    const member = literal ? undefined : climbTo(start, MEMBERS, 1);
    const found = literal ? literalAttachment(literal) : member ? enumAttachment(member) : undefined;
    if (found && once(literal ?? member!)) out.attachments.push(found);
  }
  return out;
}

/** An admin policy ARN passed to an attaching call or key, or a name given to `fromAwsManagedPolicyName`. */
function literalAttachment(literal: Node): AttachedPolicy | undefined {
  const data = dataFromCode(literal);
  const text = literalText(data);
  const policy = text ? adminManagedPolicy(text) : undefined;
  const via = policy && (text!.startsWith('arn:') ? attachingContext(literal) : byNameContext(literal));
  return policy && via ? { policy, span: data.kind === 'scalar' ? data.valueSpan : data.span, via } : undefined;
}

/** Pulumi's enum of AWS managed policies: `aws.iam.ManagedPolicy.AdministratorAccess` (Python `ADMINISTRATOR_ACCESS`). */
function enumAttachment(member: Node): AttachedPolicy | undefined {
  const m = /ManagedPolicy\.(\w+)$/.exec(member.text);
  const policy = m ? adminManagedPolicy(m[1].replace(/_/g, '')) : undefined;
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
      principal: { keySpan: span, anyone: star, aws: [star], service: [], federated: [] }, conditions: new Map(), conditioned: false,
    }],
  };
}

/** Where an admin policy ARN goes: a call argument or an attachment key (`PolicyArn=`, `managedPolicyArns:`). */
function attachingContext(literal: Node): string | undefined {
  for (let node = literal.parent, i = 0; node && i < 5 && !STOP.has(node.type); node = node.parent, i++) {
    const key = keyOf(node);
    if (key && ATTACH_KEY.test(key)) return key;
    if (node.type === 'arguments' || node.type === 'argument_list') {
      const callee = node.parent ? calleeText(node.parent) : undefined;
      return callee ? `${callee.split('.').pop()}(...)` : 'a call';
    }
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

function spanOf(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
}
