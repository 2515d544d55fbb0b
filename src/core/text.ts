import type { Position, Range, Span } from './types';

/** Maps UTF-16 offsets to zero-based line/character positions and back. */
export class LineIndex {
  /** Line starts, found on first use: most files of a workspace have nothing to report. */
  private found: number[] | undefined;

  constructor(readonly text: string, starts?: number[]) {
    this.found = starts;
  }

  private get starts(): number[] {
    if (!this.found) {
      const { text } = this;
      const starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.found = starts;
    }
    return this.found;
  }

  /** The index of `text`, which is `previous.text` with `[start, oldEnd)` replaced by `text`'s `[start, newEnd)`. */
  static edited(previous: LineIndex, text: string, change: { start: number; oldEnd: number; newEnd: number }): LineIndex {
    const old = previous.starts;
    // Line starts up to the change keep their offset; those after the removed text move by the size difference.
    const kept = previous.lineOf(change.start) + 1;
    const added: number[] = [];
    for (let i = text.indexOf('\n', change.start); i !== -1 && i < change.newEnd; i = text.indexOf('\n', i + 1)) added.push(i + 1);
    const delta = change.newEnd - change.oldEnd;
    let next = kept;
    while (next < old.length && old[next] <= change.oldEnd) next++;
    const moved = old.slice(next);
    if (delta !== 0) for (let i = 0; i < moved.length; i++) moved[i] += delta;
    return new LineIndex(text, old.slice(0, kept).concat(added, moved));
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** End of the line's content, before `\r\n` or `\n`. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return next > 0 && this.text.charCodeAt(next - 1) === 13 && next - 1 >= this.lineStart(line) ? next - 1 : next;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  lineOf(offset: number): number {
    const { starts } = this;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): Position {
    const line = this.lineOf(offset);
    return { line, character: offset - this.starts[line] };
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  offset(pos: Position): number {
    return Math.min(this.lineStart(pos.line) + pos.character, this.text.length);
  }
}

/**
 * Shows enough of a secret to recognise it and never enough to use it:
 * a known prefix (up to the first `_`, `-` or `.` within 12 characters, else 4 characters) and the last 5.
 */
export function redact(value: string): string {
  if (value.length <= 8) return '*'.repeat(Math.max(3, value.length));
  const sep = value.slice(0, 13).search(/[_\-.]/);
  let head = sep > 0 && sep <= 12 ? value.slice(0, sep + 1) : value.slice(0, 4);
  if (head.length > value.length / 3) head = value.slice(0, Math.min(4, Math.floor(value.length / 4)));
  const tailLen = value.length >= 20 ? 5 : 2;
  return `${head}…${value.slice(-tailLen)}`;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (!value) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** 64-bit FNV-1a as 16 hex digits: stable, fast, pure; not a cryptographic hash. */
export function hash64(input: string): string {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0xcbf29ce4 | 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ (c + 0x9e37), 0x01000193) ^ (h1 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

export function isProbablyBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let suspicious = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 7 || (b > 13 && b < 32 && b !== 27)) suspicious++;
  }
  return n > 0 && suspicious / n > 0.1;
}

/** True when the text looks minified or generated: very long lines dominate. */
export function looksMinified(text: string): boolean {
  if (text.length < 4096) return false;
  let longest = 0;
  let lines = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); ; i = text.indexOf('\n', start)) {
    const end = i === -1 ? text.length : i;
    longest = Math.max(longest, end - start);
    lines++;
    if (i === -1 || lines > 200) break;
    start = i + 1;
  }
  return longest > 5000 && text.length / lines > 1000;
}

/** A file size for messages: `1.5 MB`, `12 KB`. */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** The first index in `[0, count)` where `reached` holds (`count` when it never does); `reached` must stay true once true. */
export function firstIndex(count: number, reached: (index: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The index of the first of the `sorted` numbers at or after `value` (their count when none is). */
export function firstAtOrAfter(sorted: readonly number[], value: number): number {
  return firstIndex(sorted.length, (i) => sorted[i] >= value);
}
