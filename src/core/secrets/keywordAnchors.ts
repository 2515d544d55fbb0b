// Where a format's matches can start. Most provider tokens begin with a fixed text (`ghp_`,
// `sk_live_`, the `://` of a URL): every match then starts at an occurrence of that text, which
// the keyword pass has already found, so the regex runs once at each occurrence instead of over
// whole lines (a minified file is one line of megabytes).

/** The literal text every match of `source` starts with, or '' when there is none. */
export function leadingLiteral(source: string): string {
  const close = matchingParens(source);
  if (!close) return '';
  let i = 0;
  // Lookbehinds read what comes before the match; they add nothing to it.
  while (source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) i = close.get(i)! + 1;
  // Groups the literal opens: each must have no alternative and be required.
  const opened: number[] = [];
  for (let m: RegExpExecArray | null; (m = /^\((?:\?:|\?<[A-Za-z_]\w*>|(?!\?))/.exec(source.slice(i)));) {
    opened.push(i);
    i += m[0].length;
  }
  if (hasAlternative(source, -1, source.length)) return '';
  for (const open of opened) {
    const end = close.get(open)!;
    if (hasAlternative(source, open, end) || /^[?*]|^\{0[,}]/.test(source.slice(end + 1))) return '';
  }
  let literal = '';
  while (i < source.length) {
    const c = source[i];
    let char: string;
    let width = 1;
    if (c === '\\') {
      const escaped = source[i + 1];
      if (escaped === undefined || /[\w\s]/.test(escaped)) break; // \d, \w, \b, \1…: not one literal character
      char = escaped;
      width = 2;
    } else if ('^$.|?*+()[]{}'.includes(c)) {
      break;
    } else {
      char = c;
    }
    // A quantifier that allows zero makes this character optional: the literal ends before it.
    if (/^[?*]|^\{0[,}]/.test(source.slice(i + width))) break;
    literal += char;
    i += width;
    if (/^[+{]/.test(source.slice(i))) break;
  }
  return literal;
}

/** Offsets of each `(` mapped to its `)`, skipping escapes and character classes; undefined when unbalanced. */
function matchingParens(source: string): Map<number, number> | undefined {
  const close = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '(') stack.push(i);
    else if (c === ')') {
      const open = stack.pop();
      if (open === undefined) return undefined;
      close.set(open, i);
    }
  }
  return stack.length ? undefined : close;
}

/** Whether the group opened at `open` (-1: the whole pattern) and closed at `end` has a `|` of its own. */
function hasAlternative(source: string, open: number, end: number): boolean {
  let depth = 0;
  for (let i = open + 1; i < end; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < end && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * Among `keywords` (lower-case), the longest one that every match of `source` starts with, or
 * undefined. Its occurrences are then the only places where a match can start.
 */
export function anchorKeyword(source: string, keywords: readonly string[]): string | undefined {
  const literal = leadingLiteral(source).toLowerCase();
  let best: string | undefined;
  for (const k of keywords) if (k.length > 0 && literal.startsWith(k) && k.length > (best?.length ?? 0)) best = k;
  return best;
}
