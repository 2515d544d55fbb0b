// One model of an AWS policy document, whatever format it was written in: statements whose elements
// keep their source spans, so that a finding lands on the exact action, resource or principal.
import type { DataEntry, DataNode } from '../../structured';
import type { Span } from '../../types';
import { literalText } from '../cloud/literal';

/** One value of an element list (`"s3:*"` in `Action`); `value` is undefined when it is not a literal. */
export interface PolicyValue {
  value: string | undefined;
  span: Span;
  /** The whole item, quotes included (for fixes that rewrite it). */
  itemSpan?: Span;
}

/** An element such as `Action` or `NotResource`: its key and its values. */
export interface PolicyElement {
  keySpan: Span;
  values: PolicyValue[];
  /** The element's value: the list, or the single value. */
  valueSpan?: Span;
}

export interface Principals {
  keySpan: Span;
  /** `"Principal": "*"`, an `AWS` principal of `*`, CDK `new iam.AnyPrincipal()`. */
  anyone?: PolicyValue;
  aws: PolicyValue[];
  service: PolicyValue[];
  federated: PolicyValue[];
}

export interface PolicyStatement {
  span: Span;
  /** Undefined when the effect is not a literal (then the statement is judged as an Allow). */
  effect: 'Allow' | 'Deny' | undefined;
  action?: PolicyElement;
  notAction?: PolicyElement;
  resource?: PolicyElement;
  notResource?: PolicyElement;
  principal?: Principals;
  notPrincipal?: Principals;
  /** Condition keys, lower-cased, with their values. */
  conditions: Map<string, PolicyValue[]>;
  /** Each test of the Condition with its operator (`StringEquals`, `ForAnyValue:StringLike`). */
  conditionTests: ConditionTest[];
  /** The statement has a `Condition`, readable or not. */
  conditioned: boolean;
}

export interface ConditionTest {
  operator: string;
  /** Lower-cased, like the keys of `conditions`. */
  key: string;
  values: PolicyValue[];
}

export interface PolicyDocument {
  statements: PolicyStatement[];
  /** Where the document sits when that says what it is (`assume_role_policy`, `AssumeRolePolicyDocument`). */
  trust: boolean;
  span: Span;
  /** JSON text inside another format: a multi-line one (heredoc, block scalar) or a string literal. */
  embedded?: 'heredoc' | 'string';
}

/**
 * The names each element goes by: IAM JSON (`Action`), CDK props (`notActions`, Python `not_actions`),
 * and the lower-case statements of Pulumi's and CDKTF's `getPolicyDocument` (`actions`).
 */
const ALIASES = {
  effect: ['effect'],
  action: ['action', 'actions'],
  notAction: ['notaction', 'notactions', 'not_actions'],
  resource: ['resource', 'resources'],
  notResource: ['notresource', 'notresources', 'not_resources'],
  principal: ['principal', 'principals'],
  notPrincipal: ['notprincipal', 'notprincipals', 'not_principals'],
  condition: ['condition', 'conditions'],
} as const;

const IAM_ACTION = /^(?:\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+)$/;

/** A policy document in data (`{ Version, Statement }`), when the object is one. */
export function documentFromData(node: DataNode, trust = false): PolicyDocument | undefined {
  if (node.kind !== 'object') return undefined;
  const statement = node.entries.find((e) => e.key.toLowerCase() === 'statement')?.value;
  if (!statement) return undefined;
  return documentFromStatements(statement.kind === 'array' ? statement.items : [statement], node.span, trust);
}

/** A document from a list of statement objects (Serverless `iamRoleStatements`, Pulumi `statements`). */
export function documentFromStatements(items: DataNode[], span: Span, trust = false): PolicyDocument | undefined {
  const statements = items.flatMap((item) => statementFromData(item) ?? []);
  return statements.length ? { statements, trust, span } : undefined;
}

/**
 * A statement from an object in any of the shapes above. Under the lower-case names, the literal
 * actions must look like IAM actions, so that an unrelated `{ actions: [...] }` is not a statement.
 */
export function statementFromData(node: DataNode): PolicyStatement | undefined {
  if (node.kind !== 'object') return undefined;
  const find = (names: readonly string[]) => node.entries.find((e) => names.includes(e.key.toLowerCase()));
  const action = elementOf(find(ALIASES.action));
  const notAction = elementOf(find(ALIASES.notAction));
  const literal = [...(action?.values ?? []), ...(notAction?.values ?? [])].map((v) => v.value).filter((v): v is string => v !== undefined);
  if (!action && !notAction) return undefined;
  const iamShaped = node.entries.some((e) => e.key === 'Action' || e.key === 'NotAction');
  if (!iamShaped && literal.length > 0 && !literal.some((v) => IAM_ACTION.test(v))) return undefined;
  const condition = find(ALIASES.condition)?.value;
  const conditionTests = conditionTestsOf(condition);
  return {
    span: node.span,
    effect: effectOf(find(ALIASES.effect)?.value),
    action,
    notAction,
    resource: elementOf(find(ALIASES.resource)),
    notResource: elementOf(find(ALIASES.notResource)),
    principal: principalsOf(find(ALIASES.principal)),
    notPrincipal: principalsOf(find(ALIASES.notPrincipal)),
    conditions: conditionsByKey(conditionTests),
    conditionTests,
    conditioned: isPresent(condition),
  };
}

/** `Allow`/`Deny`, CDK `iam.Effect.DENY`; missing means Allow; anything else is unknown. */
export function effectOf(node: DataNode | undefined): 'Allow' | 'Deny' | undefined {
  if (!node) return 'Allow';
  const text = node.kind === 'expression' ? /\b(ALLOW|DENY)\s*$/.exec(node.raw)?.[1] : literalText(node);
  if (text === undefined) return undefined;
  if (/^deny$/i.test(text)) return 'Deny';
  if (/^allow$/i.test(text)) return 'Allow';
  return undefined;
}

export function elementOf(entry: DataEntry | undefined): PolicyElement | undefined {
  if (!entry) return undefined;
  return { keySpan: entry.keySpan, values: valuesOf(entry.value), valueSpan: entry.value.span };
}

/** The values of a string-or-list element; an unresolved value (a reference, `!Ref`) keeps its span. */
export function valuesOf(node: DataNode): PolicyValue[] {
  const items = node.kind === 'array' && !node.tag ? node.items : [node];
  return items.map((item) => ({ value: literalText(item), span: item.kind === 'scalar' ? item.valueSpan : item.span, itemSpan: item.span }));
}

export const ANY_PRINCIPAL = /\b(?:AnyPrincipal|StarPrincipal)\s*\(|\bArnPrincipal\s*\(\s*['"]\*['"]/;

/**
 * `"*"`, `{ AWS: [...], Service: ..., Federated: ... }`, CDK principal objects (`new iam.AnyPrincipal()`)
 * and Pulumi's `[{ type: "AWS", identifiers: ["*"] }]`.
 */
function principalsOf(entry: DataEntry | undefined): Principals | undefined {
  if (!entry) return undefined;
  const out: Principals = { keySpan: entry.keySpan, aws: [], service: [], federated: [] };
  const add = (kind: string, values: PolicyValue[]) => {
    if (kind === 'aws' || kind === '*') {
      out.aws.push(...values);
      out.anyone ??= values.find((v) => v.value === '*');
    } else if (kind === 'service') out.service.push(...values);
    else if (kind === 'federated') out.federated.push(...values);
  };
  const node = entry.value;
  if (node.kind === 'object') {
    for (const e of node.entries) add(e.key.toLowerCase(), valuesOf(e.value));
    return out;
  }
  for (const item of node.kind === 'array' ? node.items : [node]) {
    if (item.kind === 'object') {
      const type = item.entries.find((e) => e.key.toLowerCase() === 'type');
      const identifiers = item.entries.find((e) => e.key.toLowerCase() === 'identifiers');
      if (type && identifiers) add((literalText(type.value) ?? '').toLowerCase(), valuesOf(identifiers.value));
    } else if (item.kind === 'expression' && ANY_PRINCIPAL.test(item.raw)) {
      out.anyone ??= { value: '*', span: item.span };
    } else if (literalText(item) === '*') {
      out.anyone ??= { value: '*', span: item.kind === 'scalar' ? item.valueSpan : item.span };
    }
  }
  return out;
}

/** IAM's `{ Operator: { key: values } }`, and Pulumi's and Terraform's `[{ test, variable, values }]`. */
function conditionTestsOf(node: DataNode | undefined): ConditionTest[] {
  const out: ConditionTest[] = [];
  if (node?.kind === 'object') {
    for (const operator of node.entries) {
      if (operator.value.kind !== 'object') continue;
      for (const key of operator.value.entries) out.push({ operator: operator.key, key: key.key.toLowerCase(), values: valuesOf(key.value) });
    }
  } else if (node?.kind === 'array') {
    for (const item of node.items) {
      if (item.kind !== 'object') continue;
      const field = (name: string) => item.entries.find((e) => e.key.toLowerCase() === name);
      const variable = field('variable');
      const values = field('values');
      const key = variable && literalText(variable.value);
      const test = field('test');
      if (key && values) out.push({ operator: (test && literalText(test.value)) ?? '', key: key.toLowerCase(), values: valuesOf(values.value) });
    }
  }
  return out;
}

function conditionsByKey(tests: ConditionTest[]): Map<string, PolicyValue[]> {
  const out = new Map<string, PolicyValue[]>();
  for (const t of tests) out.set(t.key, [...(out.get(t.key) ?? []), ...t.values]);
  return out;
}

export function isPresent(node: DataNode | undefined): boolean {
  if (!node) return false;
  if (node.kind === 'scalar') return node.value !== null && node.value !== '';
  if (node.kind === 'object') return node.entries.length > 0;
  if (node.kind === 'array') return node.items.length > 0;
  return true;
}
