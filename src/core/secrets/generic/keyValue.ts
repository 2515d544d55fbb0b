// `NAME=value` inside one string or line: docker-compose environment lists, command-line flags,
// dotenv lines. Offsets are relative to the text given.

export interface KeyValue {
  name: string;
  /** The value without surrounding quotes. */
  valueStart: number;
  valueEnd: number;
}

const ASSIGNMENT = /^(\s*(?:export\s+|-D|--?)?)([A-Za-z_][\w.-]{0,127})(\s*=\s*)/;

/** Splits `NAME=value`, `export NAME=value`, `--name=value`, `-Dname=value`; null for anything else. */
export function splitKeyValue(text: string): KeyValue | null {
  const m = ASSIGNMENT.exec(text);
  if (!m) return null;
  return { name: m[2], ...unquoted(text, m[0].length, text.length) };
}

/** `NAME=value` pairs that start the text or follow a blank; a value runs to the next blank unless quoted or `{{ … }}`. */
const INLINE_PAIR = /(?<![^\s])([A-Za-z_][\w.-]{0,127})=(\{\{[^}\n]{0,200}\}\}|"[^"\n]{0,512}"|'[^'\n]{0,512}'|[^\s"']{0,512})/g;

/**
 * Every `NAME=value` pair in `text[from, to)`: Ansible inventory host lines
 * (`web-01 ansible_user=deploy ansible_password=…`), Dockerfile `ENV A=1 B=2`.
 */
export function inlinePairs(text: string, from = 0, to = text.length): KeyValue[] {
  const out: KeyValue[] = [];
  const part = text.slice(from, to);
  for (const m of part.matchAll(INLINE_PAIR)) {
    const valueStart = m.index + m[1].length + 1;
    const value = unquoted(part, valueStart, valueStart + m[2].length);
    out.push({ name: m[1], valueStart: from + value.valueStart, valueEnd: from + value.valueEnd });
  }
  return out;
}

/** The span between `start` and `end` without surrounding blanks and one pair of matching quotes. */
export function unquoted(text: string, start: number, end: number): { valueStart: number; valueEnd: number } {
  while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const q = text[start];
  if (end - start >= 2 && (q === '"' || q === "'" || q === '`') && text[end - 1] === q) {
    start++;
    end--;
  }
  return { valueStart: start, valueEnd: end };
}
