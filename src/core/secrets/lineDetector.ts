// Generic secret detection for line-oriented files without a grammar: dotenv, Dockerfile `ENV` and
// `ARG`, .netrc, and other text (`NAME=value`, `NAME: value`, `export NAME=value`). Also the
// fallback for grammar languages whose tree is unavailable (grammar turned off or failed to load).
import type { Detector, ScanContext } from '../detector';
import { baseName, isTreeLanguage } from '../lang/languages';
import type { RawFinding } from '../types';
import { classifyName } from './names';
import { anchorsOf } from './generic/anchors';
import { unquoted } from './generic/keyValue';
import { GENERIC_RULES, reportHit } from './generic/report';

interface Mode {
  /** Shown in messages: "in a .env file". */
  what: string;
  /** `NAME: value` counts too (not in dotenv, where it is not valid). */
  colon: boolean;
  /** Values must be quoted (code read without a grammar: a bare word there is an identifier). */
  quotedOnly: boolean;
  /** Vague names (`auth`, `foo_key`) count, as heuristic findings. */
  weakNames: boolean;
}

const CODE_LANGUAGES = new Set(['javascript', 'typescript', 'tsx', 'python', 'go', 'java', 'csharp', 'ruby', 'php', 'rust', 'kotlin', 'json', 'hcl']);
const MARKDOWN = /\.(?:md|mdx|markdown)$/i;
const COMMENT = /^\s*(?:#|\/\/|;|--|\*|<!--)/;
/** In dotenv files (and .npmrc, read as dotenv) `//` starts a registry key, not a comment. */
const DOTENV_COMMENT = /^\s*[#;]/;
/** `[export] NAME = value`, `"NAME": value`, `$NAME = value`, `set NAME=value`, `//registry/:_authToken=value` (.npmrc). */
const LINE_ASSIGNMENT = /^(\s*(?:export\s+|set\s+|\$|\/\/[^\s=]{1,200}:)?["']?)([A-Za-z_][\w.-]{0,127})(["']?\s*)([=:])/;
/** A bare value that is code, not a secret: a call, a member access, an expression. */
const CODE_VALUE = /[()[\]{}]|^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;
const DOCKER_INSTRUCTION = /^(\s*)(ENV|ARG)\s+/i;
const NETRC_PASSWORD = /(?:^|\s)password\s+(\S+)/g;

function modeOf(ctx: ScanContext): Mode | null {
  switch (ctx.language) {
    case 'dotenv':
      return { what: 'a .env file', colon: false, quotedOnly: false, weakNames: true };
    case 'dockerfile':
      return { what: 'a Dockerfile', colon: false, quotedOnly: false, weakNames: true };
    case 'text':
      return MARKDOWN.test(ctx.path)
        ? { what: 'a Markdown file', colon: false, quotedOnly: false, weakNames: false }
        : { what: 'a text file', colon: true, quotedOnly: false, weakNames: false };
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
    const netrc = /^[._]netrc$/i.test(baseName(ctx.path));
    const out: RawFinding[] = [];
    let lastLine = -1;
    for (const offset of anchors) {
      const line = ctx.lines.lineOf(offset);
      if (line === lastLine) continue;
      lastLine = line;
      const start = ctx.lines.lineStart(line);
      const text = ctx.lines.lineText(line);
      if (netrc) out.push(...netrcLine(text, start));
      else if (ctx.language === 'dockerfile') out.push(...dockerLine(ctx, line, text, start));
      else if (ctx.language === 'text' && text.includes('<') && !MARKDOWN.test(ctx.path)) out.push(...xmlLine(text, start, mode));
      else if (!(ctx.language === 'dotenv' ? DOTENV_COMMENT : COMMENT).test(text)) out.push(...assignmentLine(text, start, mode));
    }
    return out;
  },
};

/** `NAME=value` and friends on one line. */
function assignmentLine(line: string, lineStart: number, mode: Mode): RawFinding[] {
  const m = LINE_ASSIGNMENT.exec(line);
  if (!m || (m[4] === ':' && !mode.colon)) return [];
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
  return hit(m[2], line, lineStart, valueStart, end, mode);
}

function hit(name: string, line: string, lineStart: number, from: number, to: number, mode: Mode): RawFinding[] {
  const cls = classifyName(name);
  if (!cls || (!cls.strong && !mode.weakNames)) return [];
  const { valueStart, valueEnd } = unquoted(line, from, to);
  const value = line.slice(valueStart, valueEnd);
  const finding = reportHit({
    kind: cls.kind,
    strong: cls.strong,
    name,
    context: { how: 'file', what: mode.what },
    value,
    valueSpan: { start: lineStart + valueStart, end: lineStart + valueEnd },
    exact: true,
  });
  return finding ? [finding] : [];
}

/** `ENV NAME=value OTHER=value`, `ENV NAME value`, `ARG NAME=value`, and their continuation lines. */
function dockerLine(ctx: ScanContext, lineNo: number, line: string, lineStart: number): RawFinding[] {
  const mode: Mode = { what: 'a Dockerfile', colon: false, quotedOnly: false, weakNames: true };
  let body = 0;
  const m = DOCKER_INSTRUCTION.exec(line);
  if (m) body = m[0].length;
  else if (!continuesInstruction(ctx, lineNo)) return [];
  let end = line.length;
  if (line.trimEnd().endsWith('\\')) end = line.lastIndexOf('\\');
  const out: RawFinding[] = [];
  const pairs = /([A-Za-z_][\w.-]{0,127})=("[^"]*"|'[^']*'|\S*)/g;
  pairs.lastIndex = body;
  let any = false;
  for (let p = pairs.exec(line); p && p.index < end; p = pairs.exec(line)) {
    any = true;
    const from = p.index + p[1].length + 1;
    out.push(...hit(p[1], line, lineStart, from, from + p[2].length, mode));
  }
  // Legacy form `ENV NAME value`: the rest of the line is the value.
  const legacy = !any && m && m[2].toUpperCase() === 'ENV' ? /^([A-Za-z_][\w.-]{0,127})\s+(\S.*)$/.exec(line.slice(body, end)) : null;
  if (legacy) out.push(...hit(legacy[1], line, lineStart, body + legacy[0].length - legacy[2].length, body + legacy[0].length, mode));
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

const XML_ELEMENT = /<([A-Za-z_][\w.:-]{0,127})>([^<]{1,256})<\/\1>/g;
const XML_NAME_VALUE = /\b(?:key|name)\s*=\s*"([^"]{1,128})"[^<>]{0,200}?\bvalue\s*=\s*"([^"]{0,256})"/;
const XML_ATTRIBUTE = /\b([A-Za-z_][\w.:-]{0,127})\s*=\s*"([^"]{0,256})"/g;

/**
 * XML settings (web.config, Maven settings.xml, Spring beans): `<password>value</password>`,
 * `<add key="DbPassword" value="…"/>`, `<property name="password" value="…"/>`, `password="…"`.
 */
function xmlLine(line: string, lineStart: number, mode: Mode): RawFinding[] {
  const out: RawFinding[] = [];
  for (const m of line.matchAll(XML_ELEMENT)) {
    const from = m.index! + m[1].length + 2;
    out.push(...hit(m[1], line, lineStart, from, from + m[2].length, mode));
  }
  const pair = XML_NAME_VALUE.exec(line);
  if (pair) {
    const to = pair.index + pair[0].length - 1;
    out.push(...hit(pair[1], line, lineStart, to - pair[2].length, to, mode));
    return out;
  }
  for (const m of line.matchAll(XML_ATTRIBUTE)) {
    const to = m.index! + m[0].length - 1;
    out.push(...hit(m[1], line, lineStart, to - m[2].length, to, mode));
  }
  return out;
}

/** `machine host login user password value` in .netrc. */
function netrcLine(line: string, lineStart: number): RawFinding[] {
  const mode: Mode = { what: '.netrc', colon: false, quotedOnly: false, weakNames: false };
  const out: RawFinding[] = [];
  for (const m of line.matchAll(NETRC_PASSWORD)) {
    const to = m.index! + m[0].length;
    out.push(...hit('password', line, lineStart, to - m[1].length, to, mode));
  }
  return out;
}
