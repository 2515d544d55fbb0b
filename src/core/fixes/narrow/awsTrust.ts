// Narrowing who may assume a role. `Principal: "*"` becomes the account's own root (any principal of
// this account that IAM lets assume it): CDK `AccountRootPrincipal`, CloudFormation
// `${AWS::AccountId}`, Terraform `data.aws_caller_identity` when the file declares one, else an
// `arn:aws:iam::<AccountId>:root` placeholder to fill in. GitHub Actions federation without a subject
// gets a `sub` condition for one repository (placeholder `repo:<owner>/<repo>:*`), plus `aud` =
// `sts.amazonaws.com` when missing; a `*`/`repo:*` subject is replaced by that pattern.
import type { AwsTrustRemedyData } from '../../iam/aws/trustRemedy';
import { AWS_TRUST_REMEDY } from '../../iam/aws/trustRemedy';
import { AWS_RULE } from '../../iam/aws/rules';
import type { Finding, Fix, Span, TextEdit } from '../../types';
import { closingBracket } from '../brackets';
import { eolOf, indentOf, insert, replace, type FixDocument } from '../draft';
import { SYNTAX } from '../literals';

type TrustSyntax = 'json' | 'yaml' | 'hcl' | 'javascript' | 'python';

interface Target {
  doc: FixDocument;
  data: AwsTrustRemedyData;
  spans: Record<string, Span>;
  statement: Span;
  syntax: TrustSyntax;
}

const GITHUB = 'token.actions.githubusercontent.com';
const SUBJECT_PLACEHOLDER = 'repo:<owner>/<repo>:*';
const EXACT_SUBJECT_PLACEHOLDER = 'repo:<owner>/<repo>:ref:refs/heads/<branch>';
const CDK_ANY = /^(new\s+)?((?:[\w$]+\.)*)(?:AnyPrincipal|StarPrincipal)\s*\(\s*\)$|^(new\s+)?((?:[\w$]+\.)*)ArnPrincipal\s*\(\s*(['"])\*\5\s*\)$/;

export function awsTrustFixes(finding: Finding, doc: FixDocument): Fix[] {
  const t = targetOf(finding, doc);
  if (!t) return [];
  if (finding.ruleId === AWS_RULE.trustAnyPrincipal) return anyPrincipalFixes(t);
  if (finding.ruleId === AWS_RULE.unscopedFederation) return federationFixes(t);
  return [];
}

function targetOf(finding: Finding, doc: FixDocument): Target | undefined {
  const remedy = finding.remedy;
  if (remedy?.kind !== AWS_TRUST_REMEDY || !remedy.spans) return undefined;
  const spans = remedy.spans;
  if (Object.values(spans).some((s) => s.start < 0 || s.end > doc.text.length || s.start > s.end)) return undefined;
  const { statementStart, statementEnd } = spans;
  if (!statementStart || !statementEnd || statementStart.start >= statementEnd.end) return undefined;
  const data = (remedy.data ?? {}) as AwsTrustRemedyData;
  const syntax = syntaxOf(doc, data.embedded);
  return syntax && { doc, data, spans, statement: { start: statementStart.start, end: statementEnd.end }, syntax };
}

function syntaxOf(doc: FixDocument, embedded: string | undefined): TrustSyntax | undefined {
  if (embedded) return 'json';
  const ext = /\.([a-z]+)$/i.exec(doc.path)?.[1]?.toLowerCase() ?? '';
  if (ext === 'json') return 'json';
  if (ext === 'yaml' || ext === 'yml' || ext === 'template') return /^\s*\{/.test(doc.text) ? 'json' : 'yaml';
  if (ext === 'tf' || ext === 'hcl') return 'hcl';
  if (/^(?:[cm]?[jt]sx?)$/.test(ext)) return 'javascript';
  if (ext === 'py') return 'python';
  return undefined;
}

function fixOf(t: Target, title: string, description: string, edits: TextEdit[]): Fix {
  return { title, preferred: false, edits: [{ path: t.doc.path, edits }], description };
}

// ---- Principal "*" ----

function anyPrincipalFixes(t: Target): Fix[] {
  const { principalKey } = t.spans;
  if (!t.spans.principal || !principalKey) return [];
  const text = t.doc.text;
  const principal = withQuotes(text, t.spans.principal);
  const raw = text.slice(principal.start, principal.end);
  const cdk = CDK_ANY.exec(raw.trim());
  if (cdk) {
    const written = `${cdk[1] ?? cdk[3] ?? ''}${cdk[2] ?? cdk[4] ?? ''}AccountRootPrincipal()`;
    return [fixOf(t, 'Trust this account only (AccountRootPrincipal)',
      'The role could be assumed by any AWS principal; AccountRootPrincipal limits it to principals of the stack\'s own account that IAM policies allow to assume it. ' +
      'Review: if another account must assume the role, name that account (new iam.AccountPrincipal(\'<AccountId>\')) instead.',
      [replace(principal, written)])];
  }
  const quote = /^(['"]?)\*\1$/.exec(raw)?.[1];
  if (quote === undefined) return [];
  const account = accountRoot(t);
  const whole = /^["'`]?\s*[:=]\s*$/.test(text.slice(principalKey.end, principal.start).replace(/^["'`]/, ''));
  let written: string;
  if (whole) written = mappingOf(t, account, quote);
  else if (inAwsPrincipalList(t, principal)) written = valueOf(t, account, quote);
  else return [];
  const placeholder = account.kind === 'placeholder';
  return [fixOf(t, placeholder ? 'Trust one account only (fill in the account id)' : 'Trust this account only',
    `The role could be assumed by any AWS principal in any account. It now trusts ${placeholder ? 'the account root arn:aws:iam::<AccountId>:root: replace <AccountId> with the 12-digit account meant to assume it (the policy is not valid until then)' : `this account's root (${account.how})`}, ` +
    'which lets that account\'s principals assume the role when their own IAM policies allow sts:AssumeRole on it. ' +
    'Review: if a partner account must assume the role, name that account and add a Condition on sts:ExternalId.',
    [replace(principal, written)])];
}

type Account = { kind: 'cloudformation' | 'terraform' | 'placeholder'; arn: string; how: string };

function accountRoot(t: Target): Account {
  const text = t.doc.text;
  if (t.syntax === 'hcl') {
    const caller = /\bdata\s+"aws_caller_identity"\s+"([\w-]+)"/.exec(text)?.[1];
    const partition = /\bdata\s+"aws_partition"\s+"([\w-]+)"/.exec(text)?.[1];
    if (caller) {
      return {
        kind: 'terraform',
        arn: `arn:${partition ? `\${data.aws_partition.${partition}.partition}` : 'aws'}:iam::\${data.aws_caller_identity.${caller}.account_id}:root`,
        how: `data.aws_caller_identity.${caller}.account_id`,
      };
    }
  } else if (!t.data.embedded && (t.syntax === 'yaml' || t.syntax === 'json') && isCloudFormation(text)) {
    return { kind: 'cloudformation', arn: 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root', how: 'CloudFormation ${AWS::AccountId}' };
  }
  return { kind: 'placeholder', arn: 'arn:aws:iam::<AccountId>:root', how: 'placeholder' };
}

function isCloudFormation(text: string): boolean {
  return text.includes('AWSTemplateFormatVersion') || text.includes('AWS::Serverless') || /\bType["']?\s*:\s*["']?AWS::IAM::Role\b/.test(text);
}

/** The account root as a value where the `*` stood. */
function valueOf(t: Target, account: Account, quote: string): string {
  if (account.kind === 'cloudformation') return t.syntax === 'yaml' ? `!Sub '${account.arn}'` : `{"Fn::Sub": "${account.arn}"}`;
  const q = quote || (t.syntax === 'yaml' ? "'" : '"');
  return `${q}${account.arn}${q}`;
}

/** `{ AWS: <account root> }` in place of the whole `"*"` principal. */
function mappingOf(t: Target, account: Account, quote: string): string {
  const value = valueOf(t, account, quote);
  if (t.syntax === 'yaml') return `{AWS: ${value}}`;
  const q = quote || '"';
  return t.syntax === 'hcl' ? `{ ${q}AWS${q} = ${value} }` : `{${q}AWS${q}: ${value}}`;
}

/** The `*` is a value of an `AWS` principal (IAM `AWS: [...]`, Terraform/Pulumi `type = "AWS"` + `identifiers`). */
function inAwsPrincipalList(t: Target, principal: Span): boolean {
  const before = t.doc.text.slice(t.statement.start, principal.start);
  if (/["']?AWS["']?\s*[:=]\s*(?:\[[^\]{}]*)?$/.test(before)) return true;
  if (t.syntax === 'yaml' && /\bAWS:[ \t]*\r?\n(?:[ \t]*-[^\n]*\n)*[ \t]*-[ \t]*$/.test(before)) return true;
  const block = /\bidentifiers["']?\s*[:=]\s*\[[^\]{}]*$/.test(before) ? enclosingBraces(t, principal) : undefined;
  return !!block && /\btype["']?\s*[:=]\s*["']AWS["']/.test(t.doc.text.slice(block.start, block.end));
}

function enclosingBraces(t: Target, at: Span): Span | undefined {
  const text = t.doc.text;
  const open = text.lastIndexOf('{', at.start);
  if (open < t.statement.start) return undefined;
  const close = closingBracket(text, open, SYNTAX.javascript);
  return close > at.end ? { start: open, end: close } : undefined;
}

// ---- GitHub federation ----

interface ConditionTest {
  operator: 'StringLike' | 'StringEquals';
  key: string;
  value: string;
}

function federationFixes(t: Target): Fix[] {
  const { wildcard } = t.spans;
  const text = t.doc.text;
  const review = 'Review: replace <owner>/<repo> with the repository whose workflows deploy with this role ' +
    '(narrower still: `repo:<owner>/<repo>:environment:<name>` or `:ref:refs/heads/main`); the role cannot be assumed until the placeholder is filled in.';
  if (wildcard) {
    const raw = text.slice(wildcard.start, wildcard.end);
    const quote = /^(['"]?)[^'"]*\1$/.exec(raw)?.[1];
    const before = text.slice(t.statement.start, wildcard.start);
    const claims = [...before.matchAll(/token\.actions\.githubusercontent\.com:(\w+)/g)];
    if (quote === undefined || claims[claims.length - 1]?.[1] !== 'sub') return [];
    const operator = lastOperator(before) ?? '';
    const value = /Like/.test(operator) ? SUBJECT_PLACEHOLDER : EXACT_SUBJECT_PLACEHOLDER;
    return [fixOf(t, 'Limit the subject to one repository (fill in)', `The subject "${raw.slice(quote.length, raw.length - quote.length)}" admitted any repository's workflows; it now names one: ${value}. ${review}`,
      [replace(wildcard, `${quote}${value}${quote}`)])];
  }
  const tests: ConditionTest[] = [{ operator: 'StringLike', key: `${GITHUB}:sub`, value: SUBJECT_PLACEHOLDER }];
  if (!t.data.audience) tests.push({ operator: 'StringEquals', key: `${GITHUB}:aud`, value: 'sts.amazonaws.com' });
  const edits = t.syntax === 'hcl' && /^\s*statement\s*\{/.test(text.slice(t.statement.start, t.statement.end)) ? hclConditions(t, tests)
    : t.syntax === 'yaml' ? yamlConditions(t, tests)
    : t.syntax === 'json' ? braceConditions(t, tests)
    : undefined;
  if (!edits?.length) return [];
  const added = tests.map((c) => `${c.operator} ${c.key} = ${c.value}`).join(' and ');
  return [fixOf(t, 'Require one GitHub repository in the token (fill in)',
    `Any GitHub Actions workflow of any repository could assume the role. Added ${added}. ${review}`, edits)];
}

function lastOperator(text: string): string | undefined {
  const all = text.match(/String(?:Equals|Like)\w*/g);
  return all?.[all.length - 1];
}

/** JSON: the tests go into the Condition object (into an existing operator object), or a new Condition. */
function braceConditions(t: Target, tests: ConditionTest[]): TextEdit[] | undefined {
  const text = t.doc.text;
  const statementText = text.slice(t.statement.start, t.statement.end);
  if (!statementText.startsWith('{') || !statementText.endsWith('}')) return undefined;
  const eol = eolOf(text);
  const condition = /"Condition"\s*:\s*\{/.exec(statementText);
  const entry = (c: ConditionTest) => `"${c.key}": "${c.value}"`;
  if (!condition) {
    if (!statementText.includes('\n')) return undefined;
    const indent = indentOf(lineAt(text, t.statement.start + statementText.indexOf('"', 1)));
    const unit = indent.slice(indentOf(lineAt(text, t.statement.start)).length) || '  ';
    const body = groupByOperator(tests).map(([op, cs]) => `${indent}${unit}"${op}": { ${cs.map(entry).join(', ')} }`).join(`,${eol}`);
    const last = t.statement.end - 1 - (/\s*$/.exec(statementText.slice(0, -1))?.[0].length ?? 0);
    return [insert(last, `,${eol}${indent}"Condition": {${eol}${body}${eol}${indent}}`)];
  }
  const open = t.statement.start + condition.index + condition[0].length - 1;
  const close = closingBracket(text, open, SYNTAX.javascript);
  if (close < 0 || close > t.statement.end) return undefined;
  const inside = text.slice(open, close);
  const edits: TextEdit[] = [];
  const added: string[] = [];
  for (const [op, cs] of groupByOperator(tests)) {
    const existing = new RegExp(`"${op}"\\s*:\\s*\\{`).exec(inside);
    if (existing) edits.push(insert(open + existing.index + existing[0].length, ` ${cs.map(entry).join(', ')},`));
    else if (new RegExp(`"${op}"\\s*:`).test(inside)) return undefined;
    else added.push(`"${op}": { ${cs.map(entry).join(', ')} }`);
  }
  if (added.length) {
    if (/^\{[ \t]*\r?\n/.test(inside)) {
      const indent = indentOf(lineAt(text, open + inside.indexOf('\n') + 1));
      edits.push(insert(open + 1, added.map((p) => `${eol}${indent}${p},`).join('')));
    } else edits.push(insert(open + 1, ` ${added.join(', ')},`));
  }
  return edits;
}

/** YAML block mappings: `Condition:` with operator mappings under it. */
function yamlConditions(t: Target, tests: ConditionTest[]): TextEdit[] | undefined {
  const text = t.doc.text;
  const eol = eolOf(text);
  const statementText = text.slice(t.statement.start, t.statement.end);
  const column = t.statement.start - (text.lastIndexOf('\n', t.statement.start - 1) + 1);
  if (!statementText.includes('\n') || /^[{[]/.test(statementText)) return undefined;
  const indent = ' '.repeat(column);
  const entry = (c: ConditionTest, pad: string) => `${pad}"${c.key}": "${c.value}"`;
  const condition = new RegExp(`\\n${indent}Condition:[ \\t]*\\r?\\n`).exec(statementText);
  if (!condition) {
    if (/\nCondition:/.test(`\n${statementText}`) || new RegExp(`\\n${indent}Condition:`).test(statementText)) return undefined;
    const unit = yamlUnit(statementText, column);
    const lines = groupByOperator(tests).flatMap(([op, cs]) => [`${indent}${unit}${op}:`, ...cs.map((c) => entry(c, indent + unit + unit))]);
    return [insert(t.statement.start + statementText.trimEnd().length, `${eol}${indent}Condition:${eol}${lines.join(eol)}`)];
  }
  const bodyStart = t.statement.start + condition.index + condition[0].length;
  const childIndent = indentOf(lineAt(text, bodyStart));
  if (childIndent.length <= column || childIndent.includes('\t')) return undefined;
  const childUnit = childIndent.slice(column);
  const inner = text.slice(bodyStart, t.statement.end);
  const edits: TextEdit[] = [];
  const lines: string[] = [];
  for (const [op, cs] of groupByOperator(tests)) {
    const existing = new RegExp(`(?:^|\\n)${childIndent}${op}:[ \\t]*\\r?\\n`).exec(inner);
    if (existing) {
      const at = bodyStart + existing.index + existing[0].length;
      const pad = indentOf(lineAt(text, at));
      if (pad.length <= childIndent.length) return undefined;
      edits.push(insert(at, cs.map((c) => `${entry(c, pad)}${eol}`).join('')));
    } else if (new RegExp(`(?:^|\\n)${childIndent}${op}:`).test(inner)) return undefined;
    else lines.push(`${childIndent}${op}:`, ...cs.map((c) => entry(c, childIndent + childUnit)));
  }
  if (lines.length) edits.push(insert(bodyStart, lines.map((l) => `${l}${eol}`).join('')));
  return edits;
}

function yamlUnit(statementText: string, column: number): string {
  const deeper = /\n( +)\S/g;
  for (const m of statementText.matchAll(deeper)) if (m[1].length > column) return ' '.repeat(m[1].length - column);
  return '  ';
}

/** Terraform `aws_iam_policy_document`: one `condition` block per test, before the statement's closing brace. */
function hclConditions(t: Target, tests: ConditionTest[]): TextEdit[] | undefined {
  const text = t.doc.text;
  const eol = eolOf(text);
  const close = t.statement.end - 1;
  if (text[close] !== '}') return undefined;
  const indent = indentOf(lineAt(text, t.statement.start));
  const inner = /\n([ \t]+)\S/.exec(text.slice(t.statement.start, t.statement.end))?.[1] ?? `${indent}  `;
  const unit = inner.slice(indent.length) || '  ';
  const blocks = tests.map((c) => [
    `${inner}condition {`, `${inner}${unit}test     = "${c.operator}"`, `${inner}${unit}variable = "${c.key}"`, `${inner}${unit}values   = ["${c.value}"]`, `${inner}}`,
  ].join(eol));
  const lineStart = text.lastIndexOf('\n', close - 1) + 1;
  if (text.slice(lineStart, close).trim() !== '') return undefined;
  return [insert(lineStart, `${blocks.join(eol)}${eol}`)];
}

function groupByOperator(tests: ConditionTest[]): [string, ConditionTest[]][] {
  const out = new Map<string, ConditionTest[]>();
  for (const c of tests) out.set(c.operator, [...(out.get(c.operator) ?? []), c]);
  return [...out];
}

/** A value span widened to the quotes around it (a principal's value span leaves them out). */
function withQuotes(text: string, span: Span): Span {
  const before = text[span.start - 1];
  return (before === '"' || before === "'") && text[span.end] === before && text[span.start] !== before ? { start: span.start - 1, end: span.end + 1 } : span;
}

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end);
}
