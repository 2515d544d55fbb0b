// Turns a literal found in a secret-named place into a finding: judges the value, picks the rule,
// explains what and why. Shared by the syntax-tree walker and the line detector.
import type { ScanContext } from '../../detector';
import type { Confidence, RawFinding, RuleInfo, Severity, Span } from '../../types';
import { fileTraits, type FileTraits } from '../fileTraits';
import type { SecretKind } from '../names';
import { assessValue, characterClasses, isJoinedWords } from '../noise';
import { providerCheckFailure } from '../providerDetector';
import { FIREBASE_CONFIG_REACH, FIREBASE_WEB_KEY_REASON, isFirebaseWebKey, publicKeyName } from '../publicKeys';
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
  | { how: 'file'; what: string }
  | { how: 'prose'; what: string };

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

/** Where hits are judged: the region (for the text around a value and for drop notes) and what its path says. */
export interface ReportScope {
  ctx: ScanContext;
  traits: FileTraits;
  /** Where drop notes go: the context's, unless the caller collects them first. */
  drop?: ScanContext['drop'];
}

export function scopeOf(ctx: ScanContext, drop = ctx.drop): ReportScope {
  return { ctx, traits: fileTraits(ctx.path), drop };
}

/** Words that make a value in a test file a made-up one. */
const FAKE_VALUE = /test|fake|dummy|mock|stub|fixture|sample|example|bogus|hunter2|wrong|invalid|incorrect|placeholder|not[-_ ]?(?:a[-_ ]?)?real/i;
/** Words in any language (letters, marks, spaces, punctuation), no digits: a translation. */
const WORDS = /^[\p{L}\p{M}][\p{L}\p{M}\s'’.,!?¿¡:()&-]*$/u;

/** The finding for a hit, or null when the value is not credible as that secret (with the reason told to `scope`). */
export function reportHit(hit: GenericHit, scope: ReportScope): RawFinding | null {
  const fallback = referenceDefault(hit.value);
  if (fallback) {
    // `password: ${DB_PASSWORD:-devpass}`: the reference is fine, its default is the hardcoded value.
    const offset = hit.exact ? hit.valueSpan.start : 0;
    return reportHit({
      ...hit,
      context: { how: 'env-default' },
      value: hit.value.slice(fallback.start, fallback.end),
      valueSpan: hit.exact ? { start: offset + fallback.start, end: offset + fallback.end } : hit.valueSpan,
    }, scope);
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
  // A connection string's password is judged, and reported, as a password.
  const judged = kind === 'connection-string' ? 'password' : kind;
  const drop = (reason: string) => {
    scope.drop?.(genericRuleId(kind), valueSpan, reason);
    return null;
  };
  const publicName = hit.bound === false ? null : publicKeyName(hit.name);
  if (publicName) return drop(publicName);
  const verdict = assessValue(value, judged, strong);
  if (!verdict.credible) return verdict.tell ? drop(verdict.reason) : null;
  const refused = refusal(scope, value, valueSpan, strong, verdict.entropy);
  if (refused) return drop(refused);
  const confidence: Confidence = strong ? 'context' : 'heuristic';
  const name = hit.name.length > MAX_NAME_IN_MESSAGE ? `${hit.name.slice(0, MAX_NAME_IN_MESSAGE)}…` : hit.name;
  const entropy = verdict.entropy.toFixed(1);
  return {
    ruleId: genericRuleId(kind),
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

/**
 * Whether `reportHit` returns null without a drop note for `value` under `name`, whatever the
 * hit's kind and strength: the text prefilter then needs no syntax tree to know it. Values a part
 * of which is judged (a default, an auth scheme's credential, a connection string's password) and
 * public key names are left to `reportHit`.
 */
export function refusedSilently(name: string, value: string): boolean {
  if (referenceDefault(value) || afterAuthScheme(value) || connectionPassword(value) || publicKeyName(name)) return false;
  // A connection string without a password part is refused silently; every other kind judges the
  // value like a password or like a token up to their first silent refusal.
  const silent = (kind: SecretKind) => {
    const verdict = assessValue(value, kind, true);
    return !verdict.credible && !verdict.tell;
  };
  return silent('password') && silent('token');
}

/** The rule a generic hit of `kind` is reported (or dropped) under. */
export function genericRuleId(kind: SecretKind): string {
  return `secret/generic-${kind === 'connection-string' ? 'password' : kind}`;
}

/** What the value's own shape, the text around it and the file's kind say against a value that is credible on its own. */
function refusal(scope: ReportScope, value: string, valueSpan: Span, strong: boolean, entropy: number): string | null {
  const failed = providerCheckFailure(value);
  if (failed) return failed;
  const { ctx, traits } = scope;
  const line = ctx.lines.lineOf(valueSpan.start);
  const nearby = (reach: number) => ctx.text.slice(ctx.lines.lineStart(line - reach), ctx.lines.lineEnd(line + reach));
  if (isFirebaseWebKey(value, nearby(0), () => nearby(FIREBASE_CONFIG_REACH))) return FIREBASE_WEB_KEY_REASON;
  if (traits.test && FAKE_VALUE.test(value)) return 'a made-up value in a test file';
  if (traits.locale && WORDS.test(value)) return 'a translation in a locale file';
  if (traits.example && !(strong && looksRandom(value, entropy))) {
    return 'an example or template file, where only random-looking values under a clear name are reported';
  }
  return null;
}

/** Random enough that nobody typed it as an example: long, varied, not words joined by dashes. */
function looksRandom(value: string, entropy: number): boolean {
  if (value.length < 12 || entropy < 3.0 || isJoinedWords(value)) return false;
  return characterClasses(value) >= 3 || (value.length >= 20 && entropy >= 3.5);
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
    case 'prose':
      return `${label} written out after \`${name}\` in ${context.what} (entropy ${entropy} bits/char); once the file is committed it is in every clone and in git history.`;
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
    case 'prose':
      return `a credential written out in ${context.what}`;
  }
}
