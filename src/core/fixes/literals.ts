// Finds the string literal around a secret in source code, by scanning its line with the language's
// quoting and comment rules: enough to replace the literal, split it, or tell that the value sits in
// a comment. Statements whose string starts on an earlier line are not handled (no literal found).

export interface CodeSyntax {
  /** Quote sequences that open a string, longest first (`"""` before `"`). */
  quotes: string[];
  /** Letters that may prefix a string (`f`, `r`, `b` in Python; `@`, `$` in C#). */
  prefixes?: RegExp;
  /** Prefixes that make a string raw (backslashes are not escapes). */
  rawPrefix?: RegExp;
  /** Quotes whose strings are raw whatever the prefix (Go backticks, Kotlin triple quotes). */
  rawQuotes?: string[];
  lineComment: string[];
  /** `'x'` is a character (or a lifetime), not a string. */
  charQuote?: boolean;
  /** A comment starts only at the start of a word (shell: `a#b` is one word). */
  commentAtWordStart?: boolean;
}

const C_LIKE = ['//'];
export const SYNTAX: Record<string, CodeSyntax> = {
  javascript: { quotes: ['`', '"', "'"], lineComment: C_LIKE },
  python: { quotes: ['"""', "'''", '"', "'"], prefixes: /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/, rawPrefix: /[rR]/, lineComment: ['#'] },
  go: { quotes: ['"', '`'], rawQuotes: ['`'], lineComment: C_LIKE, charQuote: true },
  java: { quotes: ['"""', '"'], lineComment: C_LIKE, charQuote: true },
  kotlin: { quotes: ['"""', '"'], rawQuotes: ['"""'], lineComment: C_LIKE, charQuote: true },
  csharp: { quotes: ['"""', '"'], prefixes: /^(?:@|\$|\$@|@\$|u8)$/, rawPrefix: /@/, rawQuotes: ['"""'], lineComment: C_LIKE, charQuote: true },
  ruby: { quotes: ['"', "'"], lineComment: ['#'] },
  php: { quotes: ['"', "'"], lineComment: ['//', '#'] },
  rust: { quotes: ['"'], prefixes: /^(?:r#*|b|br#*)$/, rawPrefix: /r/, lineComment: C_LIKE, charQuote: true },
  swift: { quotes: ['"""', '"'], lineComment: C_LIKE },
  elixir: { quotes: ['"""', '"', "'"], lineComment: ['#'] },
  groovy: { quotes: ['"""', "'''", '"', "'"], lineComment: C_LIKE },
  bash: { quotes: ['"', "'"], lineComment: ['#'], commentAtWordStart: true },
};

export interface StringLiteral {
  /** The whole literal, prefix and quotes included. */
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  prefix: string;
  /** The opening quote sequence (the closing one is the same, apart from Rust's `#`s). */
  quote: string;
  /** Backslashes are not escapes. */
  raw: boolean;
}

export type Placement = { kind: 'string'; literal: StringLiteral } | { kind: 'comment' } | { kind: 'code' };

/** Where `span` sits on its line: inside a string literal, a comment, or bare code. */
export function placementOf(text: string, span: { start: number; end: number }, syntax: CodeSyntax): Placement {
  let i = text.lastIndexOf('\n', span.start - 1) + 1;
  const lineEnd = lineEndFrom(text, span.end);
  while (i < span.start) {
    if (syntax.lineComment.some((c) => text.startsWith(c, i)) && !isPhpOrUrlSlash(text, i) && (!syntax.commentAtWordStart || /^\s?$/.test(text[i - 1] ?? ''))) {
      return { kind: 'comment' };
    }
    const open = openingAt(text, i, syntax);
    if (open) {
      const close = closingOf(text, open, syntax, open.quote.length > 1 || open.quote === '`' ? text.length : lineEnd);
      if (close === -1) return { kind: 'code' };
      if (close >= span.end && open.contentStart <= span.start) {
        return { kind: 'string', literal: { ...open, contentEnd: close, end: close + closingLength(open) } };
      }
      i = close + closingLength(open);
      continue;
    }
    if (syntax.charQuote && text[i] === "'") {
      const m = /^'(?:\\.[^']{0,8}|[^'\\])'/.exec(text.slice(i, i + 12));
      i += m ? m[0].length : 1;
      continue;
    }
    i++;
  }
  return { kind: 'code' };
}

function lineEndFrom(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  return n === -1 ? text.length : n;
}

/** `//` inside `http://` is no comment in languages where `:` cannot precede one. */
function isPhpOrUrlSlash(text: string, i: number): boolean {
  return text[i] === '/' && text[i - 1] === ':';
}

interface Opening {
  start: number;
  contentStart: number;
  prefix: string;
  quote: string;
  raw: boolean;
  hashes: number;
}

function openingAt(text: string, i: number, syntax: CodeSyntax): Opening | undefined {
  // A prefix is a short run of letters (or @ $ #) right before the quote, not the end of an identifier.
  let j = i;
  while (j < text.length && j - i < 4 && /[A-Za-z@$#0-9]/.test(text[j])) j++;
  for (const q of syntax.quotes) {
    for (const at of j > i ? [j, i] : [i]) {
      if (!text.startsWith(q, at)) continue;
      const prefix = text.slice(i, at);
      if (prefix && (!syntax.prefixes?.test(prefix) || /[\w$]/.test(text[i - 1] ?? ''))) continue;
      const raw = Boolean(syntax.rawQuotes?.includes(q) || (prefix && syntax.rawPrefix?.test(prefix)));
      return { start: i, contentStart: at + q.length, prefix, quote: q, raw, hashes: (prefix.match(/#/g) ?? []).length };
    }
  }
  return undefined;
}

function closingOf(text: string, open: Opening, syntax: CodeSyntax, limit: number): number {
  const closing = open.quote + '#'.repeat(open.hashes);
  for (let k = open.contentStart; k < limit; k++) {
    const c = text[k];
    if (c === '\\' && !open.raw && !(syntax === SYNTAX.bash && open.quote === "'")) {
      k++;
      continue;
    }
    if (open.raw && open.prefix.includes('@') && c === '"' && text[k + 1] === '"') {
      k++; // "" inside a C# verbatim string
      continue;
    }
    if (text.startsWith(closing, k)) return k;
  }
  return -1;
}

function closingLength(open: Opening): number {
  return open.quote.length + open.hashes;
}

/** The runtime value of a literal's content (common escapes decoded; raw strings as written). */
export function decodeContent(raw: string, literal: StringLiteral): string {
  if (literal.raw) return literal.prefix.includes('@') ? raw.replace(/""/g, '"') : raw;
  return decodeEscapes(raw);
}

export function decodeEscapes(raw: string): string {
  return raw.replace(/\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (e[0] === 'u' && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e[0] === 'x' && e.length === 3) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', r: '\r', t: '\t', '0': '\0' } as Record<string, string>)[e] ?? e;
  });
}

/** The literals of a concatenation (`"pa" + "ss" + "word"`, PHP `'a' . 'b'`): each literal, or undefined when it is anything else. */
export function concatenatedLiterals(text: string, span: { start: number; end: number }, syntax: CodeSyntax): StringLiteral[] | undefined {
  const out: StringLiteral[] = [];
  let i = span.start;
  while (i < span.end) {
    const open = openingAt(text, i, syntax);
    if (!open) return undefined;
    const close = closingOf(text, open, syntax, span.end);
    if (close === -1) return undefined;
    const end = close + closingLength(open);
    out.push({ start: open.start, end, contentStart: open.contentStart, contentEnd: close, prefix: open.prefix, quote: open.quote, raw: open.raw });
    i = end;
    const gap = /^[\s+.\\]*/.exec(text.slice(i, span.end))![0];
    if (i + gap.length >= span.end) break;
    if (!/[+.]/.test(gap) && !/^\s+$/.test(gap)) return undefined;
    i += gap.length;
  }
  return out.length > 1 ? out : undefined;
}
