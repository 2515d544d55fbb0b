import type { Detector, ScanContext } from './detector';
import type { LanguageKey } from './lang/languages';
import { LineIndex } from './text';
import { mapFindingSpans, type RawFinding, type Span } from './types';

/**
 * How far a detector's judgement reaches: a finding depends only on the text within this many
 * lines and characters of it. Detectors that declare it are re-run, on each edit of an open
 * document, only around the change; their other findings are carried over.
 */
export interface Locality {
  lines: number;
  chars: number;
}

export interface Change {
  /** First changed offset (same in both texts). */
  start: number;
  /** End of the changed text in the old and the new document. */
  oldEnd: number;
  newEnd: number;
}

/**
 * What the last scan of an open document left for this one. Values are kept per key by the
 * detectors (in the previous text's offsets) and live for one scan: what a scan does not keep
 * again is gone, so a detector that failed or was skipped starts over next time.
 */
export interface LiveMemory {
  /** The edit since the last scan; null when the text is unchanged (or on the first scan, when nothing is recalled). */
  readonly change: Change | null;
  recall<T>(key: string): T | undefined;
  keep(key: string, value: unknown): void;
  /**
   * The lower-cased text around the edit, `reach` characters on each side, before and after it;
   * undefined when lower-casing cannot be patched (see `patchLower`) or the last scan had none.
   */
  lowerAround(reach: number): { before: string; after: string } | undefined;
}

interface LiveState {
  text: string;
  language: LanguageKey;
  generated: boolean;
  lines: LineIndex;
  lower?: LowerText;
  kept: Map<string, unknown>;
}

/** The lower-cased text, and whether it can be patched around an edit (see `patchLower`). */
interface LowerText {
  value: string;
  patchable: boolean;
}

/** One scan of an open document: its line index and lower-cased text, patched from the last scan's. */
export interface Revision {
  lines: LineIndex;
  lower(): string;
  memory: LiveMemory;
}

/** Above this share of the document changed, a full run is as cheap as a partial one. */
const FULL_RUN_ABOVE = 0.25;
/** Open documents whose state is kept; the oldest is forgotten first. */
const MAX_DOCUMENTS = 64;

/** Keeps, per open document, what the next scan can reuse: line index, lower-cased text, detectors' memory. */
export class LiveDocuments {
  private readonly states = new Map<string, LiveState>();

  forget(documentKey: string): void {
    this.states.delete(documentKey);
  }

  /** Starts a scan of `text` as the document's new revision. */
  revise(documentKey: string, text: string, language: LanguageKey, generated: boolean): Revision {
    const previous = this.states.get(documentKey);
    const same = previous && previous.language === language && previous.generated === generated;
    const change = same ? changedSpan(previous.text, text) : undefined;
    const lines = previous && change !== undefined ? (change ? LineIndex.edited(previous.lines, text, change) : previous.lines) : new LineIndex(text);
    const state: LiveState = { text, language, generated, lines, kept: new Map() };
    const old = previous?.lower;
    const lower = (): string => {
      state.lower ??= old && change !== undefined ? (change ? patchLower(old, text, change) : old) : lowerText(text);
      return state.lower.value;
    };
    this.states.delete(documentKey);
    this.states.set(documentKey, state);
    if (this.states.size > MAX_DOCUMENTS) this.states.delete(this.states.keys().next().value as string);
    const keep = (key: string, value: unknown) => void state.kept.set(key, value);
    const lowerAround = (reach: number) => {
      lower();
      const now = state.lower;
      if (!change || !old?.patchable || !now?.patchable) return undefined;
      const from = Math.max(0, change.start - reach);
      return { before: old.value.slice(from, change.oldEnd + reach), after: now.value.slice(from, change.newEnd + reach) };
    };
    const memory: LiveMemory = previous && change !== undefined
      ? { change, recall: <T>(key: string) => previous.kept.get(key) as T | undefined, keep, lowerAround }
      : { change: null, recall: () => undefined, keep, lowerAround: () => undefined };
    return { lines, lower, memory };
  }
}

/**
 * The findings of local `detectors` over `ctx` (a whole open document). `subContext` builds a
 * context over a slice of the text; findings come back in `ctx.text` offsets.
 */
export function runLocal(ctx: ScanContext, detectors: (Detector & { locality: Locality })[], subContext: (span: Span) => ScanContext): RawFinding[] {
  const memory = ctx.live;
  const change = memory?.change;
  const out: RawFinding[] = [];
  for (const d of detectors) {
    const key = `findings:${d.id}`;
    const before = memory?.recall<RawFinding[]>(key);
    const found = !before
      ? d.detect(ctx)
      : change === null
        ? before
        : change && change.newEnd - change.start <= ctx.text.length * FULL_RUN_ABOVE
          ? rerunAround(d, ctx, change, before, subContext)
          : d.detect(ctx);
    memory?.keep(key, found);
    out.push(...found);
  }
  return out;
}

function lowerText(text: string): LowerText {
  const value = text.toLowerCase();
  // Lower-casing is per character except for a capital sigma (final or not, by its neighbours)
  // and characters that lower to more than one: patched only when neither occurs.
  return { value, patchable: value.length === text.length && !text.includes('Σ') };
}

/** The lower-cased text after `change`, lower-casing only the changed part when that gives the same result. */
function patchLower(old: LowerText, text: string, change: Change): LowerText {
  if (!old.patchable) return lowerText(text);
  const inserted = text.slice(change.start, change.newEnd);
  const lowered = inserted.toLowerCase();
  const splitsPair = (i: number) => i > 0 && i < text.length && isSurrogate(text.charCodeAt(i - 1)) && isSurrogate(text.charCodeAt(i));
  if (lowered.length !== inserted.length || inserted.includes('Σ') || splitsPair(change.start) || splitsPair(change.newEnd)) return lowerText(text);
  return { value: old.value.slice(0, change.start) + lowered + old.value.slice(change.oldEnd), patchable: true };
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** Characters compared at once while looking for the edit: native comparison of slices, then one by one. */
const CHUNK = 1024;

/** The one span that differs between two texts (common prefix and suffix removed); null when equal. */
export function changedSpan(oldText: string, newText: string): Change | null {
  if (oldText === newText) return null;
  const max = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start + CHUNK <= max && oldText.slice(start, start + CHUNK) === newText.slice(start, start + CHUNK)) start += CHUNK;
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let tail = 0;
  const oldLength = oldText.length;
  const newLength = newText.length;
  while (tail + CHUNK <= max - start && oldText.slice(oldLength - tail - CHUNK, oldLength - tail) === newText.slice(newLength - tail - CHUNK, newLength - tail)) tail += CHUNK;
  while (tail < max - start && oldText.charCodeAt(oldLength - 1 - tail) === newText.charCodeAt(newLength - 1 - tail)) tail++;
  return { start, oldEnd: oldLength - tail, newEnd: newLength - tail };
}

/** Extends `[start, end)` by `locality` lines and at least `locality.chars` characters on each side. */
function widen(lines: LineIndex, start: number, end: number, locality: Locality): Span {
  const textLength = lines.text.length;
  const from = Math.min(lines.lineStart(Math.max(0, lines.lineOf(start) - locality.lines)), Math.max(0, start - locality.chars));
  const lastLine = Math.min(lines.lineCount - 1, lines.lineOf(end) + locality.lines);
  const to = Math.max(Math.min(textLength, lines.lineEnd(lastLine) + 1), Math.min(textLength, end + locality.chars));
  return { start: from, end: to };
}

/**
 * Findings that start within reach of the change are found again on a slice that holds all the
 * text they can depend on; the others are unaffected by the edit and only move with it.
 */
function rerunAround(d: Detector & { locality: Locality }, ctx: ScanContext, change: Change, before: RawFinding[], subContext: (span: Span) => ScanContext): RawFinding[] {
  const affected = widen(ctx.lines, change.start, change.newEnd, d.locality);
  const slice = widen(ctx.lines, affected.start, affected.end, d.locality);
  const delta = change.newEnd - change.oldEnd;
  const oldAffectedEnd = affected.end - delta;
  const shift = (s: Span): Span => ({ start: s.start + delta, end: s.end + delta });
  const kept: RawFinding[] = [];
  for (const f of before) {
    if (f.span.start < affected.start) kept.push(f);
    else if (f.span.start >= oldAffectedEnd) kept.push(mapFindingSpans(f, shift));
  }
  const toDocument = (s: Span): Span => ({ start: s.start + slice.start, end: s.end + slice.start });
  const fresh = d.detect(subContext(slice)).flatMap((f) => {
    const moved = mapFindingSpans(f, toDocument);
    return moved.span.start < affected.start || moved.span.start >= affected.end ? [] : [moved];
  });
  return [...kept, ...fresh].sort((a, b) => a.span.start - b.span.start);
}
