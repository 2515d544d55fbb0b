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
