// Edits that suppress a finding when the user decides it is acceptable: an inline ignore comment in the
// file's comment syntax (see ../suppressions.ts for how they are read back), a file-wide disable comment,
// or an entry in the workspace allowlist. Pure text edits, shared by the extension and the CLI.
import { modify } from 'jsonc-parser';
import type { AllowlistEntry } from '../config';
import type { LanguageKey } from '../lang/languages';
import { LineIndex } from '../text';
import { eolOf } from './draft';
import type { TextEdit } from '../types';

/** Written where the user should type the reason; the extension selects it after inserting. */
export const REASON_PLACEHOLDER = 'TODO: say why this is safe';

interface CommentSyntax {
  open: string;
  close?: string;
  /** A comment may follow code on the same line. */
  trailing: boolean;
}

const SLASHES: CommentSyntax = { open: '//', trailing: true };
const HASH: CommentSyntax = { open: '#', trailing: true };
const HASH_LINE_ONLY: CommentSyntax = { open: '#', trailing: false };

const SYNTAX: Partial<Record<LanguageKey, CommentSyntax>> = {
  javascript: SLASHES, typescript: SLASHES, tsx: SLASHES, go: SLASHES, java: SLASHES, csharp: SLASHES,
  rust: SLASHES, kotlin: SLASHES, php: SLASHES, hcl: HASH,
  python: HASH, ruby: HASH, bash: HASH, yaml: HASH, toml: HASH,
  // In these formats a `#` after a value is part of the value (or unsupported by some readers).
  dotenv: HASH_LINE_ONLY, dockerfile: HASH_LINE_ONLY, properties: HASH_LINE_ONLY, text: HASH_LINE_ONLY,
  ini: { open: ';', trailing: false },
  markdown: { open: '<!--', close: '-->', trailing: false },
};

const JSONC_FILE = /(?:^|\/)(?:(?:tsconfig|jsconfig)[^/]*\.json|devcontainer\.json|\.vscode\/[^/]+\.json|[^/]+\.jsonc|\.eslintrc(?:\.json)?)$/i;

export interface SuppressTarget {
  text: string;
  language: LanguageKey;
  /** Workspace-relative path; decides whether a `.json` file accepts comments. */
  path: string;
  /** VS Code language id when known (`jsonc` accepts comments, `json` does not). */
  languageId?: string;
}

/** How to write a comment in the document, or undefined when the format has none (plain JSON, notebooks). */
export function commentSyntaxFor(target: SuppressTarget): CommentSyntax | undefined {
  if (target.language === 'json') return target.languageId === 'jsonc' || JSONC_FILE.test(target.path) ? SLASHES : undefined;
  return SYNTAX[target.language];
}

function comment(syntax: CommentSyntax, body: string): string {
  return syntax.close ? `${syntax.open} ${body} ${syntax.close}` : `${syntax.open} ${body}`;
}

function directive(marker: string, ruleId: string, reason: string): string {
  return `${marker} ${ruleId} -- ${reason.replace(/\s+/g, ' ').trim() || REASON_PLACEHOLDER}`;
}

/**
 * Suppresses `ruleId` on `line`: a trailing `keyhole-ignore` comment where the language allows one after
 * code, else a `keyhole-ignore-next-line` comment on a new line above, indented like the line.
 */
export function ignoreLineEdit(target: SuppressTarget, line: number, ruleId: string, reason = REASON_PLACEHOLDER): TextEdit | undefined {
  const syntax = commentSyntaxFor(target);
  if (!syntax) return undefined;
  const lines = new LineIndex(target.text);
  const lineText = lines.lineText(line);
  // A trailing comment after a line continuation would end the continued statement.
  if (syntax.trailing && lineText.trim() !== '' && !/\\\s*$/.test(lineText)) {
    const end = lines.lineEnd(line);
    const gap = /\s$/.test(lineText) ? ' ' : '  ';
    return { span: { start: end, end }, newText: `${gap}${comment(syntax, directive('keyhole-ignore', ruleId, reason))}` };
  }
  const start = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(lineText)![0];
  return { span: { start, end: start }, newText: `${indent}${comment(syntax, directive('keyhole-ignore-next-line', ruleId, reason))}${eolOf(target.text)}` };
}

/**
 * Suppresses `ruleId` in the whole file: a `keyhole-disable` comment near the top, after the lines that
 * must stay first (a shebang, `<?php`, a Python encoding line, Dockerfile parser directives, Markdown front matter).
 */
export function ignoreFileEdit(target: SuppressTarget, ruleId: string, reason = REASON_PLACEHOLDER): TextEdit | undefined {
  const syntax = commentSyntaxFor(target);
  if (!syntax) return undefined;
  const lines = new LineIndex(target.text);
  const line = firstFreeLine(target, lines);
  const eol = eolOf(target.text);
  const text = comment(syntax, directive('keyhole-disable', ruleId, reason));
  if (line >= lines.lineCount) {
    const end = target.text.length;
    const needsBreak = end > 0 && !target.text.endsWith('\n');
    return { span: { start: end, end }, newText: `${needsBreak ? eol : ''}${text}${eol}` };
  }
  const start = lines.lineStart(line);
  return { span: { start, end: start }, newText: `${text}${eol}` };
}

function firstFreeLine(target: SuppressTarget, lines: LineIndex): number {
  let line = 0;
  const at = (n: number) => (n < lines.lineCount ? lines.lineText(n) : '');
  if (at(0).startsWith('#!')) line = 1;
  if (target.language === 'php' && /^\s*<\?php\s*$/.test(at(line))) line++;
  if (target.language === 'python' && /^#.*coding[:=]/.test(at(line))) line++;
  if (target.language === 'dockerfile') while (line < lines.lineCount && /^#\s*[a-z]+\s*=/i.test(at(line))) line++;
  if (target.language === 'markdown' && at(0) === '---') {
    for (let n = 1; n < lines.lineCount; n++) {
      if (at(n) === '---') return n + 1;
    }
  }
  return line;
}


/**
 * Adds `entry` to the `allowlist` of a workspace configuration file (JSON with comments), keeping the
 * rest of the file as written. `configText` undefined means the file does not exist yet: the edit creates
 * its content. No edit when the fingerprint is already listed.
 */
export function allowlistEdits(configText: string | undefined, entry: AllowlistEntry): TextEdit[] {
  const clean: AllowlistEntry = { fingerprint: entry.fingerprint };
  if (entry.path) clean.path = entry.path;
  if (entry.reason) clean.reason = entry.reason;
  if (configText === undefined || configText.trim() === '') {
    const newText = `${JSON.stringify({ allowlist: [clean] }, null, 2)}\n`;
    return [{ span: { start: 0, end: configText?.length ?? 0 }, newText }];
  }
  if (configText.includes(JSON.stringify(entry.fingerprint))) return [];
  const tabs = /\n\t/.test(configText);
  const edits = modify(configText, ['allowlist', -1], clean, {
    isArrayInsertion: true,
    formattingOptions: { insertSpaces: !tabs, tabSize: tabs ? 1 : 2, eol: eolOf(configText) },
  });
  return edits.map((e) => ({ span: { start: e.offset, end: e.offset + e.length }, newText: e.content }));
}

/** Applies non-overlapping edits to a text (used by hosts without an editor, and by tests). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  let out = text;
  // From the end backwards; insertions at one offset keep their given order.
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.span.start - a.e.span.start || b.i - a.i);
  for (const { e } of order) {
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  }
  return out;
}
