// Lifetimes of tokens that code signs: `jwt.sign(payload, key, { expiresIn: '365d' })`, NestJS
// `signOptions`, jose `setExpirationTime('1y')`, and in Python `timedelta(...)` bound to an `exp` claim or a
// token-lifetime setting (`ACCESS_TOKEN_LIFETIME`, `JWT_ACCESS_TOKEN_EXPIRES`, `expires_delta=`).
// Refresh tokens (the name of the setting, of the enclosing function or variable, or the signed payload
// says `refresh`) are judged against their own, longer limit.
import type { Node } from 'web-tree-sitter';
import { refreshTokenHours, type LifecycleLimits } from '../config';
import type { Detector, ScanContext } from '../detector';
import { KeywordSet } from '../keywordIndex';
import { nodesStartingAt, stringContent } from '../structured/nodes';
import type { RawFinding } from '../types';
import { formatSeconds, timeSpanSeconds } from './durations';
import { durationRemedy, type DurationStyle } from './remedy';
import { LIFECYCLE_RULES } from './rules';

const JS_LANGUAGES = new Set(['javascript', 'typescript', 'tsx']);
const JS_CANDIDATES = /\bexpiresIn\b|\bsetExpirationTime\b/g;
const PY_CANDIDATES = /\btimedelta\b|\bJWT_ACCESS_TOKEN_EXPIRES\b/g;
/** Settings and arguments that hold a token's lifetime (`REFRESH_TOKEN_LIFETIME` too: refresh names get the refresh limit). */
const LIFETIME_NAME = /^(?:exp|expires_delta|(?:\w+_)?token_(?:lifetime|expires?|expiry|expiration|ttl|exp_delta|expiration_delta)|jwt_(?:\w+_)?(?:expiration|expiry|expires|exp|expiration_delta|exp_delta|ttl|lifetime))$/i;
const TIMEDELTA_ARGS = ['days', 'seconds', 'microseconds', 'milliseconds', 'minutes', 'hours', 'weeks'];
const TIMEDELTA_SECONDS: Record<string, number> = { days: 86400, seconds: 1, microseconds: 1e-6, milliseconds: 1e-3, minutes: 60, hours: 3600, weeks: 604800 };
const MAX_CANDIDATES = 500;
const REFRESH = /refresh/i;
/** Declarations whose name says what a nested sign call issues (`issueRefreshToken`, `refreshOptions`). */
const NAMED_SCOPES = /^(?:function_declaration|function_definition|method_definition|generator_function_declaration|variable_declarator|public_field_definition|assignment_expression|assignment)$/;

/** The prefilter's words, looked up in the keyword pass every detector shares (see keywordIndex.ts). */
const WORDS = new KeywordSet(['expiresin', 'sign', 'setexpirationtime', 'timedelta', 'jwt_access_token_expires', 'jwt', 'token']);

export function tokenExpiryDetector(limits: LifecycleLimits): Detector {
  const has = (ctx: ScanContext, word: string) => WORDS.has(ctx, word);
  const wants = (ctx: ScanContext) =>
    // `expiresIn` counts only in a sign call or `signOptions`; files that never say "sign" are not parsed for it.
    (JS_LANGUAGES.has(ctx.language) && ((has(ctx, 'expiresin') && has(ctx, 'sign')) || has(ctx, 'setexpirationtime'))) ||
    (ctx.language === 'python' && (has(ctx, 'timedelta') || has(ctx, 'jwt_access_token_expires')) && (has(ctx, 'jwt') || has(ctx, 'token')));
  return {
    id: 'lifecycle-token-expiry',
    rules: [LIFECYCLE_RULES.signedTokenExpiry],
    wantsTree: wants,
    treeFocus: (ctx) => candidates(ctx),
    detect(ctx: ScanContext): RawFinding[] {
      if (!ctx.tree || !wants(ctx)) return [];
      const out: RawFinding[] = [];
      for (const node of nodesStartingAt(ctx.tree.rootNode, candidates(ctx))) {
        // Names in strings count only as Python keys (`app.config["JWT_ACCESS_TOKEN_EXPIRES"]`); comments never.
        if (!(/identifier$/.test(node.type) || (ctx.language === 'python' && node.type === 'string_content'))) continue;
        const hit = ctx.language === 'python' ? pythonLifetime(node, ctx.lower) : jsLifetime(node);
        if (!hit) continue;
        const limit = (hit.refresh ? refreshTokenHours(limits) : limits.maxSignedTokenHours) * 3600;
        if (hit.seconds !== Infinity && hit.seconds <= limit) continue;
        const lifetime = hit.seconds === Infinity ? 'never expire' : `live ${formatSeconds(hit.seconds)}`;
        const kind = hit.refresh ? 'refresh-token limit' : 'limit';
        const advice = hit.refresh ? 'Keep refresh tokens bounded and rotate them on use.' : 'Issue short-lived access tokens and renew them with refresh tokens.';
        out.push({
          ruleId: LIFECYCLE_RULES.signedTokenExpiry.id, span: { start: hit.node.startIndex, end: hit.node.endIndex }, confidence: 'context',
          message: `${hit.what}: the ${hit.refresh ? 'refresh ' : ''}tokens ${lifetime} (the ${kind} is ${formatSeconds(limit)}), and a stolen one cannot be revoked before it expires. ${advice}`,
          evidence: [`lifetime: ${hit.seconds === Infinity ? 'none' : formatSeconds(hit.seconds)}`, `${kind}: ${formatSeconds(limit)}`, ...(hit.refresh ? ['refresh token'] : [])],
          remedy: durationRemedy(ctx.text, hit.edit.span, hit.edit.style, limit, hit.refresh ? 'refresh token lifetime' : 'token lifetime'),
        });
      }
      return out;
    },
  };
}

function candidates(ctx: ScanContext): number[] {
  const re = ctx.language === 'python' ? PY_CANDIDATES : JS_LANGUAGES.has(ctx.language) ? JS_CANDIDATES : undefined;
  const out: number[] = [];
  if (!re) return out;
  re.lastIndex = 0;
  for (let m = re.exec(ctx.text); m && out.length < MAX_CANDIDATES; m = re.exec(ctx.text)) out.push(m.index);
  return out;
}

interface Lifetime {
  /** The node holding the lifetime (a value, an argument). */
  node: Node;
  seconds: number;
  /** What sets it, for the message. */
  what: string;
  /** A refresh token's lifetime, judged against the refresh-token limit. */
  refresh: boolean;
  /** The text a fix rewrites, and how it is written. */
  edit: { span: { start: number; end: number }; style: DurationStyle };
}

/** The span of a string literal's content (inside the quotes). */
function contentSpan(node: Node): { start: number; end: number } {
  const quote = /^[a-zA-Z]*(['"`]{1,3})/.exec(node.text)?.[1].length ?? 1;
  const prefix = /^[a-zA-Z]*/.exec(node.text)![0].length;
  return { start: node.startIndex + prefix + quote, end: node.endIndex - quote };
}

/** True when the enclosing declarations (a function, a variable, an assignment) are named for refresh tokens. */
function inRefreshScope(node: Node): boolean {
  let current: Node | null = node.parent;
  for (let depth = 0; current && depth < 40; depth++, current = current.parent) {
    if (!NAMED_SCOPES.test(current.type)) continue;
    const name = current.childForFieldName('name') ?? current.childForFieldName('left');
    if (name && name.text.length < 200 && REFRESH.test(name.text)) return true;
  }
  return false;
}

/** A number literal, or `*` `+` `-` arithmetic of them (`60 * 60 * 24 * 365`). */
function numeric(node: Node | null | undefined): number | undefined {
  if (!node) return undefined;
  if (node.type === 'number' || node.type === 'integer' || node.type === 'float') {
    const n = Number(node.text.replace(/_/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  if (node.type === 'parenthesized_expression') return numeric(node.namedChildren[0]);
  if (node.type === 'binary_expression' || node.type === 'binary_operator') {
    const left = numeric(node.childForFieldName('left'));
    const right = numeric(node.childForFieldName('right'));
    const op = node.childForFieldName('operator')?.text;
    if (left === undefined || right === undefined) return undefined;
    return op === '*' ? left * right : op === '+' ? left + right : op === '-' ? left - right : undefined;
  }
  return undefined;
}

/** `expiresIn: '365d'` in the options of a `*.sign(...)` call or in `signOptions`; `setExpirationTime('1y')`. */
function jsLifetime(name: Node): Lifetime | undefined {
  if (name.text === 'setExpirationTime') {
    const call = name.parent?.type === 'member_expression' ? name.parent.parent : undefined;
    const arg = call?.type === 'call_expression' ? call.childForFieldName('arguments')?.namedChildren[0] : undefined;
    const text = stringContent(arg); // a number is an absolute timestamp there
    const seconds = text === undefined ? undefined : timeSpanSeconds(text);
    if (!arg || seconds === undefined) return undefined;
    return { node: arg, seconds, what: `\`setExpirationTime('${text}')\``, refresh: inRefreshScope(arg), edit: { span: contentSpan(arg), style: 'timespan' } };
  }
  const pair = name.parent;
  if (pair?.type !== 'pair' || pair.childForFieldName('key')?.startIndex !== name.startIndex) return undefined;
  const value = pair.childForFieldName('value');
  const object = pair.parent;
  const holder = object?.parent;
  const signCall = holder?.type === 'arguments' && holder.parent?.type === 'call_expression' &&
    /sign(?:Async)?$/i.test(holder.parent.childForFieldName('function')?.text ?? '');
  const signOptions = holder?.type === 'pair' && holder.childForFieldName('key')?.text.replace(/['"]/g, '') === 'signOptions';
  if (!value || !(signCall || signOptions)) return undefined;
  const text = stringContent(value);
  const seconds = text !== undefined ? timeSpanSeconds(text) : numeric(value);
  if (seconds === undefined) return undefined;
  // The payload or signing key of the call may say what is signed: `{ typ: 'refresh' }`, `REFRESH_SECRET`.
  const args = signCall ? holder.text : '';
  const refresh = (args.length < 2000 && REFRESH.test(args)) || inRefreshScope(value);
  const edit = text !== undefined
    ? { span: contentSpan(value), style: 'timespan' as const }
    : { span: { start: value.startIndex, end: value.endIndex }, style: 'js-seconds' as const };
  return { node: value, seconds, what: `\`expiresIn: ${value.text}\` on a ${refresh ? 'refresh' : 'signed'} token`, refresh, edit };
}

/** The name a Python value is bound to: a dict key, a keyword argument, an assigned variable or subscript. */
function pythonBinding(value: Node): { name: string } | undefined {
  let node: Node = value;
  for (let depth = 0; depth < 4 && node.parent; depth++) {
    const parent: Node = node.parent;
    if (parent.type === 'binary_operator' || parent.type === 'parenthesized_expression') {
      node = parent;
      continue;
    }
    if (parent.type === 'pair' && parent.childForFieldName('value')?.startIndex === node.startIndex) {
      const key = stringContent(parent.childForFieldName('key'));
      return key === undefined ? undefined : { name: key };
    }
    if (parent.type === 'keyword_argument') return { name: parent.childForFieldName('name')?.text ?? '' };
    if (parent.type === 'assignment') {
      const left = parent.childForFieldName('left');
      if (left?.type === 'identifier') return { name: left.text };
      if (left?.type === 'attribute') return { name: left.childForFieldName('attribute')?.text ?? '' };
      if (left?.type === 'subscript') return { name: stringContent(left.childForFieldName('subscript')) ?? '' };
    }
    return undefined;
  }
  return undefined;
}

function timedeltaSeconds(call: Node): number | undefined {
  let total = 0;
  const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((n): n is Node => !!n && n.type !== 'comment');
  for (const [i, arg] of args.entries()) {
    const keyword = arg.type === 'keyword_argument' ? arg.childForFieldName('name')?.text : TIMEDELTA_ARGS[i];
    const amount = numeric(arg.type === 'keyword_argument' ? arg.childForFieldName('value') : arg);
    if (!keyword || amount === undefined || !(keyword in TIMEDELTA_SECONDS)) return undefined;
    total += amount * TIMEDELTA_SECONDS[keyword];
  }
  return total;
}

function pythonLifetime(name: Node, lower: string): Lifetime | undefined {
  if (name.text === 'JWT_ACCESS_TOKEN_EXPIRES') {
    // Flask-JWT-Extended: `False` turns expiry off.
    let binding: Node | null = name.parent;
    while (binding && /^(?:string|subscript|attribute)$/.test(binding.type)) binding = binding.parent;
    const value = binding?.type === 'assignment' ? binding.childForFieldName('right') : binding?.type === 'pair' ? binding.childForFieldName('value') : undefined;
    if (value?.type !== 'false') return undefined;
    // Flask-JWT-Extended also takes a number of seconds: no import needed.
    return { node: value, seconds: Infinity, what: '`JWT_ACCESS_TOKEN_EXPIRES = False` turns token expiry off', refresh: false, edit: { span: { start: value.startIndex, end: value.endIndex }, style: 'seconds' } };
  }
  const call = name.parent?.type === 'attribute' ? name.parent.parent : name.parent;
  if (call?.type !== 'call' || call.childForFieldName('function')?.endIndex !== name.endIndex) return undefined;
  const binding = pythonBinding(call);
  if (!binding || !LIFETIME_NAME.test(binding.name)) return undefined;
  if (binding.name === 'exp' && !lower.includes('jwt')) return undefined;
  const seconds = timedeltaSeconds(call);
  const args = call.childForFieldName('arguments');
  if (seconds === undefined || !args) return undefined;
  // A setting is named for what it holds; an `exp` claim is known by its payload or the function issuing it.
  const payload = binding.name === 'exp' ? enclosingDict(call)?.text ?? '' : '';
  const refresh = REFRESH.test(binding.name) || (binding.name === 'exp' && ((payload.length < 2000 && REFRESH.test(payload)) || inRefreshScope(call)));
  return { node: call, seconds, what: `\`${binding.name}\` set to \`${call.text}\``, refresh, edit: { span: { start: args.startIndex, end: args.endIndex }, style: 'timedelta' } };
}

function enclosingDict(node: Node): Node | undefined {
  let current: Node | null = node.parent;
  for (let depth = 0; current && depth < 6; depth++, current = current.parent) if (current.type === 'dictionary') return current;
  return undefined;
}
