// Inline suppression comments: Keyhole's own markers and the ones other secret scanners use.
//
//   // keyhole-ignore [rule ids] [-- reason]             this line
//   # keyhole-ignore-next-line [rule ids] [-- reason]    the line after the comment
//   /* keyhole-disable [rule ids] [-- reason] */ ... /* keyhole-enable [rule ids] */
//
// Rule ids are comma or space separated; a category (`secret`, `secret/`) covers all its rules; no ids
// covers every rule. A Keyhole marker must start a comment (directly after `//`, `#`, `<!--` ...), and
// a foreign marker (`gitleaks:allow`, `pragma: allowlist secret`, `secretlint-disable-line`) must be
// inside one, so a marker inside a string literal is not a suppression. No syntax tree is needed: the
// line before the marker is scanned for quotes and comment tokens.
import { KeywordSet } from './keywordIndex';
import type { LanguageKey } from './lang/languages';
import type { LiveMemory } from './liveDocuments';
import { firstAtOrAfter, type LineIndex } from './text';
import type { Suppression } from './types';

type BlockPair = [open: string, close: string];

interface CommentStyle {
  line: string[];
  block: BlockPair[];
  /** Characters that open a string literal closed by the same character on the same line. */
  quotes: string;
  /** Comments start only at the beginning of a line (`.properties`). */
  lineStartOnly?: boolean;
  /** Code sits in JSON strings (notebook cell sources), so a comment ends before the closing quote. */
  jsonStrings?: boolean;
  /** Finds the next quote, line token or block opener: one regex instead of a test per character. */
  trigger: RegExp;
}

function commentStyle(style: Omit<CommentStyle, 'trigger'>): CommentStyle {
  const tokens = [...style.quotes, ...style.line, ...style.block.map(([open]) => open)].sort((a, b) => b.length - a.length);
  return { ...style, trigger: new RegExp(tokens.map((t) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'g') };
}

const C_BLOCK: BlockPair = ['/*', '*/'];
const HTML_BLOCK: BlockPair = ['<!--', '-->'];
const C_LIKE = commentStyle({ line: ['//'], block: [C_BLOCK], quotes: '"\'`' });
const HASH = commentStyle({ line: ['#'], block: [], quotes: '"\'`' });
/** Markdown, notebooks and plain text carry code of any language: accept every comment token. */
const ANY_TOKENS = { line: ['//', '#', '--', ';'], block: [C_BLOCK, HTML_BLOCK] };
const ANY = commentStyle({ ...ANY_TOKENS, quotes: '"\'`' });

const STYLES: Record<LanguageKey, CommentStyle> = {
  javascript: C_LIKE, typescript: C_LIKE, tsx: C_LIKE, go: C_LIKE, java: C_LIKE, csharp: C_LIKE,
  rust: C_LIKE, kotlin: C_LIKE, json: C_LIKE,
  php: commentStyle({ line: ['//', '#'], block: [C_BLOCK], quotes: '"\'`' }),
  hcl: commentStyle({ line: ['#', '//'], block: [C_BLOCK], quotes: '"' }),
  python: HASH, ruby: HASH, bash: HASH, yaml: HASH, toml: HASH, dotenv: HASH, dockerfile: HASH,
  ini: commentStyle({ line: [';', '#'], block: [], quotes: '"' }),
  properties: commentStyle({ line: ['#', '!'], block: [], quotes: '', lineStartOnly: true }),
  markdown: commentStyle({ ...ANY_TOKENS, quotes: '`' }),
  // Cell sources are JSON strings: the comment token follows the string's opening quote.
  notebook: commentStyle({ ...ANY_TOKENS, quotes: '', jsonStrings: true }),
  text: ANY,
};

const MARKER = /keyhole-(?:ignore-next-line|ignore|disable|enable)(?![\w]|-[\w])|gitleaks:allow|pragma: ?(?:allowlist|whitelist)[ -](?:nextline[ -])?secret|secretlint-disable(?:-next)?-line/g;

/** What a foreign marker covers: every Keyhole secret rule, on its own line or the next one. */
const FOREIGN_CATEGORY = 'secret';

/** The words markers start with: a text without any has no suppression. */
const MARKER_WORDS = ['keyhole-', 'gitleaks:allow', 'pragma', 'secretlint-disable'];
const LONGEST_MARKER_WORD = Math.max(...MARKER_WORDS.map((w) => w.length));
/** Looked up in the keyword pass the detectors share (see keywordIndex.ts). */
const MARKER_SET = new KeywordSet(MARKER_WORDS);
const MARKER_AT = new RegExp(MARKER.source, 'y');

function mentionsMarker(text: string): boolean {
  return MARKER_WORDS.some((w) => text.includes(w));
}

/**
 * The markers of `text`, in order. With `holder`, the scan context of the whole text, only the
 * offsets where the shared keyword pass found a marker word are tried (every marker starts with
 * one), instead of searching the text again.
 */
function markers(text: string, holder?: { text: string }): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  if (!holder) {
    if (!mentionsMarker(text)) return out;
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) out.push(m);
    return out;
  }
  const starts = MARKER_WORDS.flatMap((word) => MARKER_SET.offsets(holder, word)).sort((a, b) => a - b);
  let end = 0;
  for (const at of starts) {
    if (at < end) continue;
    MARKER_AT.lastIndex = at;
    const m = MARKER_AT.exec(text);
    if (!m) continue;
    out.push(m);
    end = at + m[0].length;
  }
  return out;
}

/**
 * Finds every suppression comment in a document. `holder`: the scan context whose text is `text`,
 * so that the keyword pass made for the detectors is reused.
 */
export function findSuppressions(text: string, language: LanguageKey, path: string, lines: LineIndex, holder?: { text: string }): Suppression[] {
  const found = markers(text, holder && holder.text === text ? holder : undefined);
  if (found.length === 0) return [];
  const style = STYLES[language] ?? ANY;
  const blocks = new BlockIndex(text);
  const out: Suppression[] = [];
  const openBlocks: Suppression[] = [];
  for (const m of found) {
    const marker = m[0];
    const line = lines.lineOf(m.index);
    const lineStart = lines.lineStart(line);
    const lineText = lines.lineText(line);
    const column = m.index - lineStart;
    const own = marker.startsWith('keyhole-');
    const comment = commentAround(text, lineText, lineStart, column, style, own, blocks);
    if (!comment) continue;

    const argsEnd = directiveEnd(lineText, column + marker.length, comment, style);
    const args = lineText.slice(column + marker.length, argsEnd);
    const reasonAt = args.search(/(?:^|\s)--/);
    const idsText = reasonAt === -1 ? args : args.slice(0, reasonAt);
    const reason = reasonAt === -1 ? undefined : args.slice(args.indexOf('--', reasonAt) + 2).trim() || undefined;
    const range = lines.range({ start: m.index, end: lineStart + argsEnd - (args.length - args.trimEnd().length) });
    const nextLineMarker = marker === 'keyhole-ignore-next-line' || (!own && /nextline|next-line/.test(marker));
    const target = nextLineMarker ? lineAfterComment(lines, m.index, line, lineText, column, comment, blocks) : line;

    if (marker === 'keyhole-enable') {
      closeBlocks(openBlocks, ruleIdsOf(idsText), line);
      continue;
    }
    const kind = !own ? 'foreign' : marker === 'keyhole-disable' ? 'disable-block' : nextLineMarker ? 'ignore-next-line' : 'ignore';
    const ruleIds = own ? ruleIdsOf(idsText) : [FOREIGN_CATEGORY];
    const lastLine = kind === 'disable-block' ? lines.lineCount - 1 : target;
    // One object literal: spreading a shared base costs microseconds per suppression in V8.
    const suppression: Suppression = { path, range, kind, marker, ruleIds, reason, firstLine: target, lastLine };
    if (kind === 'disable-block') openBlocks.push(suppression);
    out.push(suppression);
  }
  return out;
}

/**
 * `findSuppressions` for an open document: a text whose last revision had no marker word has one
 * now only if the edit wrote it, so only the changed text (and a word's length around it) is searched.
 */
export function findSuppressionsLive(text: string, language: LanguageKey, path: string, lines: LineIndex, memory: LiveMemory): Suppression[] {
  const change = memory.change;
  const none = memory.recall<boolean>(NO_MARKER_KEY) === true &&
    (!change || !mentionsMarker(text.slice(Math.max(0, change.start - LONGEST_MARKER_WORD), change.newEnd + LONGEST_MARKER_WORD)));
  const found = none ? [] : findSuppressions(text, language, path, lines);
  memory.keep(NO_MARKER_KEY, none || (found.length === 0 && !mentionsMarker(text)));
  return found;
}

const NO_MARKER_KEY = 'suppressions:none';

function ruleIdsOf(idsText: string): string[] {
  return idsText.split(/[\s,]+/).filter(Boolean);
}

/** `keyhole-enable` without ids ends every open block; with ids, the blocks opened with the same ids. */
function closeBlocks(open: Suppression[], ruleIds: string[], line: number): void {
  const key = (ids: string[]) => [...ids].sort().join(',');
  for (let i = open.length - 1; i >= 0; i--) {
    if (ruleIds.length === 0 || key(open[i].ruleIds) === key(ruleIds)) {
      open[i].lastLine = line;
      open.splice(i, 1);
    }
  }
}

/** The suppression that covers a finding of `ruleId` starting on `line`, if any. */
export function suppressionFor(ruleId: string, line: number, suppressions: Suppression[]): Suppression | undefined {
  return suppressions.find((s) => line >= s.firstLine && line <= s.lastLine && (s.ruleIds.length === 0 || s.ruleIds.some((id) => coversRule(id, ruleId))));
}

/** `secret/github-pat` covers itself; `secret` and `secret/` cover every `secret/...` rule. */
export function coversRule(id: string, ruleId: string): boolean {
  return ruleId === id || ruleId.startsWith(id.endsWith('/') ? id : id + '/');
}

/** Where a marker's comment is: `block` is set for a block comment (`/* *\/`, `<!-- -->`). */
interface CommentAt {
  block?: BlockPair;
}

/**
 * The comment that holds the marker at `column` of the line, or undefined when the marker is code or string.
 * A Keyhole marker must also come right after a comment token (`// keyhole-ignore`, `# noqa  # keyhole-ignore`,
 * ` * keyhole-disable` inside a block comment).
 */
function commentAround(
  text: string, lineText: string, lineStart: number, column: number, style: CommentStyle, own: boolean, blocks: BlockIndex,
): CommentAt | undefined {
  const found = commentStart(lineText, column, style);
  if (found) {
    if (!own) return found;
    const before = lineText.slice(found.start, column).trimEnd();
    const token = before.slice(Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t')) + 1);
    return /^(?:\/\/+!?|\/\*+!?|#+|;+|--+|<!--|!|\*+)$/.test(token) ? found : undefined;
  }
  if (own && !/^\s*\**\s*$/.test(lineText.slice(0, column))) return undefined;
  // A line inside a block comment that opened on an earlier line (where the opener is not inside a string).
  const at = lineStart + column;
  for (const block of style.block) {
    const opened = blocks.lastOpen(block, at);
    if (opened === -1 || opened >= lineStart || blocks.lastClose(block, at) > opened) continue;
    const openerLineStart = text.lastIndexOf('\n', opened) + 1;
    const openerLineEnd = text.indexOf('\n', opened);
    const openerLine = text.slice(openerLineStart, openerLineEnd === -1 ? text.length : openerLineEnd);
    const openerColumn = opened - openerLineStart;
    if (commentStart(openerLine, openerColumn + block[0].length, style)?.start === openerColumn) return { block };
  }
  return undefined;
}

/** The comment containing `column` of the line, or undefined when `column` is in code or in a string. */
function commentStart(lineText: string, column: number, style: CommentStyle): { start: number; block?: BlockPair } | undefined {
  if (style.lineStartOnly) {
    const first = lineText.search(/\S/);
    return first !== -1 && first < column && style.line.includes(lineText[first]) ? { start: first } : undefined;
  }
  const trigger = style.trigger;
  trigger.lastIndex = 0;
  for (let m = trigger.exec(lineText); m && m.index < column; m = trigger.exec(lineText)) {
    const token = m[0];
    if (token.length === 1 && style.quotes.includes(token)) {
      const close = closingQuote(lineText, m.index);
      if (close !== -1) trigger.lastIndex = close + 1;
      continue;
    }
    const block = style.block.find(([open]) => open === token);
    if (!block) return { start: m.index };
    const close = lineText.indexOf(block[1], m.index + token.length);
    if (close === -1 || close >= column) return { start: m.index, block };
    trigger.lastIndex = close + block[1].length;
  }
  return undefined;
}

/** Index of the quote that closes the one at `open`, honouring backslash escapes; -1 when the line has none. */
function closingQuote(lineText: string, open: number): number {
  const quote = lineText.charCodeAt(open);
  for (let i = open + 1; i < lineText.length; i++) {
    const c = lineText.charCodeAt(i);
    if (c === 92) i++; // backslash
    else if (c === quote) return i;
  }
  return -1;
}

/** Where the marker's arguments end on its line: at the block comment's close, else at the end of the line. */
function directiveEnd(lineText: string, from: number, comment: CommentAt, style: CommentStyle): number {
  const close = comment.block ? lineText.indexOf(comment.block[1], from) : -1;
  const end = close === -1 ? lineText.length : close;
  if (style.jsonStrings) {
    // Notebook cell source: the comment ends with the JSON string (`…\n",`).
    const quote = /(?:\\n)?",?\s*$/.exec(lineText.slice(from, end));
    if (quote) return from + quote.index;
  }
  return end;
}

/** The line after the comment that holds the marker (after its close, for a block comment). */
function lineAfterComment(
  lines: LineIndex, at: number, line: number, lineText: string, column: number, comment: CommentAt, blocks: BlockIndex,
): number {
  if (!comment.block || lineText.includes(comment.block[1], column)) return line + 1;
  const closed = blocks.nextClose(comment.block, at);
  return (closed === -1 ? line : lines.lineOf(closed)) + 1;
}

/**
 * Offsets of every block comment delimiter in the text, found once and only when a marker needs them,
 * so that deciding whether a marker sits inside a multi-line block comment is a binary search.
 */
class BlockIndex {
  private readonly offsets = new Map<string, number[]>();

  constructor(private readonly text: string) {}

  lastOpen(block: BlockPair, before: number): number {
    return lastBefore(this.of(block[0]), before);
  }

  lastClose(block: BlockPair, before: number): number {
    return lastBefore(this.of(block[1]), before);
  }

  nextClose(block: BlockPair, from: number): number {
    const all = this.of(block[1]);
    const i = firstAtOrAfter(all, from);
    return i < all.length ? all[i] : -1;
  }

  private of(delimiter: string): number[] {
    let all = this.offsets.get(delimiter);
    if (!all) {
      all = [];
      for (let i = this.text.indexOf(delimiter); i !== -1; i = this.text.indexOf(delimiter, i + delimiter.length)) all.push(i);
      this.offsets.set(delimiter, all);
    }
    return all;
  }
}

/** The largest offset below `before`, or -1. */
function lastBefore(sorted: number[], before: number): number {
  const i = firstAtOrAfter(sorted, before) - 1;
  return i >= 0 ? sorted[i] : -1;
}

/** The `keyhole scan --list-suppressions` listing: one aligned row per suppression, flagging those without a reason. */
export function formatSuppressionList(suppressions: Suppression[]): string {
  if (suppressions.length === 0) return 'No suppressions.\n';
  const sorted = [...suppressions].sort((a, b) => a.path.localeCompare(b.path) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const rows = sorted.map((s) => [
    `${s.path}:${s.range.start.line + 1}`,
    s.marker,
    s.ruleIds.length ? s.ruleIds.join(',') : 'all rules',
    s.reason ?? 'NO REASON',
  ]);
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = rows.map((r) => r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell)).join('  '));
  const missing = sorted.filter((s) => !s.reason).length;
  const summary = `${sorted.length} suppression${sorted.length === 1 ? '' : 's'}, ${missing} without a reason`;
  return `${lines.join('\n')}\n\n${summary}\n`;
}
