// An open document's JSON windows (`jsonWindows`) are carried over from its last revision when the
// edit provably cannot change them, so a keystroke does not re-lex the whole text.
import { jsonWindows, MIN_ELIDED } from './jsonWindows';
import type { Change, LiveMemory } from './liveDocuments';
import type { Span } from './types';

interface Computed {
  text: string;
  anchors: readonly number[];
  windows: Span[];
}

const MEMORY_KEY = 'jsonWindows';

/** `jsonWindows(text, anchors)`, reusing what the last revision of an open document computed when it can. */
export function liveJsonWindows(text: string, anchors: readonly number[], memory: LiveMemory | undefined): Span[] {
  const last = memory?.recall<Computed>(MEMORY_KEY);
  const windows = (last && memory?.change !== undefined && carriedOver(last, text, anchors, memory.change)) || jsonWindows(text, anchors);
  memory?.keep(MEMORY_KEY, { text, anchors, windows });
  return windows;
}

/**
 * The last windows moved by `change`, or undefined when the edit might change them: only edits
 * that leave the tokens as they were (`inertEdit`), with no anchor at the edit and no object around
 * it crossing the size rule.
 */
function carriedOver(last: Computed, text: string, anchors: readonly number[], change: Change | null): Span[] | undefined {
  if (anchors.length !== last.anchors.length) return undefined;
  if (!change) return anchors.every((a, k) => a === last.anchors[k]) ? last.windows : undefined;
  const old = last.text;
  const move = inertEdit(old, text, change);
  if (!move || mayCrossSizeRule(old, change)) return undefined;
  const { start, oldEnd, newEnd } = change;
  const delta = newEnd - oldEnd;
  for (let k = 0; k < anchors.length; k++) {
    const was = last.anchors[k];
    if (was >= start - 1 && was <= oldEnd) return undefined;
    if (anchors[k] !== (was < start ? was : was + delta)) return undefined;
  }
  const windows: Span[] = [];
  for (const w of last.windows) {
    const from = move(w.start);
    const to = move(w.end);
    if (from === undefined || to === undefined) return undefined;
    windows.push({ start: from, end: to });
  }
  return windows;
}

/** Where an offset of the last text is after the edit; undefined when that cannot be told. */
type Move = (offset: number) => number | undefined;

const OTHER = 0;
const BLANK = 1;
const PLAIN = 2;
const NEWLINE = 0x0a;
const SPACE = 0x20;
const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const STAR = 0x2a;
const LEXED = '"\\/*{}[],:';

/** Blanks are the lexer's (a line break aside); plain characters are all it does not look at. */
function charClass(code: number): number {
  if (Number.isNaN(code) || code === NEWLINE) return OTHER;
  if (code <= SPACE) return BLANK;
  return LEXED.includes(String.fromCharCode(code)) ? OTHER : PLAIN;
}

/**
 * How window ends move when the edit leaves the tokens as they were but for the length of one,
 * else undefined. That holds when the removed and inserted characters are all plain and so is a
 * neighbour (whatever they sit in: a string, a comment, a word or number, which they lengthen or
 * shorten), or all blanks (no line break) with no backslash, slash or star before them. Window ends
 * lie at tokens: at the edit, one after the token before it stays, one at the token after it moves;
 * blanks inserted between two tokens are where that cannot be told.
 */
function inertEdit(old: string, text: string, change: Change): Move | undefined {
  const { start, oldEnd, newEnd } = change;
  if (start === 0 || oldEnd >= old.length) return undefined;
  const kind = charClass(start < oldEnd ? old.charCodeAt(start) : text.charCodeAt(start));
  if (kind === OTHER) return undefined;
  for (let i = start; i < oldEnd; i++) if (charClass(old.charCodeAt(i)) !== kind) return undefined;
  for (let i = start; i < newEnd; i++) if (charClass(text.charCodeAt(i)) !== kind) return undefined;
  const delta = newEnd - oldEnd;
  const before = old.charCodeAt(start - 1);
  const after = old.charCodeAt(oldEnd);
  if (kind === PLAIN) {
    // Plain characters next to a plain one join its run (a word, a number): an end after the run moves.
    if (charClass(before) === PLAIN) return (b) => (b < start ? b : b >= oldEnd ? b + delta : undefined);
    if (charClass(after) === PLAIN) return (b) => (b <= start ? b : b > oldEnd ? b + delta : undefined);
    return undefined;
  }
  // A comment mark made or broken by the edit has its first character before it.
  if (before === BACKSLASH || before === SLASH || before === STAR) return undefined;
  if (oldEnd > start) return (b) => (b <= start ? b : b >= oldEnd ? b + delta : undefined);
  if (charClass(before) === BLANK || before === NEWLINE) return (b) => (b < start ? b : b + delta);
  if (charClass(after) === BLANK) return (b) => (b <= start ? b : b + delta);
  return undefined;
}

/** Edits that change the length by more than this are not carried over (the size rule's check is quadratic). */
const MAX_CARRIED_DELTA = 256;

/**
 * Whether an object or array around the edit might cross the size rule (`MIN_ELIDED`): any opening
 * bracket close enough before the edit, paired with a closing one (or the text's end) close enough
 * after it, whose inside length is on different sides of the rule before and after. Brackets in
 * strings and comments count too: that only makes the check stricter.
 */
function mayCrossSizeRule(old: string, change: Change): boolean {
  const { start, oldEnd, newEnd } = change;
  const delta = newEnd - oldEnd;
  if (Math.abs(delta) > MAX_CARRIED_DELTA) return true;
  const reach = MIN_ELIDED + Math.abs(delta) + 1;
  const closers: number[] = [];
  for (let i = oldEnd; i < Math.min(old.length, oldEnd + reach); i++) if (isCloser(old.charCodeAt(i))) closers.push(i);
  if (old.length < oldEnd + reach) closers.push(old.length);
  if (closers.length === 0) return false;
  for (let o = Math.max(0, start - reach); o < start; o++) {
    if (!isOpener(old.charCodeAt(o))) continue;
    for (const c of closers) {
      const inside = c - o - 1;
      if (inside >= MIN_ELIDED !== inside + delta >= MIN_ELIDED) return true;
    }
  }
  return false;
}

function isOpener(code: number): boolean {
  return code === 0x7b || code === 0x5b;
}

function isCloser(code: number): boolean {
  return code === 0x7d || code === 0x5d;
}
