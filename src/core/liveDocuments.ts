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

interface LiveState {
  text: string;
  language: LanguageKey;
  generated: boolean;
  findings: Map<string, RawFinding[]>;
}

/** Above this share of the document changed, a full run is as cheap as a partial one. */
const FULL_RUN_ABOVE = 0.25;
/** Open documents whose findings are kept; the oldest is forgotten first. */
const MAX_DOCUMENTS = 64;

/** Keeps, per open document, the last findings of each local detector, and re-runs them around edits. */
export class LiveDocuments {
  private readonly states = new Map<string, LiveState>();

  forget(documentKey: string): void {
    this.states.delete(documentKey);
  }

  /**
   * The findings of local `detectors` over `ctx` (a whole open document). `subContext` builds a
   * context over a slice of the text; findings come back in `ctx.text` offsets.
   */
  run(documentKey: string, ctx: ScanContext, detectors: (Detector & { locality: Locality })[], subContext: (span: Span) => ScanContext): RawFinding[] {
    const previous = this.states.get(documentKey);
    const state: LiveState = { text: ctx.text, language: ctx.language, generated: ctx.generated, findings: new Map() };
    const change = previous && previous.language === ctx.language && previous.generated === ctx.generated ? changedSpan(previous.text, ctx.text) : undefined;
    const out: RawFinding[] = [];
    for (const d of detectors) {
      const before = previous?.findings.get(d.id);
      const found = change === null
        ? before ?? d.detect(ctx)
        : change && before && change.newEnd - change.start <= ctx.text.length * FULL_RUN_ABOVE
          ? rerunAround(d, ctx, change, before, subContext)
          : d.detect(ctx);
      state.findings.set(d.id, found);
      out.push(...found);
    }
    this.states.delete(documentKey);
    this.states.set(documentKey, state);
    if (this.states.size > MAX_DOCUMENTS) this.states.delete(this.states.keys().next().value as string);
    return out;
  }
}

interface Change {
  /** First changed offset (same in both texts). */
  start: number;
  /** End of the changed text in the old and the new document. */
  oldEnd: number;
  newEnd: number;
}

/** The one span that differs between two texts (common prefix and suffix removed); null when equal. */
export function changedSpan(oldText: string, newText: string): Change | null {
  if (oldText === newText) return null;
  const max = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)) tail++;
  return { start, oldEnd: oldText.length - tail, newEnd: newText.length - tail };
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
