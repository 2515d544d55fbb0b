// Reading names, literal values, calls and arguments off a syntax tree, driven by a language profile.
import type { Node } from 'web-tree-sitter';
import type { Span } from '../../types';
import type { BindingSpec, LanguageProfile } from './profiles';

/** A literal value: its content (without quotes) and where that content sits in the text. */
export interface Literal {
  text: string;
  span: Span;
}

/** Longer literals are data (certificates, blobs), not the short values generic rules judge. */
export const MAX_LITERAL_LENGTH = 1000;
const MAX_CONCAT_DEPTH = 8;
const QUOTES = /^(?:"""|'''|["'`])/;

/** Methods that turn a literal into another type without changing it: `"x".to_string()`, `"x".getBytes()`. */
const RECEIVER_CONVERSIONS = new Set(['to_string', 'to_owned', 'into', 'tochararray', 'getbytes', 'encode', 'as_bytes', 'as_str', 'tobytearray', 'tostring']);
/**
 * Functions that wrap one literal argument without changing what it is: `String::from("x")`, `Some("x")`,
 * `Encoding.UTF8.GetBytes("x")`, and decoders of a hex or base64 key (`bytes.fromhex("…")`, `base64.b64decode("…")`).
 */
const ARGUMENT_CONVERSIONS = new Set([
  'from', 'some', 'string', 'securestring', 'bytearray', 'getbytes', 'fromhex', 'unhexlify', 'b64decode', 'urlsafe_b64decode',
  'decodestring',
]);
/** `Buffer.from("…", "hex")`: the second argument only names the encoding. */
const ENCODINGS = /^(?:hex|base64|base64url|utf-?8|ascii|latin1|binary)$/i;

export function isComment(node: Node): boolean {
  return node.type === 'comment' || node.type === 'line_comment' || node.type === 'block_comment';
}

function namedChildren(node: Node): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < node.namedChildCount; i++) {
    const c = node.namedChild(i);
    if (c && !isComment(c)) out.push(c);
  }
  return out;
}

function firstNamed(node: Node): Node | null {
  for (let i = 0; i < node.namedChildCount; i++) {
    const c = node.namedChild(i);
    if (c && !isComment(c)) return c;
  }
  return null;
}

function lastNamed(node: Node): Node | null {
  for (let i = node.namedChildCount - 1; i >= 0; i--) {
    const c = node.namedChild(i);
    if (c && !isComment(c)) return c;
  }
  return null;
}

function hasAnonymousChild(node: Node, type: string): boolean {
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i);
    if (c && !c.isNamed && c.type === type) return true;
  }
  return false;
}

/** The node holding a binding's name (variable, key, keyword), or null when the binding has none. */
export function nameChildOf(binding: Node, spec: BindingSpec, profile: LanguageProfile): Node | null {
  if (spec.requires && !hasAnonymousChild(binding, spec.requires)) return null;
  if (spec.name) return binding.childForFieldName(spec.name);
  for (let i = 0; i < binding.namedChildCount; i++) {
    const c = binding.namedChild(i);
    if (c && !isComment(c) && !profile.skip?.has(c.type)) return c;
  }
  return null;
}

/** The node holding a binding's value. */
export function valueChildOf(binding: Node, spec: BindingSpec, name: Node): Node | null {
  if (spec.value) return binding.childForFieldName(spec.value);
  const last = lastNamed(binding);
  return last && last.id !== name.id ? last : null;
}

/** The span of a string node's content, without its quotes and prefixes (`f"`, `@"`, `r#"`). */
function stringContentSpan(node: Node, text: string): Span {
  let start = node.startIndex;
  let end = node.endIndex;
  const first = node.child(0);
  const last = node.child(node.childCount - 1);
  const isDelimiter = (c: Node | null, suffix: string) => c !== null && (!c.isNamed || c.type.endsWith(suffix));
  if (node.childCount >= 2 && isDelimiter(first, '_start') && first!.startIndex === start) start = first!.endIndex;
  else start = afterOpeningQuote(text, start, end);
  if (node.childCount >= 2 && isDelimiter(last, '_end') && last!.endIndex === end) end = last!.startIndex;
  else end = beforeClosingQuote(text, start, end);
  return { start, end: Math.max(start, end) };
}

function afterOpeningQuote(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && i - start < 3 && /[@$rRbBuUf#]/.test(text[i])) i++;
  const m = QUOTES.exec(text.slice(i, Math.min(end, i + 3)));
  return m ? i + m[0].length : start;
}

function beforeClosingQuote(text: string, start: number, end: number): number {
  let j = end;
  while (j > start && text[j - 1] === '#') j--;
  for (const q of ['"""', "'''", '"', "'", '`']) {
    if (j - q.length >= start && text.startsWith(q, j - q.length)) return j - q.length;
  }
  return end;
}

/**
 * The literal a value node stands for: a string without interpolation, a concatenation of such
 * strings, or a conversion of one (`"x".to_string()`). Null for identifiers, calls, lookups and
 * everything else that is not a literal.
 */
export function literalOf(node: Node, profile: LanguageProfile, text: string, depth = 0): Literal | null {
  if (depth > MAX_CONCAT_DEPTH || node.endIndex - node.startIndex > MAX_LITERAL_LENGTH + 16) return null;
  const type = node.type;
  if (profile.strings.has(type)) {
    let substituted = false;
    for (let i = 0; i < node.namedChildCount; i++) {
      const c = node.namedChild(i);
      if (c && !profile.stringParts.has(c.type)) {
        if (!profile.substitutions?.has(c.type)) return null;
        substituted = true;
      }
    }
    const span = stringContentSpan(node, text);
    return substituted ? substitutedLiteral(node, span, profile, text, depth) : { text: text.slice(span.start, span.end), span };
  }
  if (profile.plainValues?.has(type)) return trimmedLiteral(text, node.startIndex, node.endIndex);
  if (profile.valueWrappers.has(type)) {
    const inner = firstNamed(node);
    return inner ? literalOf(inner, profile, text, depth + 1) : null;
  }
  if (profile.binaries.has(type)) return concatenation(node, profile, text, depth);
  if (profile.implicitConcat?.has(type)) {
    return joinLiterals(namedChildren(node).map((c) => literalOf(c, profile, text, depth + 1)), node);
  }
  if (type === 'type_conversion_expression') {
    const operand = node.childForFieldName('operand');
    return operand ? literalOf(operand, profile, text, depth + 1) : null;
  }
  if (profile.calls[type]) return convertedLiteral(node, profile, text, depth);
  return null;
}

/** `` `sk-${'abc'}def` ``: a template whose every substitution is a literal, assembled. */
function substitutedLiteral(node: Node, content: Span, profile: LanguageProfile, text: string, depth: number): Literal | null {
  let out = '';
  let cursor = content.start;
  for (let i = 0; i < node.namedChildCount; i++) {
    const c = node.namedChild(i);
    if (!c || !profile.substitutions!.has(c.type)) continue;
    const inner = firstNamed(c);
    const literal = inner ? literalOf(inner, profile, text, depth + 1) : null;
    if (!literal) return null;
    out += text.slice(cursor, c.startIndex) + literal.text;
    cursor = c.endIndex;
  }
  return { text: out + text.slice(cursor, content.end), span: { start: node.startIndex, end: node.endIndex } };
}

/** The elements of a tuple or array joined, when every one is a literal: `['ab', 'cd']` → `abcd`. */
export function joinedElements(sequence: Node, profile: LanguageProfile, text: string, depth = 0): Literal | null {
  const items = elementsOf(sequence, profile);
  if (items.length < 2) return null;
  return joinLiterals(items.map((c) => literalOf(c, profile, text, depth + 1)), sequence);
}

/** `['a', 'b'].join('')` (JavaScript), `''.join(['a', 'b'])` (Python), `String.join("", "a", "b")` (Java, C#). */
function joinedCall(callee: Callee, args: Arguments, call: Node, profile: LanguageProfile, text: string, depth: number): Literal | null {
  const isEmpty = (n: Node | undefined) => n !== undefined && literalOf(n, profile, text, depth + 1)?.text === '';
  const receiver = callee.receiver;
  let joined: Literal | null = null;
  if (receiver && profile.sequences.has(receiver.type) && args.positional.length === 1 && isEmpty(args.positional[0])) {
    joined = joinedElements(receiver, profile, text, depth);
  } else if (receiver && isEmpty(receiver) && args.positional.length === 1 && profile.sequences.has(args.positional[0].type)) {
    joined = joinedElements(args.positional[0], profile, text, depth);
  } else if (callee.segments[callee.segments.length - 2]?.toLowerCase() === 'string' && args.positional.length >= 3 && isEmpty(args.positional[0])) {
    joined = joinLiterals(args.positional.slice(1).map((a) => literalOf(a, profile, text, depth + 1)), call);
  }
  return joined && { text: joined.text, span: { start: call.startIndex, end: call.endIndex } };
}

function trimmedLiteral(text: string, start: number, end: number): Literal | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end - start >= 2 && (text[start] === '"' || text[start] === "'") && text[end - 1] === text[start]) {
    start++;
    end--;
  }
  return { text: text.slice(start, end), span: { start, end } };
}

function concatenation(node: Node, profile: LanguageProfile, text: string, depth: number): Literal | null {
  const operator = node.childForFieldName('operator') ?? node.child(1);
  if (!operator || !profile.concatOperators.has(operator.type)) return null;
  const left = firstNamed(node);
  const right = lastNamed(node);
  if (!left || !right || left.id === right.id) return null;
  return joinLiterals([literalOf(left, profile, text, depth + 1), literalOf(right, profile, text, depth + 1)], node);
}

function joinLiterals(parts: (Literal | null)[], node: Node): Literal | null {
  if (parts.length === 0 || parts.some((p) => p === null)) return null;
  return { text: parts.map((p) => p!.text).join(''), span: { start: node.startIndex, end: node.endIndex } };
}

function convertedLiteral(call: Node, profile: LanguageProfile, text: string, depth: number): Literal | null {
  const callee = calleeOf(call, profile, text);
  if (!callee) return null;
  const method = callee.segments[callee.segments.length - 1]?.toLowerCase() ?? '';
  const args = argumentsOf(call, profile, text);
  if (method === 'join' && args.named.length === 0) return joinedCall(callee, args, call, profile, text, depth);
  if (RECEIVER_CONVERSIONS.has(method) && args.positional.length === 0 && callee.receiver) {
    return literalOf(callee.receiver, profile, text, depth + 1);
  }
  if (ARGUMENT_CONVERSIONS.has(method) && args.positional.length === 1 && args.named.length === 0) {
    return literalOf(args.positional[0], profile, text, depth + 1);
  }
  if (method === 'from' && args.positional.length === 2 && ENCODINGS.test(literalOf(args.positional[1], profile, text, depth + 1)?.text ?? '')) {
    return literalOf(args.positional[0], profile, text, depth + 1);
  }
  return null;
}

export interface Callee {
  /** Dotted parts of the callee as written: `DriverManager.getConnection` → [DriverManager, getConnection]. */
  segments: string[];
  /** The object a method is called on, when there is one (for `"x".to_string()`). */
  receiver: Node | null;
}

const CALLEE_TEXT_LIMIT = 200;

/** The callee of a call node: its name parts and receiver. */
export function calleeOf(call: Node, profile: LanguageProfile, text: string): Callee | null {
  const spec = profile.calls[call.type];
  if (!spec) return null;
  const calleeNode = spec.callee ? call.childForFieldName(spec.callee) : firstNamed(call);
  if (!calleeNode || calleeNode.endIndex - calleeNode.startIndex > CALLEE_TEXT_LIMIT) return null;
  let receiver = spec.receiver ? call.childForFieldName(spec.receiver) : null;
  let written = text.slice(calleeNode.startIndex, calleeNode.endIndex);
  if (receiver && receiver.endIndex - receiver.startIndex <= CALLEE_TEXT_LIMIT) {
    written = `${text.slice(receiver.startIndex, receiver.endIndex)}.${written}`;
  }
  if (!receiver) {
    // `a.b.c(...)`: the receiver is the member expression's object.
    const object = calleeNode.namedChildCount >= 2 ? firstNamed(calleeNode) : null;
    if (object && profile.members.has(calleeNode.type)) receiver = object;
    else if (object && calleeNode.type === 'field_expression') receiver = calleeNode.childForFieldName('value');
  }
  return { segments: calleeSegments(written), receiver };
}

/** `new Foo.Bar<T>`, `$this->client->set`, `std::env::var`, `a?.b` → identifier parts, without call arguments. */
export function calleeSegments(written: string): string[] {
  let w = written.replace(/^new\s+/, '');
  for (let i = 0; i < 3 && w.includes('('); i++) w = w.replace(/\([^()]*\)/g, '');
  w = w.replace(/<[^<>]*>/g, '');
  return w.split(/\?\.|\.|::|->|\s+/).map((s) => s.replace(/[^\w$]/g, '')).filter(Boolean);
}

export interface Arguments {
  positional: Node[];
  named: { name: string; value: Node }[];
}

/** A call's arguments: positional ones (unwrapped) and keyword ones with their names. */
export function argumentsOf(call: Node, profile: LanguageProfile, text: string): Arguments {
  const out: Arguments = { positional: [], named: [] };
  const spec = profile.calls[call.type];
  let list: Node | null = spec?.args ? call.childForFieldName(spec.args) : null;
  if (!list) {
    for (let i = 0; i < call.namedChildCount && !list; i++) {
      const c = call.namedChild(i);
      if (c && profile.argumentLists.has(c.type)) list = c;
    }
  }
  // Kotlin nests `value_arguments` inside `call_suffix`.
  for (let i = 0; i < 2 && list; i++) {
    const inner = firstNamed(list);
    if (inner && profile.argumentLists.has(inner.type)) list = inner;
    else break;
  }
  if (!list) return out;
  for (const arg of namedChildren(list)) {
    const binding = profile.bindings[arg.type];
    const nameNode = binding ? nameChildOf(arg, binding, profile) : null;
    if (binding && nameNode) {
      const value = valueChildOf(arg, binding, nameNode);
      if (value) out.named.push({ name: text.slice(nameNode.startIndex, nameNode.endIndex), value });
      continue;
    }
    if (profile.argumentWrappers?.has(arg.type)) {
      const inner = lastNamed(arg);
      if (inner) out.positional.push(inner);
      continue;
    }
    out.positional.push(arg);
  }
  return out;
}

/** The elements of a tuple or array node, unwrapped. */
export function elementsOf(node: Node, profile: LanguageProfile): Node[] {
  return namedChildren(node).map((c) => (profile.elementWrappers?.has(c.type) ? firstNamed(c) ?? c : c));
}

export { firstNamed, lastNamed, namedChildren };
