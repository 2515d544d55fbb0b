// Brackets in source code, strings and line comments skipped: the call or object around an offset,
// and the top-level items (arguments, properties) between a pair of brackets.
import type { CodeSyntax } from './literals';

export interface Open {
  char: '(' | '[' | '{';
  at: number;
}

const CLOSE: Record<string, Open['char']> = { ')': '(', ']': '[', '}': '{' };

/** Walks `text` from `from` to `to`, calling `visit` at each bracket outside strings and comments. */
function walk(text: string, syntax: CodeSyntax, from: number, to: number, visit: (c: string, i: number) => boolean | void): void {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (syntax.lineComment.some((m) => text.startsWith(m, i)) && !(c === '/' && text[i - 1] === ':')) {
      const nl = text.indexOf('\n', i);
      if (nl === -1) return;
      i = nl;
      continue;
    }
    const q = syntax.quotes.find((quote) => text.startsWith(quote, i));
    if (q && !(syntax.charQuote && q === "'")) {
      let k = i + q.length;
      const raw = syntax.rawQuotes?.includes(q) ?? false;
      while (k < to && !text.startsWith(q, k)) k += !raw && text[k] === '\\' ? 2 : 1;
      i = k + q.length - 1;
      continue;
    }
    if (syntax.charQuote && c === "'") {
      const m = /^'(?:\\.[^']{0,8}|[^'\\])'/.exec(text.slice(i, i + 12));
      if (m) i += m[0].length - 1;
      continue;
    }
    if ((c === '(' || c === '[' || c === '{' || c === ')' || c === ']' || c === '}') && visit(c, i) === false) return;
  }
}

/** The brackets open at `offset`, outermost first. */
export function openBracketsAt(text: string, offset: number, syntax: CodeSyntax): Open[] {
  const stack: Open[] = [];
  walk(text, syntax, 0, offset, (c, i) => {
    if (c in CLOSE) {
      while (stack.length && stack[stack.length - 1].char !== CLOSE[c]) stack.pop();
      stack.pop();
    } else {
      stack.push({ char: c as Open['char'], at: i });
    }
  });
  return stack;
}

/** The offset of the bracket closing the one at `open`, or -1. */
export function closingBracket(text: string, open: number, syntax: CodeSyntax): number {
  let depth = 0;
  let found = -1;
  walk(text, syntax, open, text.length, (c, i) => {
    if (c in CLOSE) depth--;
    else depth++;
    if (depth === 0) {
      found = i;
      return false;
    }
    return true;
  });
  return found;
}

export interface Item {
  start: number;
  end: number;
}

/** The comma-separated items directly inside the brackets at `open`..`close`, trimmed. */
export function itemsBetween(text: string, open: number, close: number, syntax: CodeSyntax): Item[] {
  const commas: number[] = [];
  // `walk` reports brackets only: commas are looked for between them, at depth 0.
  let depth = 0;
  let last = open + 1;
  const spans: Item[] = [];
  walk(text, syntax, open + 1, close, (c, i) => {
    if (depth === 0) scanCommas(text, last, i, commas, syntax);
    depth += c in CLOSE ? -1 : 1;
    if (depth === 0) last = i + 1;
  });
  if (depth === 0) scanCommas(text, last, close, commas, syntax);
  // Whitespace and whole comment lines around an item are not part of it.
  const markers = syntax.lineComment.map((m) => m.replace(/[/#]/g, (c) => `\\${c}`)).join('|');
  const leading = new RegExp(`^(?:\\s+|(?:${markers})[^\\n]*(?:\\n|$))*`);
  let start = open + 1;
  for (const comma of [...commas, close]) {
    const raw = text.slice(start, comma);
    const lead = leading.exec(raw)![0].length;
    const trail = raw.length - raw.trimEnd().length;
    if (lead < raw.length - trail) spans.push({ start: start + lead, end: comma - trail });
    start = comma + 1;
  }
  return spans;
}

function scanCommas(text: string, from: number, to: number, out: number[], syntax: CodeSyntax): void {
  let inString: string | undefined;
  for (let i = from; i < to; i++) {
    if (inString) {
      if (text[i] === '\\') i++;
      else if (text.startsWith(inString, i)) {
        i += inString.length - 1;
        inString = undefined;
      }
      continue;
    }
    if (syntax.lineComment.some((m) => text.startsWith(m, i)) && !(text[i] === '/' && text[i - 1] === ':')) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? to : nl;
      continue;
    }
    const q = syntax.quotes.find((quote) => text.startsWith(quote, i));
    if (q && !(syntax.charQuote && q === "'")) {
      inString = q;
      i += q.length - 1;
      continue;
    }
    if (text[i] === ',') out.push(i);
  }
}

/** The span that removes `item` from its list: whole lines when it stands alone on them, else the item and one comma. */
export function removalSpan(text: string, items: Item[], index: number): Item {
  const item = items[index];
  const lineStart = text.lastIndexOf('\n', item.start - 1) + 1;
  const after = /^\s*,?[ \t]*(?:(?:#|\/\/)[^\n]*)?\r?\n/.exec(text.slice(item.end));
  if (/^[ \t]*$/.test(text.slice(lineStart, item.start)) && after) {
    return { start: lineStart, end: item.end + after[0].length };
  }
  if (index < items.length - 1) return { start: item.start, end: items[index + 1].start };
  if (index > 0) {
    const prevEnd = items[index - 1].end;
    return { start: prevEnd, end: item.end };
  }
  return item;
}
