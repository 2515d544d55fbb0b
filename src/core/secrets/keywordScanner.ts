// Finds every occurrence of many keywords in one pass over the text (Aho-Corasick), so that the
// cost of the keyword prefilter does not grow with the size of the catalogue.

const ALPHABET = 128;

export class KeywordScanner {
  /**
   * Transition table: `next[row | charCode]` is the next state's row (`state * 128`), failure links
   * folded in, with bit 0 set when that state ends a keyword: the hot loop then reads one array.
   */
  private readonly next: Int32Array;
  /** Per state, the keywords that end there (directly or through a failure link). */
  private readonly outputs: (number[] | undefined)[];

  /** `keywords` are lower-case ASCII; `scan` finds them in any case and reports them by their index in this list. */
  constructor(readonly keywords: readonly string[]) {
    const goto: number[][] = [new Array(ALPHABET).fill(-1)];
    const outputs: (number[] | undefined)[] = [undefined];
    keywords.forEach((word, index) => {
      let state = 0;
      for (let i = 0; i < word.length; i++) {
        const c = word.charCodeAt(i);
        if (c >= ALPHABET) throw new Error(`keyword is not ASCII: ${word}`);
        if (goto[state][c] === -1) {
          goto[state][c] = goto.length;
          goto.push(new Array(ALPHABET).fill(-1));
          outputs.push(undefined);
        }
        state = goto[state][c];
      }
      (outputs[state] ??= []).push(index);
    });

    // Breadth-first: each state's missing transitions follow its failure state's.
    const next = new Int32Array(goto.length * ALPHABET);
    const fail = new Int32Array(goto.length);
    const queue: number[] = [];
    for (let c = 0; c < ALPHABET; c++) {
      const child = goto[0][c];
      next[c] = child === -1 ? 0 : child;
      if (child !== -1) queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      const inherited = outputs[fail[state]];
      if (inherited) outputs[state] = [...(outputs[state] ?? []), ...inherited];
      for (let c = 0; c < ALPHABET; c++) {
        const child = goto[state][c];
        if (child === -1) {
          next[state * ALPHABET + c] = next[fail[state] * ALPHABET + c];
        } else {
          next[state * ALPHABET + c] = child;
          fail[child] = next[fail[state] * ALPHABET + c];
          queue.push(child);
        }
      }
    }
    // Case-insensitive for ASCII: an upper-case letter goes where its lower-case letter goes.
    for (let row = 0; row < next.length; row += ALPHABET) {
      for (let c = 65; c <= 90; c++) next[row + c] = next[row + c + 32];
    }
    // Store each target as its row offset (state * 128), which leaves bit 0 free for the flag.
    for (let i = 0; i < next.length; i++) next[i] = next[i] * ALPHABET + (outputs[next[i]] ? 1 : 0);
    this.next = next;
    this.outputs = outputs;
  }

  /**
   * Start offsets of every occurrence of each keyword in `text`, ignoring ASCII case, indexed like
   * `keywords` (undefined: none). Scanning the original text, not a lower-cased copy, keeps the
   * offsets exact even where lower-casing changes the length (`İ`).
   */
  scan(text: string): (number[] | undefined)[] {
    const hits: (number[] | undefined)[] = new Array(this.keywords.length);
    const { next, outputs, keywords } = this;
    const length = text.length;
    // Non-ASCII characters fold onto ASCII ones: at worst an extra hit, which the format's regex rejects.
    let cell = 0;
    for (let i = 0; i < length; i++) {
      cell = next[(cell & -ALPHABET) | (text.charCodeAt(i) & 0x7f)];
      if ((cell & 1) !== 0) {
        for (const k of outputs[cell >> 7]!) (hits[k] ??= []).push(i - keywords[k].length + 1);
      }
    }
    return hits;
  }
}
