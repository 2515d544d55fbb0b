// Turns a literal found in a secret-named place into a finding: judges the value, picks the rule,
// explains what and why. Shared by the syntax-tree walker and the line detector.
import type { Confidence, RawFinding, RuleInfo, Severity, Span } from '../../types';
import type { SecretKind } from '../names';
import { assessValue } from '../noise';
import { afterAuthScheme, connectionPassword, referenceDefault } from './valueParts';

const CWE_798 = 'https://cwe.mitre.org/data/definitions/798.html';
const TAGS = ['OWASP-NHI2', 'CWE-798'];

export const GENERIC_RULES: RuleInfo[] = [
  rule('password', 'Hardcoded password', 'A string literal is assigned to a password variable, key, argument or setting, or passed where a password goes.', 'high'),
  rule('api-key', 'Hardcoded API key', 'A string literal that looks random is assigned to an API key name or passed to an SDK that takes one.', 'high'),
  rule('token', 'Hardcoded token', 'A string literal that looks random is assigned to a token or authorization name.', 'high'),
  rule('secret', 'Hardcoded secret', 'A string literal is assigned to a secret (client secret, signing or encryption key) or passed to a signing function.', 'high'),
  rule('private-key', 'Hardcoded private key', 'A long random string literal is assigned to a private key name.', 'high'),
];

function rule(kind: string, title: string, description: string, severity: Severity): RuleInfo {
  return {
    id: `secret/generic-${kind}`,
    title,
    category: 'secret',
    severity,
    description: `${description} Hardcoded credentials end up in every clone, build artifact and in git history; read them from the environment or a secret manager instead.`,
    docsUrl: CWE_798,
    tags: TAGS,
  };
}

/** How the literal reached the secret-named place; worded into the message. */
export type HitContext =
  | { how: 'assigned' }
  | { how: 'sink'; callee: string }
  | { how: 'env-default' }
  | { how: 'file'; what: string };

export interface GenericHit {
  kind: SecretKind;
  /** The name or sink clearly says "credential". */
  strong: boolean;
  /** The name the value is bound to (variable, key, argument, environment variable), or the sink it is passed to. */
  name: string;
  /** False when `name` is a sink, not a name the value could move to (`jwt.sign`). */
  bound?: boolean;
  context: HitContext;
  /** The literal's content. */
  value: string;
  /** Where the literal sits in the scanned text. */
  valueSpan: Span;
  /** False when the value was joined from several literals, so that `valueSpan` covers all of them, quotes and all. */
  exact: boolean;
}

const LABELS: Record<SecretKind, string> = {
  password: 'Password',
  'api-key': 'API key',
  token: 'Token',
  secret: 'Secret',
  'private-key': 'Private key',
  'connection-string': 'Password in a connection string',
};

const MAX_NAME_IN_MESSAGE = 60;

/** The finding for a hit, or null when the value is not credible as that secret. */
export function reportHit(hit: GenericHit): RawFinding | null {
  const fallback = referenceDefault(hit.value);
  if (fallback) {
    // `password: ${DB_PASSWORD:-devpass}`: the reference is fine, its default is the hardcoded value.
    const offset = hit.exact ? hit.valueSpan.start : 0;
    return reportHit({
      ...hit,
      context: { how: 'env-default' },
      value: hit.value.slice(fallback.start, fallback.end),
      valueSpan: hit.exact ? { start: offset + fallback.start, end: offset + fallback.end } : hit.valueSpan,
    });
  }
  let { kind, strong, value } = hit;
  let valueSpan = hit.valueSpan;
  const partOf = kind === 'connection-string' ? connectionPassword(value) : afterAuthScheme(value);
  if (kind === 'connection-string' && !partOf) return null;
  if (partOf) {
    if (hit.exact) valueSpan = { start: hit.valueSpan.start + partOf.start, end: hit.valueSpan.start + partOf.end };
    value = value.slice(partOf.start, partOf.end);
    // A scheme such as `Bearer` says the rest is a credential, whatever the name.
    if (kind !== 'connection-string') strong = true;
  }
  const judged = kind === 'connection-string' ? 'password' : kind;
  const verdict = assessValue(value, judged, strong);
  if (!verdict.credible) return null;
  const confidence: Confidence = strong ? 'context' : 'heuristic';
  const ruleKind = kind === 'connection-string' ? 'password' : kind;
  const name = hit.name.length > MAX_NAME_IN_MESSAGE ? `${hit.name.slice(0, MAX_NAME_IN_MESSAGE)}…` : hit.name;
  const entropy = verdict.entropy.toFixed(1);
  return {
    ruleId: `secret/generic-${ruleKind}`,
    span: valueSpan,
    valueSpan,
    severity: confidence === 'context' ? 'high' : 'medium',
    confidence,
    message: messageFor(LABELS[kind], name, hit.context, entropy),
    evidence: [
      ...(hit.bound === false ? [] : [`name \`${name}\` ${strong ? 'names' : 'suggests'} a ${kind.replace('-', ' ')}`]),
      contextEvidence(hit.context),
      `entropy ${entropy} bits/char over ${value.length} characters`,
    ],
    boundName: hit.bound === false ? undefined : hit.name,
  };
}

function messageFor(label: string, name: string, context: HitContext, entropy: string): string {
  const why = 'hardcoded credentials end up in every clone and in git history.';
  switch (context.how) {
    case 'assigned':
      return `${label} assigned to \`${name}\` is a string literal (entropy ${entropy} bits/char); ${why}`;
    case 'sink':
      return `${label} passed to \`${context.callee}\` is a string literal (entropy ${entropy} bits/char); ${why}`;
    case 'env-default':
      return `${label} is the hardcoded fallback for \`${name}\` (entropy ${entropy} bits/char); it is used whenever \`${name}\` is unset, and ${why}`;
    case 'file':
      return `${label} assigned to \`${name}\` in ${context.what} is a literal value (entropy ${entropy} bits/char); once the file is committed it is in every clone and in git history.`;
  }
}

function contextEvidence(context: HitContext): string {
  switch (context.how) {
    case 'assigned':
      return 'a literal assigned in code or configuration';
    case 'sink':
      return `argument of \`${context.callee}\`, which takes a credential`;
    case 'env-default':
      return 'default of an environment lookup';
    case 'file':
      return `line of ${context.what}`;
  }
}
