// Source text with comments blanked and string contents blanked (quotes kept), same length and same
// line breaks: patterns run over the code alone, and the original text at the same offsets still
// holds each string's content. Python and JavaScript/TypeScript rules.

export type MaskSyntax = 'python' | 'javascript';

const PY_QUOTES = ['"""', "'''", '"', "'"];
const JS_QUOTES = ['`', '"', "'"];

export function maskCode(text: string, syntax: MaskSyntax): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  const quotes = syntax === 'python' ? PY_QUOTES : JS_QUOTES;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((syntax === 'python' && c === '#') || (syntax === 'javascript' && c === '/' && text[i + 1] === '/')) {
      const nl = text.indexOf('\n', i);
      const end = nl === -1 ? text.length : nl;
      blank(i, end);
      i = end;
      continue;
    }
    if (syntax === 'javascript' && c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close === -1 ? text.length : close + 2;
      blank(i, end);
      i = end - 1;
      continue;
    }
    if (c !== '"' && c !== "'" && c !== '`') continue;
    const quote = quotes.find((q) => text.startsWith(q, i));
    if (!quote) continue;
    const raw = syntax === 'python' && /[rR]/.test(text[i - 1] ?? '') && /[^\w]|^$/.test(text[i - 2] ?? '');
    const multiLine = quote.length === 3 || quote === '`';
    let k = i + quote.length;
    while (k < text.length && !text.startsWith(quote, k)) {
      if (!multiLine && text[k] === '\n') break;
      k += !raw && text[k] === '\\' ? 2 : 1;
    }
    blank(i + quote.length, Math.min(k, text.length));
    i = k + quote.length - 1;
  }
  return out.join('');
}

