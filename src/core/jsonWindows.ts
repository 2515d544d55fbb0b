// A large JSON text is parsed as a much shorter stream that keeps, for every anchor, what the
// generic walker reads around it: the members of the object or array that holds it (values that
// are objects or arrays without an anchor become `{}` or `[]`, in place), and above that the chain
// of enclosing members with their keys. Members of an enclosing object that hold no anchor are
// left out, with their commas. Offsets stay the document's (tree-sitter's included ranges).
import { MAX_NAME_VALUE_MEMBERS } from './secrets/generic/walker';
import { firstAtOrAfter } from './text';
import type { Span } from './types';

/** Objects and arrays whose inside is shorter than this keep it: a range costs more than parsing it. */
export const MIN_ELIDED = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const STAR = 0x2a;
const COLON = 0x3a;
const COMMA = 0x2c;
const SPACE = 0x20;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** An open object or array (or the document itself, `open` -1). */
interface Frame {
  open: number;
  /** An object (`{`), not an array or the document itself. */
  isObject: boolean;
  /** How many members it has, and the first `MAX_NAME_VALUE_MEMBERS + 1` of them as [comma before, start, end] triples. */
  members: number;
  leading: number[];
  /** Where the member holding it starts: its key when it is a pair's value. */
  from: number;
  /** The current member's first token, -1 before it; the comma before it, -1 for the first. */
  memberStart: number;
  comma: number;
  /** Members holding an anchor, as [comma before, start, end] triples. */
  anchored: number[];
  /** Anchors inside the objects and arrays directly within it. */
  nested: number;
  /** `gaps.length` when it opened: the gaps after that lie inside it. */
  firstGap: number;
}

/**
 * The spans of `text` to parse, given the anchors' offsets (sorted). Brackets are matched as
 * written, outside strings and comments; a string ends at its closing quote or at its line's end
 * (JSON strings hold no line break); a closer closes whatever is open, and what is still open
 * closes at the end.
 */
export function jsonWindows(text: string, anchors: readonly number[]): Span[] {
  const n = text.length;
  if (anchors.length === 0) return [{ start: 0, end: n }];
  const gaps: Span[] = [];
  const stack: Frame[] = [newFrame(-1, false, 0, 0)];
  let top = stack[0];
  let lastTokenEnd = 0;
  let lastString = -1;
  let lastStringEnd = -1;
  let keyStart = -1;
  let lineEnd = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c <= SPACE) continue;
    if (c === SLASH && i + 1 < n) {
      const next = text.charCodeAt(i + 1);
      if (next === SLASH || next === STAR) {
        const end = next === SLASH ? text.indexOf('\n', i + 2) : text.indexOf('*/', i + 2);
        i = end < 0 ? n : next === SLASH ? end - 1 : end + 1;
        continue;
      }
    }
    if (c === COMMA) {
      endMember(top, lastTokenEnd, anchors);
      top.comma = i;
      continue;
    }
    if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && stack.length > 1) {
      endMember(top, lastTokenEnd, anchors);
      const closed = stack.pop()!;
      top = stack[stack.length - 1];
      top.nested += close(closed, i, anchors, gaps);
      lastTokenEnd = i + 1;
      continue;
    }
    if (top.memberStart < 0) top.memberStart = i;
    if (c === QUOTE) {
      lastString = i;
      if (lineEnd <= i) lineEnd = nextLineEnd(text, i);
      const end = stringEnd(text, i);
      i = end < lineEnd ? end : lineEnd - 1;
      lastTokenEnd = lastStringEnd = i + 1;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      top = newFrame(i, c === OPEN_BRACE, keyStart >= 0 && lastTokenEnd === keyStart ? lastString : i, gaps.length);
      stack.push(top);
    } else if (c === COLON && lastTokenEnd === lastStringEnd) {
      // `keyStart` marks the colon's end: a bracket right after it opens the key's value.
      keyStart = i + 1;
      lastTokenEnd = i + 1;
      continue;
    }
    lastTokenEnd = i + 1;
  }
  closeAll(stack, lastTokenEnd, n, anchors, gaps);
  return keptBetween(gaps, n);
}

// The steps after the loop are functions of their own: V8 optimises the loop while it runs (OSR),
// and code after it that has not run yet would throw that optimised code away when reached.

/** What is left open closes at the end (tree-sitter adds the missing brackets). */
function closeAll(stack: Frame[], lastTokenEnd: number, n: number, anchors: readonly number[], gaps: Span[]): void {
  let top = stack[stack.length - 1];
  while (stack.length) {
    endMember(top, lastTokenEnd, anchors);
    const closed = stack.pop()!;
    const inside = close(closed, n, anchors, gaps);
    top = stack[stack.length - 1];
    if (top) top.nested += inside;
    lastTokenEnd = n;
  }
}

/** The spans between the gaps (sorted) of a text `n` long. */
function keptBetween(gaps: Span[], n: number): Span[] {
  const kept: Span[] = [];
  let from = 0;
  for (const gap of gaps) {
    if (gap.start > from) kept.push({ start: from, end: gap.start });
    from = gap.end;
  }
  if (from < n || kept.length === 0) kept.push({ start: from, end: n });
  return kept;
}

function newFrame(open: number, isObject: boolean, from: number, firstGap: number): Frame {
  return { open, isObject, members: 0, leading: [], from, memberStart: -1, comma: -1, anchored: [], nested: 0, firstGap };
}

/** The member of `f` under way ends at `end` (its last token's). */
function endMember(f: Frame, end: number, anchors: readonly number[]): void {
  if (f.memberStart < 0) return;
  if (countWithin(anchors, f.memberStart, end - 1) > 0) f.anchored.push(f.comma, f.memberStart, end);
  if (f.members++ <= MAX_NAME_VALUE_MEMBERS) f.leading.push(f.comma, f.memberStart, end);
  f.memberStart = -1;
}

/**
 * At `f`'s closer (`at`): without an anchor from its key on, its inside is left out; when all its
 * anchors are inside objects or arrays within it, so are its members without one. With an anchor
 * in a key, a string or a comment of its own, the walker may read its other members (a `name`
 * key's sibling `value`) unless it is an object with more than `MAX_NAME_VALUE_MEMBERS` of them,
 * which it only counts: such an object keeps its anchored members and that many more; anything
 * else is kept but for the gaps inside its members. Returns how many anchors are inside it.
 */
function close(f: Frame, at: number, anchors: readonly number[], gaps: Span[]): number {
  const inside = countWithin(anchors, f.open + 1, at - 1);
  if (inside === 0) {
    if (countWithin(anchors, f.from, at) === 0 && at - f.open - 1 >= MIN_ELIDED) {
      gaps.length = f.firstGap;
      gaps.push({ start: f.open + 1, end: at });
    }
    return 0;
  }
  let kept = f.anchored;
  if (f.nested !== inside) {
    if (!f.isObject || f.members <= MAX_NAME_VALUE_MEMBERS) return inside;
    kept = mergedMembers(f.leading, f.anchored);
  }
  const inner = gaps.splice(f.firstGap);
  let cursor = f.open + 1;
  let g = 0;
  for (let k = 0; k < kept.length; k += 3) {
    const [comma, start, end] = [kept[k], kept[k + 1], kept[k + 2]];
    // The comma before a member is kept unless it is the first one kept.
    const dropTo = k === 0 || comma < cursor ? start : comma;
    if (dropTo > cursor) gaps.push({ start: cursor, end: dropTo });
    while (g < inner.length && inner[g].start < start) g++;
    while (g < inner.length && inner[g].end <= end) gaps.push(inner[g++]);
    cursor = end;
  }
  if (at > cursor) gaps.push({ start: cursor, end: at });
  return inside;
}

/** Two lists of [comma, start, end] member triples, each in text order, as one in text order without repeats. */
function mergedMembers(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const fromA = j >= b.length || (i < a.length && a[i + 1] <= b[j + 1]);
    const next = fromA ? a : b;
    const k = fromA ? i : j;
    if (out.length === 0 || out[out.length - 2] !== next[k + 1]) out.push(next[k], next[k + 1], next[k + 2]);
    if (fromA) i += 3;
    else j += 3;
  }
  return out;
}

/** The offset of the line break after `from`, or the text's length. */
function nextLineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** The quote closing the string opened at `open` (one not escaped by an odd run of backslashes), or the text's length. */
function stringEnd(text: string, open: number): number {
  for (let q = text.indexOf('"', open + 1); q >= 0; q = text.indexOf('"', q + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return q;
  }
  return text.length;
}

/** How many of the sorted offsets lie in `[start, end]`. */
function countWithin(sorted: readonly number[], start: number, end: number): number {
  return end < start ? 0 : firstAtOrAfter(sorted, end + 1) - firstAtOrAfter(sorted, start);
}
