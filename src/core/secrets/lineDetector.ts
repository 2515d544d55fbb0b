// Generic secret detection for line-oriented files without a grammar: dotenv, Dockerfile `ENV` and
// `ARG`, .netrc, XML settings, Markdown prose, and other text (`NAME=value`, `NAME: value`,
// `export NAME=value`, Ansible inventory host lines, credentials written out in sentences). Also the
// fallback for grammar languages whose tree is unavailable (grammar turned off or failed to load).
import type { Detector, ScanContext } from '../detector';
import { baseName, isTreeLanguage } from '../lang/languages';
import type { RawFinding } from '../types';
import { classifyName } from './names';
import { anchorsOf } from './generic/anchors';
import { inlinePairs, unquoted } from './generic/keyValue';
import { reportProse } from './generic/prose';
import { GENERIC_RULES, reportHit, scopeOf, type ReportScope } from './generic/report';

interface Mode {
  /** Shown in messages: "in a .env file". */
  what: string;
  /** `NAME: value` counts too (not in dotenv, where it is not valid). */
  colon: boolean;
  /** Values must be quoted (code read without a grammar: a bare word there is an identifier). */
  quotedOnly: boolean;
  /** Vague names (`auth`, `foo_key`) count, as heuristic findings. */
  weakNames: boolean;
  /** Plain text: host lines with several `name=value` pairs and sentences ("the password is …") count too. */
  text?: boolean;
}

const CODE_LANGUAGES = new Set(['javascript', 'typescript', 'tsx', 'python', 'go', 'java', 'csharp', 'ruby', 'php', 'rust', 'kotlin', 'json', 'hcl']);
const MARKDOWN = /\.(?:md|mdx|markdown)$/i;
const COMMENT = /^\s*(?:#|\/\/|;|--|\*|\/\*|<!--)/;
/** In dotenv files (and .npmrc, read as dotenv) `//` starts a registry key, not a comment. */
const DOTENV_COMMENT = /^\s*[#;]/;
/** `[export] NAME = value`, `"NAME": value`, `$NAME = value`, `set NAME=value`, `//registry/:_authToken=value` (.npmrc). */
const LINE_ASSIGNMENT = /^(\s*(?:export\s+|set\s+|\$|\/\/[^\s=]{1,200}:)?["']?)([A-Za-z_][\w.-]{0,127})(["']?\s*)([=:])/;
/** A bare value that is code, not a secret: a call, a member access, an array or object. References (`${X}`, `$(cmd)`) and ciphertext (`ENC[…]`) are judged, with their reason. */
const CODE_VALUE = /^[A-Za-z_$][\w$.]*\(|^[[{]|^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;
const DOCKER_INSTRUCTION = /^(\s*)(ENV|ARG)\s+/i;
const NETRC_PASSWORD = /(?:^|\s)password\s+(\S+)/g;
const FENCE = /^[ \t>]*(?:`{3,}|~{3,})/;

function modeOf(ctx: ScanContext): Mode | null {
  switch (ctx.language) {
    case 'dotenv':
      return { what: 'a .env file', colon: false, quotedOnly: false, weakNames: true };
    case 'dockerfile':
      return { what: 'a Dockerfile', colon: false, quotedOnly: false, weakNames: true };
    case 'markdown':
      return { what: 'Markdown prose', colon: false, quotedOnly: false, weakNames: false };
    case 'text':
      return MARKDOWN.test(ctx.path)
        ? { what: 'a Markdown file', colon: false, quotedOnly: false, weakNames: false }
        : { what: 'a text file', colon: true, quotedOnly: false, weakNames: false, text: true };
    default:
      // Grammar languages come here only when their tree is missing.
      if (!isTreeLanguage(ctx.language) || ctx.tree) return null;
      return { what: 'this file', colon: true, quotedOnly: CODE_LANGUAGES.has(ctx.language), weakNames: false };
  }
}

export const genericLineDetector: Detector = {
  id: 'secret/generic-lines',
  rules: GENERIC_RULES,
  detect(ctx: ScanContext): RawFinding[] {
    if (ctx.generated) return [];
    const mode = modeOf(ctx);
    if (!mode) return [];
    const anchors = anchorsOf(ctx);
    if (anchors.length === 0) return [];
    const scope = scopeOf(ctx);
    const netrc = /^[._]netrc$/i.test(baseName(ctx.path));
    let fenced: Set<number> | undefined;
    const out: RawFinding[] = [];
    let lastLine = -1;
    for (const offset of anchors) {
      const line = ctx.lines.lineOf(offset);
      if (line === lastLine) continue;
      lastLine = line;
      const start = ctx.lines.lineStart(line);
      const text = ctx.lines.lineText(line);
      if (netrc) out.push(...netrcLine(text, start, scope));
      else if (ctx.language === 'markdown') {
        // Fenced blocks are scanned as their own regions, in their own language.
        if (!(fenced ??= fencedLines(ctx)).has(line)) out.push(...reportProse(scope, start, start + text.length, mode.what));
      } else if (mode.text && text.includes('<')) out.push(...xmlLine(ctx, line, text, start, mode, scope));
      else if ((ctx.language === 'dotenv' ? DOTENV_COMMENT : COMMENT).test(text)) {
        out.push(...reportProse(scope, start, start + text.length, 'a comment'));
      } else if (ctx.language === 'dockerfile') out.push(...dockerLine(ctx, line, text, start, scope));
      else out.push(...(assignmentLine(text, start, mode, scope) ?? (mode.text ? textLine(text, start, mode, scope) : [])));
    }
    return out;
  },
};

/** `NAME=value` and friends on one line; null when the line is not an assignment. */
function assignmentLine(line: string, lineStart: number, mode: Mode, scope: ReportScope): RawFinding[] | null {
  const m = LINE_ASSIGNMENT.exec(line);
  if (!m || (m[4] === ':' && !mode.colon)) return null;
  // `a == b`, `a := b` are comparisons and declarations in code, not settings.
  if (line[m[0].length] === '=' || (m[4] === ':' && line[m[0].length] === ':')) return [];
  let end = line.length;
  const valueStart = m[0].length;
  const rest = line.slice(valueStart).trimStart();
  const quoted = rest[0] === '"' || rest[0] === "'" || rest[0] === '`';
  if (quoted) {
    const open = line.indexOf(rest[0], valueStart);
    const close = line.indexOf(rest[0], open + 1);
    if (close === -1) return [];
    end = close + 1;
    if (/\S/.test(line.slice(end).replace(/^\s*[,;]?\s*(?:(?:#|\/\/).*)?$/, ''))) return [];
  } else {
    if (mode.quotedOnly) return [];
    const comment = line.slice(valueStart).search(/\s#/);
    if (comment !== -1) end = valueStart + comment;
    end = valueStart + line.slice(valueStart, end).replace(/[,;]\s*$/, '').length;
    if (CODE_VALUE.test(line.slice(valueStart, end).trim())) return [];
  }
  return hit(m[2], line, lineStart, valueStart, end, mode, scope);
}

/** A text line that is no assignment: a host line with `name=value` pairs (Ansible inventory), or a sentence. */
function textLine(line: string, lineStart: number, mode: Mode, scope: ReportScope): RawFinding[] {
  const pairs = inlinePairs(line);
  if (pairs.length === 0) return reportProse(scope, lineStart, lineStart + line.length, mode.what);
  return pairs.flatMap((p) => hit(p.name, line, lineStart, p.valueStart, p.valueEnd, mode, scope));
}

/** The finding for the value in `text[from, to)` bound to `name`; `text` may be one line (offsets from `textStart`) or the whole region. */
function hit(name: string, text: string, textStart: number, from: number, to: number, mode: Mode, scope: ReportScope): RawFinding[] {
  const cls = classifyName(name);
  if (!cls || (!cls.strong && !mode.weakNames)) return [];
  const { valueStart, valueEnd } = unquoted(text, from, to);
  const finding = reportHit({
    kind: cls.kind,
    strong: cls.strong,
    name,
    context: { how: 'file', what: mode.what },
    value: text.slice(valueStart, valueEnd),
    valueSpan: { start: textStart + valueStart, end: textStart + valueEnd },
    exact: true,
  }, scope);
  return finding ? [finding] : [];
}

/** `ENV NAME=value OTHER=value`, `ENV NAME value`, `ARG NAME=value`, and their continuation lines. */
function dockerLine(ctx: ScanContext, lineNo: number, line: string, lineStart: number, scope: ReportScope): RawFinding[] {
  const mode: Mode = { what: 'a Dockerfile', colon: false, quotedOnly: false, weakNames: true };
  let body = 0;
  const m = DOCKER_INSTRUCTION.exec(line);
  if (m) body = m[0].length;
  else if (!continuesInstruction(ctx, lineNo)) return [];
  let end = line.length;
  if (line.trimEnd().endsWith('\\')) end = line.lastIndexOf('\\');
  const pairs = inlinePairs(line, body, end);
  const out = pairs.flatMap((p) => hit(p.name, line, lineStart, p.valueStart, p.valueEnd, mode, scope));
  // Legacy form `ENV NAME value`: the rest of the line is the value.
  const legacy = pairs.length === 0 && m && m[2].toUpperCase() === 'ENV' ? /^([A-Za-z_][\w.-]{0,127})\s+(\S.*)$/.exec(line.slice(body, end)) : null;
  if (legacy) out.push(...hit(legacy[1], line, lineStart, body + legacy[0].length - legacy[2].length, body + legacy[0].length, mode, scope));
  return out;
}

/** True when an earlier line, continued with `\`, started an `ENV` or `ARG` instruction. */
function continuesInstruction(ctx: ScanContext, lineNo: number): boolean {
  for (let i = lineNo - 1; i >= 0 && lineNo - i < 50; i--) {
    const previous = ctx.lines.lineText(i);
    if (!previous.trimEnd().endsWith('\\')) return false;
    if (DOCKER_INSTRUCTION.test(previous)) return true;
    if (/^\s*[A-Z]+\s/.test(previous) && !/=/.test(previous)) return false;
  }
  return false;
}

/** `<tag>value</tag>` or `<tag><![CDATA[value]]></tag>`: group 2 is the CDATA content, group 3 the text. */
const XML_ELEMENT = /<([A-Za-z_][\w.:-]{0,127})>(?:<!\[CDATA\[([^\]<]{1,256})\]\]>|([^<]{1,256}))<\/\1>/g;
/** `<prop key="name">value</prop>`, `<string name="api_key">value</string>`. */
const XML_KEYED_ELEMENT = /<([A-Za-z_][\w.:-]{0,63})\s[^<>]{0,200}?\b(?:key|name)\s*=\s*["']([^"'<>]{1,128})["'][^<>]{0,200}>([^<]{1,256})<\/\1>/gi;
const XML_NAME_VALUE = /\b(?:key|name)\s*=\s*(?:"([^"]{1,128})"|'([^']{1,128})')[^<>]{0,200}?\bvalue\s*=\s*(?:"([^"]{0,256})"|'([^']{0,256})')/i;
const XML_ATTRIBUTE = /\b([A-Za-z_][\w.:-]{0,127})\s*=\s*(?:"([^"]{0,256})"|'([^']{0,256})')/g;
/** The element that holds the value named by a preceding `<name>`/`<key>` (Hadoop `<value>`, plist `<string>`). */
const XML_NAMED_VALUE = /<(value|string)>(?:<!\[CDATA\[([^\]<]{1,256})\]\]>|([^<]{1,256}))<\/\1>/;
const CDATA_OPEN = '<![CDATA['.length;

/**
 * XML settings (web.config, Maven settings.xml and pom.xml, Spring beans, Hadoop *-site.xml,
 * Android resources, plists): `<password>value</password>`, `<![CDATA[…]]>` values,
 * `<add key="DbPassword" value="…"/>`, `<property name="password" value="…"/>`,
 * `<prop key="mail.password">…</prop>`, `<name>…password</name>` then `<value>…</value>`, `password="…"`.
 */
function xmlLine(ctx: ScanContext, lineNo: number, line: string, lineStart: number, mode: Mode, scope: ReportScope): RawFinding[] {
  const out: RawFinding[] = [];
  for (const m of line.matchAll(XML_ELEMENT)) {
    const from = m.index! + m[1].length + 2 + (m[2] !== undefined ? CDATA_OPEN : 0);
    const content = m[2] ?? m[3];
    if ((m[1] === 'name' || m[1] === 'key') && classifyName(content.trim())) out.push(...namedValue(ctx, lineNo, lineStart + m.index! + m[0].length, content.trim(), mode, scope));
    else out.push(...hit(m[1], line, lineStart, from, from + content.length, mode, scope));
  }
  for (const m of line.matchAll(XML_KEYED_ELEMENT)) {
    const to = m.index! + m[0].length - m[1].length - 3;
    out.push(...hit(m[2], line, lineStart, to - m[3].length, to, mode, scope));
  }
  const pair = XML_NAME_VALUE.exec(line);
  if (pair) {
    const to = pair.index + pair[0].length - 1;
    const value = pair[3] ?? pair[4];
    out.push(...hit(pair[1] ?? pair[2], line, lineStart, to - value.length, to, mode, scope));
    return out;
  }
  for (const m of line.matchAll(XML_ATTRIBUTE)) {
    const to = m.index! + m[0].length - 1;
    out.push(...hit(m[1], line, lineStart, to - (m[2] ?? m[3]).length, to, mode, scope));
  }
  if (out.length === 0 && line.includes('<!--')) out.push(...reportProse(scope, lineStart, lineStart + line.length, 'a comment'));
  return out;
}

/** `<name>fs.s3a.secret.key</name>` followed by `<value>…</value>` on the same line or one of the next two. */
function namedValue(ctx: ScanContext, lineNo: number, from: number, name: string, mode: Mode, scope: ReportScope): RawFinding[] {
  const to = ctx.lines.lineEnd(lineNo + 2);
  const m = XML_NAMED_VALUE.exec(ctx.text.slice(from, to));
  if (!m) return [];
  const start = from + m.index + m[1].length + 2 + (m[2] !== undefined ? CDATA_OPEN : 0);
  return hit(name, ctx.text, 0, start, start + (m[2] ?? m[3]).length, mode, scope);
}

/** `machine host login user password value` in .netrc. */
function netrcLine(line: string, lineStart: number, scope: ReportScope): RawFinding[] {
  const mode: Mode = { what: '.netrc', colon: false, quotedOnly: false, weakNames: false };
  const out: RawFinding[] = [];
  for (const m of line.matchAll(NETRC_PASSWORD)) {
    const to = m.index! + m[0].length;
    out.push(...hit('password', line, lineStart, to - m[1].length, to, mode, scope));
  }
  return out;
}

/** Lines inside fenced code blocks of a Markdown region (the fences included). */
function fencedLines(ctx: ScanContext): Set<number> {
  const lines = new Set<number>();
  let open = -1;
  for (let i = 0; i < ctx.lines.lineCount; i++) {
    if (!FENCE.test(ctx.lines.lineText(i))) {
      if (open !== -1) lines.add(i);
      continue;
    }
    lines.add(i);
    open = open === -1 ? i : -1;
  }
  return lines;
}
