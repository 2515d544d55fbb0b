// Bicep, read as text (there is no Bicep grammar here): `Microsoft.Authorization/roleAssignments`
// giving Owner, Contributor, User Access Administrator or RBAC Administrator (by definition GUID,
// written inline or in a `var`/`param`) at subscription or management-group scope (`targetScope`, or
// the resource's own `scope: subscription()`), and `Microsoft.Authorization/roleDefinitions` whose
// `actions` hold `*` or `Microsoft.Authorization/*`. Comments are blanked first; strings are
// single-quoted in Bicep, so brackets inside them are skipped.
import type { ScanContext } from '../../detector';
import type { RawFinding, Span } from '../../types';
import { assignment, judgePermissions, type Permission } from './findings';
import { roleById, type BroadScope, type PrivilegedRole } from './roles';

const RESOURCE = /^[ \t]*resource\s+(\w+)\s+'Microsoft\.Authorization\/(roleAssignments|roleDefinitions)@[\w-]+'\s*=\s*(?:if\s*\([^)\n]*\)\s*)?\{/gim;
const TARGET_SCOPE = /^[ \t]*targetScope\s*=\s*'(\w+)'/m;
const DECLARATION = /^[ \t]*(?:var|param)\s+(\w+)(?:\s+string)?\s*=\s*'([^'\n]*)'/gm;
const PERMISSION_LIST = /\b(actions|notActions|dataActions|notDataActions)\s*:\s*\[/g;
const STRING = /'((?:[^'\\\n]|\\.)*)'/g;
const MAX_RESOURCES = 200;

export function isBicep(ctx: ScanContext): boolean {
  return ctx.path.toLowerCase().endsWith('.bicep');
}

export function bicepFindings(ctx: ScanContext): RawFinding[] {
  if (ctx.generated || !ctx.lower.includes('microsoft.authorization/role')) return [];
  const text = blankComments(ctx.text);
  const target = TARGET_SCOPE.exec(text)?.[1].toLowerCase();
  const declarations = declared(text);
  const out: RawFinding[] = [];
  RESOURCE.lastIndex = 0;
  for (let m = RESOURCE.exec(text), n = 0; m && n < MAX_RESOURCES; m = RESOURCE.exec(text), n++) {
    const open = m.index + m[0].length - 1;
    const close = closing(text, open);
    if (close === -1) continue;
    const body = { start: open + 1, end: close };
    if (m[2].toLowerCase() === 'roleassignments') roleAssignment(text, body, m[1], target, declarations, out);
    else roleDefinition(text, body, m[1], out);
  }
  return out;
}

/** Comments replaced by spaces (line breaks kept), so offsets stay and brackets in comments do not count. */
export function blankComments(text: string): string {
  const out = text.split('');
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "'") {
      i++;
      while (i < text.length && text[i] !== "'" && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') out[i++] = ' ';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      for (; i < stop; i++) if (text[i] !== '\n' && text[i] !== '\r') out[i] = ' ';
    } else {
      i++;
    }
  }
  return out.join('');
}

/** The offset of the bracket closing the one at `open`, skipping strings; -1 when unbalanced. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      i++;
      while (i < text.length && text[i] !== "'" && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    } else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** `var x = '...'` and `param x string = '...'`: the string's content and where it starts. */
function declared(text: string): Map<string, { value: string; start: number }> {
  const out = new Map<string, { value: string; start: number }>();
  DECLARATION.lastIndex = 0;
  for (let m = DECLARATION.exec(text); m; m = DECLARATION.exec(text)) out.set(m[1], { value: m[2], start: m.index + m[0].length - 1 - m[2].length });
  return out;
}

/** A property `name: value` directly in the object between `body` (depth 0), or undefined. */
function property(text: string, body: Span, name: string): Span | undefined {
  const re = new RegExp(`(^|[\\s,{])${name}\\s*:\\s*`, 'g');
  re.lastIndex = body.start;
  for (let m = re.exec(text); m && m.index < body.end; m = re.exec(text)) {
    const at = m.index + m[1].length;
    if (depthAt(text, body.start, at) !== 0) continue;
    const start = m.index + m[0].length;
    const first = text[start];
    const end = first === '{' || first === '[' || first === '(' ? closing(text, start) + 1 : lineEndOf(text, start);
    return end > start ? { start, end: Math.min(end, body.end) } : undefined;
  }
  return undefined;
}

function lineEndOf(text: string, offset: number): number {
  const n = text.indexOf('\n', offset);
  const end = n === -1 ? text.length : n;
  return text.slice(offset, end).trimEnd().length + offset;
}

function depthAt(text: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === "'") {
      i++;
      while (i < to && text[i] !== "'" && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    } else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') depth--;
  }
  return depth;
}

function scopeOf(text: string, body: Span, target: string | undefined): BroadScope | undefined {
  const scope = property(text, body, 'scope');
  if (scope) {
    const value = text.slice(scope.start, scope.end).replace(/\s+/g, '');
    if (value === 'subscription()') return 'subscription';
    if (value === 'tenant()' || /^managementGroup\(/.test(value)) return 'management group';
    return undefined;
  }
  if (target === 'subscription') return 'subscription';
  if (target === 'managementgroup' || target === 'tenant') return 'management group';
  return undefined;
}

function roleAssignment(text: string, body: Span, symbol: string, target: string | undefined, declarations: Map<string, { value: string; start: number }>, out: RawFinding[]): void {
  const scope = scopeOf(text, body, target);
  const properties = property(text, body, 'properties');
  if (!scope || !properties || text[properties.start] !== '{') return;
  const id = property(text, { start: properties.start + 1, end: properties.end - 1 }, 'roleDefinitionId');
  if (!id) return;
  const value = text.slice(id.start, id.end);
  let found: { role: PrivilegedRole; guid: Span } | undefined;
  const inline = roleById(value);
  if (inline) found = { role: inline, guid: guidIn(value, id.start, inline) };
  for (const name of value.match(/\b[A-Za-z_]\w*\b/g) ?? []) {
    const declaration = !found ? declarations.get(name) : undefined;
    const role = declaration && roleById(declaration.value);
    if (role && declaration) found = { role, guid: guidIn(declaration.value, declaration.start, role) };
  }
  if (!found) return;
  out.push(assignment(found.role, scope, id, `The role assignment \`${symbol}\` assigns`, '',
    { role: found.guid, data: { syntax: 'bicep', role: found.role.name, written: 'guid' } }));
}

function guidIn(text: string, offset: number, role: PrivilegedRole): Span {
  const at = text.toLowerCase().indexOf(role.id);
  return { start: offset + at, end: offset + at + role.id.length };
}

function roleDefinition(text: string, body: Span, symbol: string, out: RawFinding[]): void {
  const lists = new Map<string, Permission[]>();
  PERMISSION_LIST.lastIndex = body.start;
  for (let m = PERMISSION_LIST.exec(text); m && m.index < body.end; m = PERMISSION_LIST.exec(text)) {
    const open = m.index + m[0].length - 1;
    const close = closing(text, open);
    if (close === -1 || close > body.end) continue;
    const items = lists.get(m[1]) ?? [];
    STRING.lastIndex = open;
    for (let s = STRING.exec(text); s && s.index < close; s = STRING.exec(text)) items.push({ text: s[1], span: { start: s.index + 1, end: s.index + 1 + s[1].length } });
    lists.set(m[1], items);
  }
  judgePermissions(lists.get('actions') ?? [], (lists.get('notActions') ?? []).map((a) => a.text), lists.get('dataActions') ?? [], `The custom role \`${symbol}\``, out);
}
