// One keyword pass per text, shared by every detector that asks. Each detector declares its words
// once (a `KeywordSet`, made at module load); the first lookup on a scan context runs one
// Aho-Corasick pass over the union of all declared words, and every later lookup on the same
// context reads its hits. Separate passes (a regex, `includes` per word, `toLowerCase` first) cost
// several times more over a large workspace: see notes/throughput.md.
import type { LiveMemory } from './liveDocuments';
import { KeywordScanner } from './secrets/keywordScanner';

/** Every declared word, each once; a word's index is its id. */
const union: string[] = [];
const idOf = new Map<string, number>();
/** Rebuilt when a set declares a new word. */
let scanner: KeywordScanner | undefined;
/** Hits of the union per text holder (a `ScanContext`), kept as long as the holder lives. */
const cache = new WeakMap<object, (number[] | undefined)[]>();

/** A text holder: the scan context, whose `live` memory (an open document) lets the pass be redone only around the edit. */
type Holder = { text: string; live?: LiveMemory };

/** The union's hits in `holder.text`, from the cache when this holder was scanned with the current union. */
function unionHits(holder: Holder): (number[] | undefined)[] {
  let hits = cache.get(holder);
  if (!hits || hits.length !== union.length) {
    scanner ??= new KeywordScanner(union);
    hits = holder.live ? liveHits(holder.text, holder.live, scanner) : scanner.scan(holder.text);
    cache.set(holder, hits);
  }
  return hits;
}

const LIVE_KEY = 'keywords:hits';

/**
 * An open document's hits: those of its last revision, the pass redone only over the lines the edit
 * touched. No keyword holds a line break, so every occurrence lies within one line and the lines
 * around the edit are the only ones whose occurrences can change.
 */
function liveHits(text: string, memory: LiveMemory, pass: KeywordScanner): (number[] | undefined)[] {
  const previous = memory.recall<(number[] | undefined)[]>(LIVE_KEY);
  const change = memory.change;
  let hits: (number[] | undefined)[];
  if (!previous || previous.length !== union.length) hits = pass.scan(text);
  else if (!change) hits = previous;
  else {
    const from = text.lastIndexOf('\n', change.start - 1) + 1;
    const lineEnd = text.indexOf('\n', change.newEnd);
    const to = lineEnd === -1 ? text.length : lineEnd;
    const delta = change.newEnd - change.oldEnd;
    const redone = pass.scan(text.slice(from, to));
    // Indexed, not `map`: a word without hits is a hole in these arrays, and `map` skips holes.
    hits = new Array(previous.length);
    for (let k = 0; k < previous.length; k++) {
      const offsets = previous[k];
      // Hit lists are never changed once made: one wholly before the edit's lines carries over as it is.
      if (!redone[k] && (!offsets || offsets[offsets.length - 1] < from)) {
        if (offsets) hits[k] = offsets;
        continue;
      }
      const kept: number[] = [];
      if (offsets) for (const at of offsets) if (at < from) kept.push(at);
      for (const at of redone[k] ?? []) kept.push(at + from);
      // The old text from `to - delta` on is the new text from `to` on.
      if (offsets) for (const at of offsets) if (at >= to - delta) kept.push(at + delta);
      if (kept.length) hits[k] = kept;
    }
  }
  memory.keep(LIVE_KEY, hits);
  return hits;
}

/** A detector's words (lower-case ASCII), looked up in the shared pass. */
export class KeywordSet {
  private readonly ids: number[];

  constructor(readonly words: readonly string[]) {
    this.ids = words.map((word) => {
      let id = idOf.get(word);
      if (id === undefined) {
        if (!/^[\x00-\x7f]+$/.test(word) || word !== word.toLowerCase()) throw new Error(`keyword is not lower-case ASCII: ${word}`);
        id = union.length;
        union.push(word);
        idOf.set(word, id);
        scanner = undefined;
      }
      return id;
    });
  }

  /**
   * Start offsets of every occurrence of each word in `holder.text`, ignoring ASCII case, indexed
   * like `words` (undefined: none). `holder` is the scan context: the pass runs once per context.
   */
  hits(holder: Holder): (number[] | undefined)[] {
    const all = unionHits(holder);
    return this.ids.map((id) => all[id]);
  }

  /**
   * Whether any of the words occurs in `holder.text`, ignoring ASCII case: the prefilter answer
   * `lower.includes(word)` gives for ASCII words.
   */
  any(holder: Holder): boolean {
    return this.ids.some((id) => found(holder, id));
  }

  /** Whether `word`, one of this set's, occurs in `holder.text`, ignoring ASCII case. */
  has(holder: Holder, word: string): boolean {
    return found(holder, this.idOf(word));
  }

  /** Where `word`, one of this set's, occurs in `holder.text`, ignoring ASCII case, in text order. */
  offsets(holder: Holder, word: string): number[] {
    return unionHits(holder)[this.idOf(word)]?.filter((at) => occursAt(holder.text, word, at)) ?? [];
  }

  private idOf(word: string): number {
    const id = idOf.get(word);
    if (id === undefined || !this.ids.includes(id)) throw new Error(`not a word of this set: ${word}`);
    return id;
  }
}

/** Whether the union's word `id` occurs; a hit is checked against the text, since the pass folds non-ASCII characters onto ASCII ones. */
function found(holder: Holder, id: number): boolean {
  return unionHits(holder)[id]?.some((at) => occursAt(holder.text, union[id], at)) ?? false;
}

/** Whether `word` (lower-case ASCII) is at `at` in `text`, ignoring ASCII case. */
export function occursAt(text: string, word: string, at: number): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = text.charCodeAt(at + i);
    if (c !== word.charCodeAt(i) && (c < 65 || c > 90 || c + 32 !== word.charCodeAt(i))) return false;
  }
  return true;
}
