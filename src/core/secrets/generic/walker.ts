// The generic secret walker: from each anchor (a word that may name a secret or a sink) it climbs
// the syntax tree to what binds that word — an assignment, a key, a keyword argument, a call, an
// environment lookup — and reports the literal bound there. Everything that is not a literal is
// left alone: identifiers, member accesses, calls, lookups.
import type { Node } from 'web-tree-sitter';
import type { ScanContext } from '../../detector';
import type { TreeLanguage } from '../../lang/languages';
import type { RawFinding, Span } from '../../types';
import { classifyName, splitWords, type NameClass, type SecretKind } from '../names';
import type { LanguageProfile } from './profiles';
import { FIREBASE_CONFIG_REACH } from '../publicKeys';
import { reportProse } from './prose';
import { genericRuleId, reportHit, scopeOf, type HitContext, type ReportScope } from './report';
import {
  CLIENT_CALLS, ENV_CALLS, ENV_CALLS_WITH_DEFAULT, ENV_OBJECTS, FALLBACK_METHODS, FIRST_NON_EMPTY, KEYED_CALLS,
  SETTER_PREFIX, SINKS, calleeMatches,
} from './sinks';
import {
  argumentsOf, calleeOf, elementsOf, firstNamed, isComment, joinedElements, lastNamed, literalOf, nameChildOf,
  namedChildren, valueChildOf, type Literal,
} from './syntax';
import { inlinePairs, splitKeyValue } from './keyValue';
import { referenceDefault } from './valueParts';

export const MAX_FINDINGS = 200;
const MAX_CLIMB = 6;
/** Keys whose value names a variable held by a sibling `value` key (Kubernetes `env`, ECS task definitions). */
const NAME_KEYS = new Set(['name', 'key', 'variable', 'envname', 'parametername']);
/** An object with more members than this is a map, not one variable's `name` and `value`: its siblings are not read. */
export const MAX_NAME_VALUE_MEMBERS = 32;
const VALUE_KEYS = new Set(['value', 'defaultvalue']);
/** Keys whose value is a `(user, password)` pair: `auth=("u", "p")`, `'auth' => ['u', 'p']`. */
const PAIR_KEYS = new Set(['auth', 'basic_auth', 'basicauth', 'credentials', 'creds', 'http_auth', 'httpauth']);
/** Keys whose values are ciphertext, safe to commit: Bitnami `encryptedData`, Renovate `encrypted`, SOPS. */
const ENCRYPTED_SECTIONS = new Set(['encrypteddata', 'encrypted', 'encrypted_data', 'encryptedvalues', 'sops']);
/** Last words of names that hold a secret in pieces: `appSecretParts = ['…', '…']`, joined where it is used. */
const PIECES = new Set(['parts', 'chunks', 'pieces', 'segments', 'fragments', 'halves']);

interface Lookup {
  /** The environment variable's name, when written as a literal. */
  name: string | null;
  fallback: Node | Literal;
}

type DropNote = [ruleId: string, span: Span, reason: string];

/**
 * What one anchor's visit did, in order: drop notes, and literals judged (reported or not, with the
 * notes their judgement dropped). Visits are merged in anchor order (`VisitMerge`), which drops a
 * literal an earlier anchor reported; a visit depends on nothing but the anchor and `reads`.
 */
export type VisitEvent = { drop: DropNote } | { start: number; finding: RawFinding | null; drops: DropNote[] };

export interface AnchorVisit {
  events: VisitEvent[];
  /** The anchor sits in a comment, which is read once per line. */
  comment: boolean;
  /**
   * The text whose characters or syntax the visit looked at: the nodes it climbed to, the keys of
   * the enclosing sections, the lines around each value. A node above them whose type changed
   * changes the syntax under the anchor too.
   */
  reads: Span[];
}

export class GenericWalker {
  private readonly text: string;
  private readonly parents = new Map<number, Node | null>();
  private readonly scope: ReportScope;
  private readonly ctx: ScanContext;
  // The visit under way.
  private events: VisitEvent[] = [];
  private reported = new Set<number>();
  private callsSeen = new Set<number>();
  private comment = false;
  private reads: Span[] = [];
  private climbed = { start: 0, end: 0 };
  /** Set while climbing only to read ancestors' types and keys (recorded in `reads` by the climber). */
  private typesOnly = false;
  private drops: DropNote[] = [];

  constructor(ctx: ScanContext, private readonly profile: LanguageProfile, private readonly language: TreeLanguage) {
    this.text = ctx.text;
    this.ctx = ctx;
    this.scope = scopeOf(ctx, (ruleId, span, reason) => this.drops.push([ruleId, span, reason]));
  }

  visit(root: Node, offset: number): AnchorVisit {
    this.parents.clear();
    this.events = [];
    this.reported = new Set();
    this.callsSeen = new Set();
    this.comment = false;
    this.reads = [];
    this.climbed = { start: Math.max(0, offset - 1), end: offset + 1 };
    const leaf = root.descendantForIndex(offset);
    if (leaf && leaf.id !== root.id) {
      this.touch(leaf);
      if (isComment(leaf)) this.fromComment(leaf, offset);
      // A word that is a binding's name or sits in its value is judged there; others may be part of a call.
      else if (!this.fromName(leaf)) this.fromCall(leaf);
    }
    this.reads.push(this.climbed);
    return { events: this.events, comment: this.comment, reads: this.reads };
  }

  private touch(node: Node): void {
    this.climbed.start = Math.min(this.climbed.start, node.startIndex);
    this.climbed.end = Math.max(this.climbed.end, node.endIndex);
  }

  /** The lines around a value, which its judgement reads (`refusal` in report.ts). */
  private readAround(span: Span): void {
    const lines = this.ctx.lines;
    this.reads.push({ start: lines.lineStart(lines.lineOf(span.start) - FIREBASE_CONFIG_REACH), end: lines.lineEnd(lines.lineOf(span.end) + FIREBASE_CONFIG_REACH) });
  }

  /** `Node.parent` searches down from the root on every call: each anchor's climbs share one lookup per node. */
  private parentOf(node: Node): Node | null {
    let parent = this.parents.get(node.id);
    if (parent === undefined) {
      parent = node.parent;
      this.parents.set(node.id, parent);
    }
    if (parent && !this.typesOnly) this.touch(parent);
    return parent;
  }

  private slice(node: Node): string {
    return this.text.slice(node.startIndex, node.endIndex);
  }

  /** The word at `leaf` names a binding: report the literal bound to it. False when no binding holds the word. */
  private fromName(leaf: Node): boolean {
    const p = this.profile;
    let cur = leaf;
    let nameText = this.slice(leaf);
    const leafParent = this.parentOf(leaf);
    const holder = p.strings.has(leaf.type) || p.plainValues?.has(leaf.type) ? leaf : leafParent && p.strings.has(leafParent.type) ? leafParent : null;
    const holderLiteral = holder ? literalOf(holder, p, this.text) : null;
    if (holder) {
      cur = holder;
      if (holderLiteral) nameText = holderLiteral.text;
    }
    let listIndex = -1;
    for (let depth = 0; depth < MAX_CLIMB; depth++) {
      const parent = this.parentOf(cur);
      if (!parent) return false;
      const spec = p.bindings[parent.type];
      const nameChild = spec ? nameChildOf(parent, spec, p) : null;
      if (spec && nameChild) {
        if (p.inlinePairs && /\S\s+\S/.test(this.slice(nameChild).trim())) {
          this.fromInlinePairs(parent);
          return true;
        }
        if (nameChild.id === cur.id) {
          const value = valueChildOf(parent, spec, nameChild);
          const paired = value && p.lists?.has(value.type) ? this.pairedValue(parent, spec.name, cur, listIndex, value) : value;
          if (paired) this.bound(parent, nameText, paired);
        } else if (!this.fromNameValueSiblings(parent, nameChild, nameText)) {
          // The anchor is in the value (`postgres://…` under `DATABASE_URL`): judge it under the binding's own name.
          const value = valueChildOf(parent, spec, nameChild);
          if (value && value.id === cur.id) this.bound(parent, this.keyText(nameChild), value);
        }
        return true;
      }
      if (p.lists?.has(parent.type)) {
        listIndex = namedChildren(parent).findIndex((c) => c.id === cur.id);
      } else if (p.dottedNames?.has(parent.type)) {
        nameText = this.slice(parent);
      } else if (!p.nameWrappers.has(parent.type) && !(p.members.has(parent.type) && lastNamed(parent)?.id === cur.id)) {
        break;
      }
      cur = parent;
    }
    if (holderLiteral && holderLiteral.text.includes('=')) this.fromKeyValueString(holderLiteral);
    if (holderLiteral && holderLiteral.text.startsWith('${')) this.fromReferenceDefault(holderLiteral);
    if (holder && p.labelledDefaults) this.fromLabelledBlock(holder, nameText);
    this.fromLookup(cur);
    return false;
  }

  /** `a, b := "x", "y"` and `var a, b = "x", "y"`: the value at the name's position. */
  private pairedValue(binding: Node, nameField: string | undefined, name: Node, listIndex: number, values: Node): Node | undefined {
    let index = listIndex;
    if (index < 0) index = nameField ? binding.childrenForFieldName(nameField).findIndex((c) => c.id === name.id) : 0;
    return index < 0 ? undefined : namedChildren(values)[index];
  }

  /** A name bound to `value`: a literal, a `(user, password)` pair, or an environment lookup with a fallback. */
  private bound(binding: Node, name: string, value: Node): void {
    const cls = classifyName(name);
    if (!cls) return;
    const literal = literalOf(value, this.profile, this.text) ??
      (this.profile.sequences.has(value.type) && PIECES.has(splitWords(name).pop() ?? '') ? joinedElements(value, this.profile, this.text) : null);
    if (literal) {
      const section = this.encryptedSection(binding);
      if (section) {
        this.dropped(cls.kind, literal.span, `ciphertext under \`${section}\` (encrypted, safe to commit by design)`);
        return;
      }
      const strong = cls.strong || this.insideClientCall(binding);
      this.report(cls.kind, strong, name, { how: 'assigned' }, literal);
      return;
    }
    if (PAIR_KEYS.has(name.toLowerCase()) && this.profile.sequences.has(value.type)) {
      const items = elementsOf(value, this.profile);
      const password = items.length === 2 ? literalOf(items[1], this.profile, this.text) : null;
      if (password) this.report('password', true, name, { how: 'assigned' }, password);
      return;
    }
    this.fromLookupExpression(value, name, cls);
  }

  /** The name of an enclosing key whose values are ciphertext (`encryptedData`, Renovate `encrypted`), if any. */
  private encryptedSection(binding: Node): string | null {
    this.typesOnly = true;
    try {
      let cur = this.parentOf(binding);
      for (let depth = 0; cur && depth < 8; depth++, cur = this.parentOf(cur)) {
        const spec = this.profile.bindings[cur.type];
        const name = spec ? nameChildOf(cur, spec, this.profile) : null;
        if (spec) this.reads.push({ start: cur.startIndex, end: name ? name.endIndex : cur.endIndex });
        const key = name ? this.keyText(name) : '';
        if (ENCRYPTED_SECTIONS.has(key.toLowerCase())) return key;
      }
      return null;
    } finally {
      this.typesOnly = false;
    }
  }

  /** `web-01 ansible_user=deploy ansible_password=…`: an INI setting that is a host line with several pairs. */
  private fromInlinePairs(binding: Node): void {
    for (const pair of inlinePairs(this.text, binding.startIndex, binding.endIndex)) {
      const cls = classifyName(pair.name);
      const span = { start: pair.valueStart, end: pair.valueEnd };
      if (cls) this.report(cls.kind, cls.strong, pair.name, { how: 'assigned' }, { text: this.text.slice(span.start, span.end), span });
    }
  }

  /** `# password for the legacy db: …`: a credential written out in a comment, on the anchor's line. */
  private fromComment(comment: Node, offset: number): void {
    this.comment = true;
    const line = this.ctx.lines.lineOf(offset);
    const from = Math.max(comment.startIndex, this.ctx.lines.lineStart(line));
    const to = Math.min(comment.endIndex, this.ctx.lines.lineEnd(line));
    this.readAround({ start: from, end: to });
    this.drops = [];
    const found = reportProse(this.scope, from, to, 'a comment');
    for (const drop of this.drops) this.events.push({ drop });
    for (const finding of found) this.events.push({ start: (finding.valueSpan ?? finding.span).start, finding, drops: [] });
  }

  /** `{ name: "DB_PASSWORD", value: "…" }`: the name is a sibling key's value. */
  private fromNameValueSiblings(binding: Node, nameChild: Node, variable: string): boolean {
    const key = this.keyText(nameChild).toLowerCase();
    if (!NAME_KEYS.has(key)) return false;
    const container = this.parentOf(binding);
    if (!container || container.namedChildCount > MAX_NAME_VALUE_MEMBERS) return true;
    for (const sibling of namedChildren(container)) {
      const spec = this.profile.bindings[sibling.type];
      const siblingName = spec ? nameChildOf(sibling, spec, this.profile) : null;
      if (!spec || !siblingName || !VALUE_KEYS.has(this.keyText(siblingName).toLowerCase())) continue;
      const value = valueChildOf(sibling, spec, siblingName);
      const literal = value ? literalOf(value, this.profile, this.text) : null;
      const cls = classifyName(variable);
      if (literal && cls) this.report(cls.kind, cls.strong, variable, { how: 'assigned' }, literal);
    }
    return true;
  }

  /** `variable "db_password" { default = "…" }` in Terraform. */
  private fromLabelledBlock(label: Node, name: string): void {
    const spec = this.profile.labelledDefaults!;
    const block = this.parentOf(label);
    if (!block || block.type !== spec.block || this.slice(firstNamed(block) ?? block) !== spec.keyword) return;
    const cls = classifyName(name);
    const body = namedChildren(block).find((c) => c.type === spec.body);
    if (!cls || !body) return;
    for (const attribute of namedChildren(body)) {
      const bindingSpec = this.profile.bindings[attribute.type];
      const attrName = bindingSpec ? nameChildOf(attribute, bindingSpec, this.profile) : null;
      if (!bindingSpec || !attrName || this.slice(attrName) !== spec.attribute) continue;
      const value = valueChildOf(attribute, bindingSpec, attrName);
      const literal = value ? literalOf(value, this.profile, this.text) : null;
      if (literal) this.report(cls.kind, cls.strong, name, { how: 'assigned' }, literal);
    }
  }

  /** `"DB_PASSWORD=…"` as a list element or argument (docker-compose `environment`, `--password=…`). */
  private fromKeyValueString(literal: Literal): void {
    // `a=b&c=d` is a query string (a test's expected output, a URL part), not a setting.
    if (literal.span.end - literal.span.start !== literal.text.length || literal.text.includes('&')) return;
    const kv = splitKeyValue(literal.text);
    const cls = kv ? classifyName(kv.name) : null;
    if (!kv || !cls) return;
    const start = literal.span.start + kv.valueStart;
    const end = literal.span.start + kv.valueEnd;
    this.report(cls.kind, cls.strong, kv.name, { how: 'assigned' }, { text: this.text.slice(start, end), span: { start, end } });
  }

  /** `@Value("${db.password:devpass}")`: a reference whose default is a literal, outside any binding. */
  private fromReferenceDefault(literal: Literal): void {
    const ref = referenceDefault(literal.text);
    const cls = ref ? classifyName(ref.name) : null;
    if (ref && cls) this.report(cls.kind, cls.strong, ref.name, { how: 'env-default' }, literal);
  }

  private keyText(node: Node): string {
    const literal = literalOf(node, this.profile, this.text);
    return literal ? literal.text : this.slice(node);
  }

  /** Options of a client constructor (`new Octokit({ auth })`, `createTransport({ auth: { pass } })`) name credentials. */
  private insideClientCall(binding: Node): boolean {
    this.typesOnly = true;
    try {
      let cur: Node | null = this.parentOf(binding);
      for (let depth = 0; cur && depth < 5; depth++, cur = this.parentOf(cur)) {
        if (!this.profile.calls[cur.type]) continue;
        this.reads.push({ start: cur.startIndex, end: cur.endIndex });
        const callee = calleeOf(cur, this.profile, this.text);
        const last = callee?.segments[callee.segments.length - 1]?.toLowerCase();
        return last !== undefined && CLIENT_CALLS.has(last);
      }
      return false;
    } finally {
      this.typesOnly = false;
    }
  }

  /** The word at `leaf` is part of a call: a credential sink, a setter, a keyed store, an environment lookup. */
  private fromCall(leaf: Node): void {
    let cur: Node | null = leaf;
    for (let depth = 0; cur && depth < MAX_CLIMB; depth++, cur = this.parentOf(cur)) {
      if (!this.profile.calls[cur.type]) continue;
      if (this.callsSeen.has(cur.id)) return;
      this.callsSeen.add(cur.id);
      this.analyzeCall(cur);
      this.fromLookup(cur);
      return;
    }
  }

  private analyzeCall(call: Node): void {
    const p = this.profile;
    const callee = calleeOf(call, p, this.text);
    if (!callee || callee.segments.length === 0) return;
    const segments = callee.segments;
    const last = segments[segments.length - 1];
    const label = segments.slice(-2).join('.');
    const args = argumentsOf(call, p, this.text);

    for (const sink of SINKS) {
      if (sink.languages && !sink.languages.includes(this.language)) continue;
      if (!calleeMatches(segments, sink.names, sink.qualifiers)) continue;
      for (const arg of sink.args) {
        const node = args.positional[arg.index] ?? args.named.find((a) => arg.keywords?.includes(a.name))?.value;
        const literal = node ? literalOf(node, p, this.text) : null;
        if (literal) this.report(arg.kind, true, label, { how: 'sink', callee: label }, literal, false);
      }
    }

    if (args.positional.length === 1 && args.named.length === 0) {
      const property = last.replace(SETTER_PREFIX, '');
      const cls = classifyName(property);
      const isMethod = segments.length >= 2 || callee.receiver !== null;
      if (cls?.strong && (property !== last || isMethod)) {
        const literal = literalOf(args.positional[0], p, this.text);
        if (literal) this.report(cls.kind, true, property, { how: 'sink', callee: label }, literal);
      }
    }

    if (KEYED_CALLS.has(last.toLowerCase()) && args.positional.length >= 2) {
      const key = literalOf(args.positional[0], p, this.text);
      const cls = key ? classifyName(key.text) : null;
      const literal = cls ? literalOf(args.positional[1], p, this.text) : null;
      if (key && cls && literal) this.report(cls.kind, cls.strong, key.text, { how: 'assigned' }, literal);
    }
  }

  /** From an expression that may be an environment lookup, climb to where it gets a fallback literal. */
  private fromLookup(start: Node): void {
    let cur: Node | null = start;
    for (let depth = 0; cur && depth < 4; depth++, cur = this.parentOf(cur)) {
      const found = this.lookupWithFallback(cur);
      if (found) {
        this.reportFallback(found, null, null);
        return;
      }
    }
  }

  /** `name = os.getenv("X", "…")`: the fallback of a lookup bound to a secret-named variable. */
  private fromLookupExpression(value: Node, boundName: string, boundClass: NameClass): void {
    const found = this.lookupWithFallback(value);
    if (found) this.reportFallback(found, boundName, boundClass);
  }

  private reportFallback(found: Lookup, boundName: string | null, boundClass: NameClass | null): void {
    const fallback = found.fallback;
    const literal = 'span' in fallback ? fallback : literalOf(fallback, this.profile, this.text) ?? this.closureLiteral(fallback);
    if (!literal) return;
    const envClass = found.name ? classifyName(found.name) : null;
    const name = envClass ? found.name! : boundName;
    const cls = envClass ?? boundClass;
    if (name && cls) this.report(cls.kind, cls.strong, name, { how: 'env-default' }, literal);
  }

  /** `|_| "x".into()`, `() -> "x"`: a closure whose body is a literal. */
  private closureLiteral(node: Node): Literal | null {
    if (!/closure|lambda|arrow_function|block/.test(node.type)) return null;
    const body = node.childForFieldName('body') ?? lastNamed(node);
    if (!body) return null;
    const inner = body.type === 'block_body' || body.type === 'block' ? firstNamed(body) : body;
    return inner ? literalOf(inner, this.profile, this.text) : null;
  }

  /** When `expr` is an environment lookup given a fallback, the lookup's variable name and the fallback. */
  private lookupWithFallback(expr: Node): Lookup | null {
    const p = this.profile;
    if (expr.type === 'expansion') return this.shellDefault(expr);
    if (p.fallbacks?.has(expr.type)) {
      const left = firstNamed(expr);
      const right = lastNamed(expr);
      if (!left || !right || left.id === right.id || !this.isFallbackOperator(expr)) return null;
      const lookup = this.envLookup(left);
      return lookup ? { name: lookup.name, fallback: right } : null;
    }
    if (!p.calls[expr.type]) return null;
    const callee = calleeOf(expr, p, this.text);
    if (!callee) return null;
    const segments = callee.segments;
    const method = segments[segments.length - 1]?.toLowerCase() ?? '';
    const withDefault = ENV_CALLS_WITH_DEFAULT.some((c) => calleeMatches(segments, c.names, c.qualifiers));
    const firstNonEmpty = !withDefault && FIRST_NON_EMPTY.some((c) => calleeMatches(segments, c.names, c.qualifiers));
    const fallbackMethod = FALLBACK_METHODS.has(method) && callee.receiver !== null;
    if (!withDefault && !firstNonEmpty && !fallbackMethod) return null;
    const args = argumentsOf(expr, p, this.text);
    if (withDefault) {
      const name = args.positional[0] ? literalOf(args.positional[0], p, this.text)?.text ?? null : null;
      const fallback = args.positional[1] ?? args.named.find((a) => a.name === 'default')?.value ?? expr.childForFieldName('block');
      if (name !== null && fallback) return { name, fallback };
      return null;
    }
    if (firstNonEmpty) {
      const lookup = args.positional.length >= 2 ? this.envLookup(args.positional[0]) : null;
      return lookup ? { name: lookup.name, fallback: args.positional[args.positional.length - 1] } : null;
    }
    if (callee.receiver) {
      const lookup = this.envLookup(callee.receiver);
      if (!lookup) return null;
      if (method === 'getordefault') {
        const name = args.positional[0] ? literalOf(args.positional[0], p, this.text)?.text ?? null : null;
        return args.positional[1] ? { name, fallback: args.positional[1] } : null;
      }
      return args.positional[0] ? { name: lookup.name, fallback: args.positional[0] } : null;
    }
    return null;
  }

  private isFallbackOperator(expr: Node): boolean {
    const ops = this.profile.fallbackOperators;
    if (!ops) return false;
    const operator = expr.childForFieldName('operator');
    if (operator) return ops.has(operator.type);
    // `a ?: b` in PHP is a conditional without a middle part.
    if (expr.childForFieldName('alternative') && !expr.childForFieldName('body')) return true;
    for (let i = 0; i < expr.childCount; i++) {
      const c = expr.child(i);
      if (c && !c.isNamed && ops.has(c.type)) return true;
    }
    return false;
  }

  /** `${DB_PASSWORD:-hunter2}` in a shell script. */
  private shellDefault(expansion: Node): Lookup | null {
    const operator = expansion.childForFieldName('operator');
    if (!operator || ![':-', '-', ':=', '='].includes(operator.type)) return null;
    const variable = firstNamed(expansion);
    if (!variable || this.text[expansion.endIndex - 1] !== '}') return null;
    // The grammar splits a default such as `Smtp-Pw` into parts; the text up to `}` is the value.
    const span = { start: operator.endIndex, end: expansion.endIndex - 1 };
    if (/[$`"'\\]/.test(this.text.slice(span.start, span.end))) return null;
    return { name: this.slice(variable), fallback: { text: this.text.slice(span.start, span.end), span } };
  }

  /** When `node` reads an environment variable: its name (null when not a literal). */
  private envLookup(node: Node): { name: string | null } | null {
    const p = this.profile;
    let cur = node;
    while (p.valueWrappers.has(cur.type) || p.argumentWrappers?.has(cur.type)) {
      const inner = firstNamed(cur);
      if (!inner) return null;
      cur = inner;
    }
    if (p.calls[cur.type]) {
      const callee = calleeOf(cur, p, this.text);
      if (!callee) return null;
      if (ENV_CALLS.some((c) => calleeMatches(callee.segments, c.names, c.qualifiers))) {
        const args = argumentsOf(cur, p, this.text);
        return { name: args.positional[0] ? literalOf(args.positional[0], p, this.text)?.text ?? null : null };
      }
      // `Optional.ofNullable(System.getenv("X"))`, `env::var("X").ok()`
      const method = callee.segments[callee.segments.length - 1]?.toLowerCase() ?? '';
      if (method === 'ofnullable' || method === 'of') {
        const args = argumentsOf(cur, p, this.text);
        return args.positional[0] ? this.envLookup(args.positional[0]) : null;
      }
      if ((method === 'ok' || method === 'tostring') && callee.receiver) return this.envLookup(callee.receiver);
      return null;
    }
    if (p.members.has(cur.type)) {
      const object = firstNamed(cur);
      const member = lastNamed(cur);
      if (!object || !member || object.id === member.id) return null;
      if (!ENV_OBJECTS.has(this.slice(object).replace(/\s+/g, ''))) return null;
      const literal = literalOf(member, p, this.text);
      return { name: literal ? literal.text : this.slice(member) };
    }
    return null;
  }

  private dropped(kind: SecretKind, span: Span, reason: string): void {
    this.events.push({ drop: [genericRuleId(kind), span, reason] });
  }

  private report(kind: SecretKind, strong: boolean, name: string, context: HitContext, literal: Literal, bound = true): void {
    if (this.reported.has(literal.span.start)) return;
    this.readAround(literal.span);
    const exact = literal.span.end - literal.span.start === literal.text.length && this.text.startsWith(literal.text, literal.span.start);
    this.drops = [];
    const finding = reportHit({ kind, strong, name, bound, context, value: literal.text, valueSpan: literal.span, exact }, this.scope);
    this.events.push({ start: literal.span.start, finding, drops: this.drops });
    if (finding) this.reported.add(literal.span.start);
  }
}

/**
 * Anchor visits put together as one walk over them in order would: a literal counts once (for the
 * first anchor that reported it), a comment line once, and at most MAX_FINDINGS findings.
 */
export class VisitMerge {
  readonly findings: RawFinding[] = [];
  private readonly reported = new Set<number>();
  private readonly commentLines = new Set<number>();

  constructor(private readonly ctx: ScanContext) {}

  get full(): boolean {
    return this.findings.length >= MAX_FINDINGS;
  }

  add(anchor: number, visit: AnchorVisit): void {
    if (visit.comment) {
      const line = this.ctx.lines.lineOf(anchor);
      if (this.commentLines.has(line)) return;
      this.commentLines.add(line);
    }
    for (const event of visit.events) {
      if ('drop' in event) {
        this.ctx.drop?.(...event.drop);
        continue;
      }
      if (this.reported.has(event.start) || this.full) continue;
      for (const drop of event.drops) this.ctx.drop?.(...drop);
      if (!event.finding) continue;
      this.reported.add(event.start);
      this.findings.push(event.finding);
    }
  }
}
