// Secrets in source code: the literal becomes the language's environment lookup (an import added
// where one is needed), a default of an environment lookup becomes empty, a value in a comment is
// redacted. The value itself moves to the env file.
import { baseName } from '../lang/languages';
import type { TextEdit } from '../types';
import { eolOf, insert, replace, rotateAdvice, storedAdvice, type Draft, type FixContext } from './draft';
import { concatenatedLiterals, decodeContent, decodeEscapes, placementOf, SYNTAX, type CodeSyntax, type StringLiteral } from './literals';
import { envNameFor, isGenericName, isPasswordPart, toEnvName } from './names';

/** Language families that have an environment lookup. */
export type CodeFamily = 'javascript' | 'typescript' | 'python' | 'go' | 'java' | 'kotlin' | 'csharp' | 'ruby' | 'php' | 'rust' | 'swift' | 'elixir' | 'groovy';

const BY_EXTENSION: Record<string, CodeFamily> = { swift: 'swift', ex: 'elixir', exs: 'elixir', groovy: 'groovy', gradle: 'groovy' };

/** The code family of a document, from its language key or (for languages without a grammar) its file name. */
export function codeFamilyOf(language: string, path: string): CodeFamily | undefined {
  if (language === 'javascript') return 'javascript';
  if (language === 'typescript' || language === 'tsx') return 'typescript';
  if (['python', 'go', 'java', 'kotlin', 'csharp', 'ruby', 'php', 'rust'].includes(language)) return language as CodeFamily;
  const name = baseName(path);
  if (/^jenkinsfile/i.test(name)) return 'groovy';
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return language === 'text' ? BY_EXTENSION[ext] : undefined;
}

function syntaxOf(family: CodeFamily): CodeSyntax {
  return SYNTAX[family === 'typescript' ? 'javascript' : family];
}

/** How the family reads an environment variable, in a given position. */
function lookup(family: CodeFamily, name: string, opts: { constant: boolean; quote: string }): string {
  const q = (s: string) => (opts.quote === "'" && family !== 'python' ? `'${s}'` : `"${s}"`);
  switch (family) {
    case 'javascript': return `process.env.${name}`;
    case 'typescript': return `process.env.${name}!`;
    case 'python': return `os.environ[${opts.quote === "'" ? `'${name}'` : `"${name}"`}]`;
    case 'go': return `os.Getenv("${name}")`;
    case 'java': case 'kotlin': return `System.getenv("${name}")`;
    case 'csharp': return `Environment.GetEnvironmentVariable("${name}")`;
    case 'ruby': return `ENV.fetch(${q(name)})`;
    case 'php': return `getenv(${q(name)})`;
    case 'rust': return opts.constant ? `env!("${name}")` : `&std::env::var("${name}").expect("${name} is not set")`;
    case 'swift': return `(ProcessInfo.processInfo.environment["${name}"] ?? "")`;
    case 'elixir': return `System.get_env("${name}")`;
    case 'groovy': return `System.getenv('${name}')`;
  }
}

const LOOKUP_NAMES: Record<CodeFamily, string> = {
  javascript: 'process.env', typescript: 'process.env', python: 'os.environ', go: 'os.Getenv', java: 'System.getenv',
  kotlin: 'System.getenv', csharp: 'Environment.GetEnvironmentVariable', ruby: 'ENV.fetch', php: 'getenv',
  rust: 'std::env::var', swift: 'ProcessInfo.processInfo.environment', elixir: 'System.get_env', groovy: 'System.getenv',
};

/** `os.getenv("X", "…")`, `process.env.X ?? "…"`, `ENV.fetch("X") { "…" }`: the variable whose default the literal is. */
const ENV_DEFAULT_BEFORE: RegExp[] = [
  /(?:getenv|environ\.get|env|getEnv|env_var|envOr|getenvOr|Getenv|GetEnvironmentVariable|getProperty|getOrDefault|fetch|config)\(\s*["']([A-Za-z_][A-Za-z0-9_.]*)["']\s*,\s*$/,
  /(?:process\.env\.|process\.env\[["'])([A-Za-z_][A-Za-z0-9_]*)["']?\]?\s*(?:\?\?|\|\|)\s*$/,
  /(?:getenv|environ\.get|GetEnvironmentVariable|getenv|System\.getenv|os\.Getenv|ENV\[|ENV\.fetch|env)\(?\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*[)\]]\s*(?:or|\?\?|\?:|\|\||\|\|\s*=)\s*$/,
  /ENV\.fetch\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\)\s*\{\s*$/,
  /ENV\.fetch\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*,\s*$/,
];

export function envDefaultName(text: string, literalStart: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', literalStart - 1) + 1;
  const before = text.slice(Math.max(lineStart, literalStart - 200), literalStart);
  for (const re of ENV_DEFAULT_BEFORE) {
    const m = re.exec(before);
    if (m) return m[1];
  }
  return undefined;
}

/** The name a literal is assigned to on its line: `X = "…"`, `"key": "…"`, `key: "…"`, `put("key", "…")`. */
export function assignedName(text: string, literalStart: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', literalStart - 1) + 1;
  const before = text.slice(Math.max(lineStart, literalStart - 200), literalStart).replace(/[(\s]+$/, ' ');
  const patterns = [
    /\$?([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*)\s*(?::\s*[^=:;,(){}"']{1,40})?\s*(?:=|:=|\?=|\?\?=|\|\|=)\s*$/,
    /["']([^"'\s]{1,80})["']\s*\]?\s*(?::|=>|=)\s*$/,
    /([A-Za-z_]\w*)\s*(?::|=>)\s*$/,
    /\(\s*["']([^"'\s]{1,80})["']\s*,\s*$/,
  ];
  for (const re of patterns) {
    const m = re.exec(before);
    if (m && !/^(?:return|yield|await|if|else|case|and|or|not)$/.test(m[1])) return m[1];
  }
  return undefined;
}

export function codeDraft(ctx: FixContext, family: CodeFamily): Draft | undefined {
  const syntax = syntaxOf(family);
  const { text } = ctx.doc;
  const placement = placementOf(text, ctx.value, syntax);
  if (placement.kind === 'comment') return commentDraft(ctx);
  if (placement.kind === 'code') {
    const parts = concatenatedLiterals(text, ctx.value, syntax);
    if (!parts) return undefined;
    const value = parts.map((p) => decodeContent(text.slice(p.contentStart, p.contentEnd), p)).join('');
    const first = parts[0];
    return wholeLiteralDraft(ctx, family, { ...first, end: parts[parts.length - 1].end }, value);
  }
  const literal = placement.literal;
  const content = text.slice(literal.contentStart, literal.contentEnd);
  if (literal.contentStart === ctx.value.start && literal.contentEnd === ctx.value.end) {
    return wholeLiteralDraft(ctx, family, literal, decodeContent(content, literal));
  }
  return partialDraft(ctx, family, literal);
}

/** A secret in a comment is dead text: it is replaced by a mark, and kept in the env file. */
export function commentDraft(ctx: FixContext, what = 'comment'): Draft {
  const name = ctx.env.place(envNameFor({ ruleId: ctx.finding.ruleId, bound: ctx.finding.boundName }), ctx.raw);
  return {
    title: `Remove the secret from the ${what} (kept in ${ctx.envFile} as ${name})`,
    description: `${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
    preferred: true,
    edits: [replace(ctx.value, `<${name}>`)],
  };
}

function wholeLiteralDraft(ctx: FixContext, family: CodeFamily, literal: StringLiteral, value: string): Draft | undefined {
  const { text } = ctx.doc;
  const envDefault = envDefaultName(text, literal.start);
  if (envDefault) {
    const name = ctx.env.placeRequired(envDefault, value);
    const empty = `${literal.prefix.replace(/[fF$]/g, '')}${literal.quote}${closingQuote(literal)}`;
    const kept = name === envDefault ? '' : ` (${envDefault} already holds another value in ${ctx.envFile}; this one is kept as ${name})`;
    return {
      title: `Remove the hardcoded default of ${envDefault} (kept in ${ctx.envFile}${name === envDefault ? '' : ` as ${name}`})`,
      description: `The code already reads ${envDefault} from the environment; the literal fallback is now empty${kept}. ${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
      preferred: true,
      edits: [replace(literal, empty)],
    };
  }
  if (family === 'php' && phpConstantContext(text, literal.start)) return phpMemberDraft(ctx, literal, value);
  if (family === 'groovy') {
    const jenkins = jenkinsCredentialDraft(ctx, literal, value);
    if (jenkins) return jenkins;
  }
  const bound = ctx.finding.boundName ?? assignedName(text, literal.start);
  const name = ctx.env.place(envNameFor({ ruleId: ctx.finding.ruleId, bound }), value);
  const declaration = declarationEdits(text, literal.start, family);
  if (declaration === null) return undefined;
  const expr = lookup(family, name, { constant: declaration.constant, quote: literal.quote });
  const edits: TextEdit[] = [replace(literal, wrapIfNeeded(text, literal, expr, family)), ...declaration.edits, ...importEdits(text, family)];
  return {
    title: `Read ${name} from the environment (${LOOKUP_NAMES[family]}) and move the value to ${ctx.envFile}`,
    description: `${storedAdvice(name, ctx.envFile)}${declaration.note ? ` ${declaration.note}` : ''} ${rotateAdvice(ctx.finding)}`,
    preferred: true,
    edits,
  };
}

function closingQuote(literal: StringLiteral): string {
  return literal.quote + '#'.repeat((literal.prefix.match(/#/g) ?? []).length);
}

/** A part of a literal (the password in a URL, the token after `Bearer `): only that part is read from the environment. */
function partialDraft(ctx: FixContext, family: CodeFamily, literal: StringLiteral): Draft | undefined {
  const { text } = ctx.doc;
  if (family === 'php' && phpConstantContext(text, literal.start)) return undefined;
  if (/[bB]/.test(literal.prefix) && family === 'python') return undefined;
  const value = literal.raw ? ctx.raw : decodeEscapes(ctx.raw);
  const passwordOfUrl = isPasswordPart(text.slice(literal.contentStart, ctx.value.start), text.slice(ctx.value.end, ctx.value.end + 2));
  // The literal's name is the whole string's (`FEED_URL`), not the part's: such a name is not kept.
  const literalName = ctx.finding.boundName ?? assignedName(text, literal.start);
  const bound = passwordOfUrl || !/(?:url|uri|dsn|endpoint|link|href|header|headers|address|string|str)$/i.test(literalName ?? '') ? literalName : undefined;
  const name = ctx.env.place(envNameFor({ ruleId: ctx.finding.ruleId, bound, passwordOfUrl }), value);
  const declaration = declarationEdits(text, literal.start, family);
  if (declaration === null) return undefined;
  const expr = lookup(family, name, { constant: declaration.constant, quote: literal.quote });
  const newLiteral = splitLiteral(ctx, family, literal, expr, name, declaration.constant);
  if (newLiteral === undefined) return undefined;
  return {
    title: `Read ${name} from the environment inside the string (${LOOKUP_NAMES[family]}) and move the value to ${ctx.envFile}`,
    description: `${storedAdvice(name, ctx.envFile)}${passwordOfUrl ? ' It is the password as written in the URL (percent-encoded if it was).' : ''} ${rotateAdvice(ctx.finding)}`,
    preferred: true,
    edits: [replace(literal, newLiteral), ...declaration.edits, ...importEdits(text, family)],
  };
}

function splitLiteral(ctx: FixContext, family: CodeFamily, literal: StringLiteral, expr: string, name: string, constant: boolean): string | undefined {
  const { text } = ctx.doc;
  const open = literal.prefix + literal.quote;
  const close = closingQuote(literal);
  const before = text.slice(literal.contentStart, ctx.value.start);
  const after = text.slice(ctx.value.end, literal.contentEnd);
  const interpolated = (hole: string) => `${open}${before}${hole}${after}${close}`;
  switch (family) {
    case 'javascript': case 'typescript':
      if (literal.quote === '`') return interpolated(`\${${expr}}`);
      if (!/[`\\]|\$\{/.test(before + after)) return `\`${before}\${${expr}}${after}\``;
      break;
    case 'python':
      if (/[fF]/.test(literal.prefix)) return interpolated(`{${expr.replace(/"/g, literal.quote.includes('"') ? "'" : '"')}}`);
      break;
    case 'ruby': case 'elixir':
      if (literal.quote === '"' || literal.quote === '"""') return interpolated(`#{${expr}}`);
      break;
    case 'kotlin':
      return interpolated(`\${${expr}}`);
    case 'groovy':
      // Single quotes reach the shell as written: `sh '… ${X} …'` reads the variable there.
      if (literal.quote === "'" || literal.quote === "'''") return interpolated(`\${${name}}`);
      return interpolated(`\${${expr.replace(/"/g, "'")}}`);
    case 'swift':
      return interpolated(`\\(${expr})`);
    case 'rust': {
      const esc = (s: string) => s.replace(/[{}]/g, (c) => c + c);
      if (constant) return `concat!(${open}${before}${close}, ${expr}, ${open}${after}${close})`;
      return `&format!(${open}${esc(before)}{}${esc(after)}${close}, std::env::var("${name}").expect("${name} is not set"))`;
    }
  }
  const op = family === 'php' ? ' . ' : ' + ';
  const pieces = [before && `${open}${before}${close}`, expr, after && `${open}${after}${close}`].filter(Boolean);
  const joined = pieces.join(op);
  return pieces.length > 1 ? wrapIfNeeded(text, literal, joined, family, true) : joined;
}

/** Parentheses when the literal was followed by `.`, `[` or `%`, or when a concatenation replaces it inside a wider expression. */
function wrapIfNeeded(text: string, literal: StringLiteral, expr: string, _family: CodeFamily, isConcatenation = false): string {
  const rest = /^[ \t]*([^\r\n]*)/.exec(text.slice(literal.end, literal.end + 80))![1];
  const next = /^(?:\/\/|#)/.test(rest) ? '' : rest.charAt(0);
  const prev = /(\S)\s*$/.exec(text.slice(Math.max(0, literal.start - 40), literal.start))?.[1] ?? '';
  const postfix = next === '.' || next === '[' || next === '%';
  const operatorAround = isConcatenation && (/[*/%!~<>&|^-]/.test(prev) || /[*/%&|^-]/.test(next) || prev === '?' || next === '?');
  return postfix || operatorAround ? `(${expr})` : expr;
}

interface DeclarationChange {
  edits: TextEdit[];
  /** The literal initialises a compile-time constant (Rust `const`). */
  constant: boolean;
  note?: string;
}

/**
 * Constants that cannot call a function become variables (Go `const`, Kotlin `const val`, C# `const`);
 * Rust constants read the variable at build time. Null when the declaration cannot change safely.
 */
function declarationEdits(text: string, literalStart: number, family: CodeFamily): DeclarationChange | null {
  const lineStart = statementStart(text, literalStart);
  const head = text.slice(lineStart, literalStart);
  const none: DeclarationChange = { edits: [], constant: false };
  switch (family) {
    case 'go': {
      const m = /^(\s*)const(\s+)[A-Za-z_]\w*(?:\s+\w+)?\s*=\s*$/.exec(head);
      if (m) return { edits: [replace({ start: lineStart + m[1].length, end: lineStart + m[1].length + 5 }, 'var')], constant: false };
      if (/^\s*[A-Za-z_]\w*(?:\s+\w+)?\s*=\s*$/.test(head) && insideGoConstBlock(text, lineStart)) return null;
      return none;
    }
    case 'kotlin': {
      const at = head.search(/\bconst\s+val\b/);
      if (at !== -1) return { edits: [replace({ start: lineStart + at, end: lineStart + at + /^const\s+/.exec(head.slice(at))![0].length }, '')], constant: false };
      return none;
    }
    case 'csharp': {
      const m = /\bconst\s+/.exec(head);
      if (!m) return none;
      const member = /\b(?:private|public|internal|protected)\b/.test(head.slice(0, m.index));
      return { edits: [replace({ start: lineStart + m.index, end: lineStart + m.index + m[0].length }, member ? 'static readonly ' : '')], constant: false };
    }
    case 'rust':
      if (/^\s*(?:pub(?:\([\w:]+\))?\s+)?(?:const|static)\s/.test(head)) {
        return { edits: [], constant: true, note: 'A Rust constant reads the variable when the program is built (env!); to read it at run time, replace the constant with std::env::var.' };
      }
      return none;
    case 'java':
      if (/@\w+\s*\(\s*(?:\w+\s*=\s*)?$/.test(head)) return null; // an annotation argument must be a constant
      return none;
    default:
      return none;
  }
}

/** Where the statement holding the literal starts: its line, or an earlier one when the line continues a declaration (`X =` then the literal). */
function statementStart(text: string, literalStart: number): number {
  let start = text.lastIndexOf('\n', literalStart - 1) + 1;
  for (let n = 0; n < 3 && start > 0; n++) {
    const head = text.slice(start, literalStart);
    const prevStart = text.lastIndexOf('\n', start - 2) + 1;
    const prev = text.slice(prevStart, start - 1).replace(/\s*(?:\/\/.*)?\r?$/, '');
    if (head.trim() !== '' || !/[=(,]$|^\s*(?:const|val|var|let|static)\b/.test(prev)) break;
    start = prevStart;
  }
  return start;
}

function insideGoConstBlock(text: string, lineStart: number): boolean {
  const before = text.slice(0, lineStart);
  const open = before.lastIndexOf('const (');
  return open !== -1 && before.indexOf(')', open) === -1;
}

/** `NAME = '…'` in a declarative pipeline's `environment {}` block → `NAME = credentials('name')`. */
function jenkinsCredentialDraft(ctx: FixContext, literal: StringLiteral, value: string): Draft | undefined {
  const { text } = ctx.doc;
  const lineStart = text.lastIndexOf('\n', literal.start - 1) + 1;
  const variable = /^\s*([A-Za-z_]\w*)\s*=\s*$/.exec(text.slice(lineStart, literal.start))?.[1];
  if (!variable) return undefined;
  let depth = 0;
  let block: string | undefined;
  for (let i = lineStart - 1; i >= 0 && block === undefined; i--) {
    if (text[i] === '}') depth++;
    else if (text[i] === '{') {
      if (depth === 0) block = /(\w+)\s*$/.exec(text.slice(Math.max(0, i - 40), i))?.[1] ?? '';
      else depth--;
    }
  }
  if (block !== 'environment') return undefined;
  const id = variable.toLowerCase().replace(/_/g, '-');
  const name = ctx.env.place(variable, value);
  return {
    title: `Bind ${variable} from the Jenkins credential '${id}' (credentials()) and move the value to ${ctx.envFile}`,
    description: `Add a "Secret text" credential with the id '${id}' in Jenkins; the pipeline masks it in logs. ${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
    preferred: true,
    edits: [replace(literal, `credentials('${id}')`)],
  };
}

/**
 * A private PHP class constant or property: its initializer cannot call getenv(), so its uses do
 * (`self::TOKEN`, `$this->password`) and the declaration goes. Undefined when the member is public,
 * static, or assigned elsewhere.
 */
function phpMemberDraft(ctx: FixContext, literal: StringLiteral, value: string): Draft | undefined {
  const { text } = ctx.doc;
  const start = statementStart(text, literal.start);
  const head = text.slice(start, literal.start);
  const constant = /^\s*private\s+const\s+(?:\w+\s+)?([A-Za-z_]\w*)\s*=\s*$/.exec(head);
  const property = /^\s*private\s+(?:readonly\s+)?(?:\??[\w\\]+\s+)?\$([A-Za-z_]\w*)\s*=\s*$/.exec(head);
  const member = constant?.[1] ?? property?.[1];
  if (!member) return undefined;
  const end = /^\s*;[ \t]*\r?\n?/.exec(text.slice(literal.end));
  if (!end) return undefined;
  const use = constant ? new RegExp(`\\b(?:self|static)::${member}\\b`, 'g') : new RegExp(`\\$this->${member}\\b(?!\\s*(?:\\(|=[^=>]|\\[\\]|\\+\\+|--|\\.=|\\?\\?=))`, 'g');
  if (property && new RegExp(`\\$this->${member}\\s*(?:=[^=>]|\\.=|\\[\\]|\\?\\?=)`).test(text)) return undefined;
  const className = /\bclass\s+(\w+)/.exec(text.slice(0, start))?.[1];
  const generic = envNameFor({ ruleId: ctx.finding.ruleId, bound: member });
  const preferred = isGenericName(toEnvName(member)) && className ? `${toEnvName(className)}_${toEnvName(member)}` : generic;
  const name = ctx.env.place(preferred, value);
  const lookupText = `getenv('${name}')`;
  const edits: TextEdit[] = [replace({ start, end: literal.end + end[0].length }, '')];
  for (const m of text.matchAll(use)) edits.push(replace({ start: m.index!, end: m.index! + m[0].length }, lookupText));
  return {
    title: `Read ${name} with getenv() where ${constant ? `self::${member}` : `$this->${member}`} was used, and move the value to ${ctx.envFile}`,
    description: `A class ${constant ? 'constant' : 'property default'} cannot call getenv(), so the declaration goes and each use reads the environment. ${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
    preferred: true,
    edits,
  };
}

/** PHP class constants and property defaults must be constant expressions: no call can go there. */
function phpConstantContext(text: string, literalStart: number): boolean {
  const lineStart = statementStart(text, literalStart);
  return /^\s*(?:(?:public|private|protected|static|readonly|final|var)\s+)+(?:const\s+)?(?:\??[\w\\]+\s+)?\$?\w+\s*=/.test(text.slice(lineStart, literalStart))
    || /^\s*const\s+\w+\s*=/.test(text.slice(lineStart, literalStart));
}

/** The import the lookup needs, when the file lacks it. */
export function importEdits(text: string, family: CodeFamily): TextEdit[] {
  switch (family) {
    case 'python': return /^\s*import\s+(?:[\w.]+\s*,\s*)*os(?:\s*,|\s*$|\s+#)/m.test(text) ? [] : [pythonImport(text, 'import os')];
    case 'go': return goImport(text);
    case 'csharp': return /^\s*using\s+System\s*;/m.test(text) || !/^\s*using\s+[\w.]+\s*;/m.test(text) ? [] : [csharpUsing(text)];
    case 'swift': return /^\s*import\s+(?:Foundation|UIKit|SwiftUI|AppKit)\b/m.test(text) ? [] : [insert(0, `import Foundation${eolOf(text)}`)];
    default: return [];
  }
}

/** Inserts an import statement with the file's other imports (after `from __future__`, a docstring, a shebang). */
export function pythonImport(text: string, statement: string): TextEdit {
  const eol = eolOf(text);
  const lines = text.split('\n');
  let offset = 0;
  let i = 0;
  const advance = () => {
    offset += lines[i].length + 1;
    i++;
  };
  if (lines[0]?.startsWith('#!')) advance();
  if (i < lines.length && /^#.*coding[:=]/.test(lines[i])) advance();
  while (i < lines.length && /^\s*(?:#.*)?\r?$/.test(lines[i])) advance();
  const doc = /^[rRuU]?("""|''')/.exec(lines[i] ?? '');
  if (doc) {
    const rest = lines[i].slice(doc[0].length);
    if (!rest.includes(doc[1])) {
      advance();
      while (i < lines.length && !lines[i].includes(doc[1])) advance();
    }
    if (i < lines.length) advance();
  }
  // After `from __future__` imports, which must come first; else before the first import.
  let futureEnd = -1;
  let firstImport = -1;
  for (let k = i, off = offset; k < lines.length; off += lines[k].length + 1, k++) {
    if (/^from\s+__future__\s+import\b/.test(lines[k])) futureEnd = off + lines[k].length + 1;
    else if (firstImport === -1 && /^(?:import|from)\s/.test(lines[k])) firstImport = off;
    if (/^(?:def|class|if|for|while|with|try)\b/.test(lines[k])) break;
  }
  if (firstImport !== -1) return insert(firstImport, `${statement}${eol}`);
  if (futureEnd !== -1) return insert(Math.min(futureEnd, text.length), `${statement}${eol}`);
  return insert(Math.min(offset, text.length), `${statement}${eol}${offset < text.length && lines[i]?.trim() ? eol : ''}`);
}

function goImport(text: string): TextEdit[] {
  const eol = eolOf(text);
  if (/^\s*import\s+(?:\w+\s+)?"os"/m.test(text) || /^\s*import\s*\((?:[^)]*\n)*?\s*"os"\s*(?:\/\/[^\n]*)?\n/m.test(text)) return [];
  const block = /^import\s*\(\s*?\n/m.exec(text);
  if (block) {
    // Into the first group, in order (gofmt keeps groups sorted).
    let at = block.index + block[0].length;
    for (const line of text.slice(at).split('\n')) {
      const path = /^\s*(?:\w+\s+)?"([^"]+)"/.exec(line)?.[1];
      if (!path || path > 'os') break;
      at += line.length + 1;
    }
    return [insert(at, `\t"os"${eol}`)];
  }
  const single = /^import\s+(?:\w+\s+)?"[^"]+"[^\n]*\n/m.exec(text);
  if (single) return [insert(single.index + single[0].length, `import "os"${eol}`)];
  const pkg = /^package\s+\w+[^\n]*\n/m.exec(text);
  if (pkg) return [insert(pkg.index + pkg[0].length, `${eol}import "os"${eol}`)];
  return [];
}

function csharpUsing(text: string): TextEdit {
  const first = /^using\s+[\w.]+\s*;/m.exec(text)!;
  return insert(first.index, `using System;${eolOf(text)}`);
}
