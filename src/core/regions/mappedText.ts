// Text pieced together from a source (a JSON string decoded, a fence with its indentation
// stripped) that remembers where each character came from.

/**
 * Builds a text run by run. A run starts with one character whose source may be longer than
 * itself (an escape sequence such as `\n` or `\u00e9`), followed by characters copied verbatim.
 * A decoded character maps to the start of its escape; a span end maps to just after the
 * source of the character before it.
 */
export class MappedText {
  private readonly parts: string[] = [];
  private length = 0;
  /** Per run: offset in this text, source offset of its first character, source length of that character. */
  private readonly runStarts: number[] = [];
  private readonly sourceStarts: number[] = [];
  private readonly headLengths: number[] = [];
  private built: string | undefined;

  /** `origin` is where an empty text sits in the source. */
  constructor(private readonly origin: number) {}

  /** Appends source[start, end) verbatim. */
  copy(source: string, start: number, end: number): void {
    if (end <= start) return;
    if (this.runStarts.length === 0 || this.sourceEndOf(this.length - 1) !== start) this.pushRun(start, 1);
    this.append(source.slice(start, end), end - start);
  }

  /** Appends one UTF-16 code unit decoded from the escape sequence at source[start, end). */
  decoded(codeUnit: number, start: number, end: number): void {
    this.pushRun(start, end - start);
    this.append(String.fromCharCode(codeUnit), 1);
  }

  get text(): string {
    return (this.built ??= this.parts.join(''));
  }

  /** Source offset of the character at `offset`; the text's end maps to just after the last character's source. */
  toSource(offset: number): number {
    if (offset >= this.length) return this.toSourceEnd(this.length);
    const at = Math.max(0, offset);
    const run = this.runAt(at);
    const step = at - this.runStarts[run];
    return step === 0 ? this.sourceStarts[run] : this.sourceStarts[run] + this.headLengths[run] + step - 1;
  }

  /** Source offset just after the character before `offset`: where a span ending at `offset` ends. */
  toSourceEnd(offset: number): number {
    if (this.length === 0) return this.origin;
    if (offset <= 0) return this.toSource(0);
    return this.sourceEndOf(Math.min(offset, this.length) - 1);
  }

  private sourceEndOf(index: number): number {
    const run = this.runAt(index);
    return this.sourceStarts[run] + this.headLengths[run] + index - this.runStarts[run];
  }

  private pushRun(start: number, headLength: number): void {
    this.runStarts.push(this.length);
    this.sourceStarts.push(start);
    this.headLengths.push(headLength);
  }

  private append(piece: string, length: number): void {
    this.parts.push(piece);
    this.length += length;
    this.built = undefined;
  }

  /** Index of the last run starting at or before `offset`. */
  private runAt(offset: number): number {
    let lo = 0;
    let hi = this.runStarts.length - 1;
    if (this.runStarts[hi] <= offset) return hi;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.runStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
