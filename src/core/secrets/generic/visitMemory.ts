// An open document's anchor visits, carried from one scan to the next: a visit is walked again only
// when the edit or a change of syntax touches what it read.
import type { ScanContext } from '../../detector';
import type { Change, LiveMemory } from '../../liveDocuments';
import { firstIndex } from '../../text';
import { mapFindingSpans, type Span } from '../../types';
import type { AnchorVisit, VisitEvent } from './walker';

export interface KeptVisits {
  /** Anchor offsets, and the visit of each (the first `visits.length` anchors). */
  anchors: number[];
  visits: AnchorVisit[];
}

/**
 * The visit at each anchor: the last scan's, moved with the edit, when neither the edited text nor
 * a range whose syntax changed (`ctx.treeChanges`) touches what it read; else `walk`'s.
 */
export function reusableVisits(ctx: ScanContext, memory: LiveMemory, walk: (offset: number) => AnchorVisit): (offset: number) => AnchorVisit {
  const kept = memory.recall<KeptVisits>(VISITS_KEY);
  if (!kept) return walk;
  const change = memory.change;
  // Comparing the trees can cost as much as the reparse: done only when there are visits to reuse.
  const syntax = change ? ctx.treeChanges && merged(ctx.treeChanges) : [];
  if (!syntax) return walk;
  const byOffset = new Map<number, AnchorVisit>();
  kept.anchors.forEach((offset, i) => byOffset.set(offset, kept.visits[i]));
  if (!change) return (offset) => byOffset.get(offset) ?? walk(offset);
  const delta = change.newEnd - change.oldEnd;
  const toNew = (o: number) => (o >= change.oldEnd ? o + delta : o);
  const move = (s: Span): Span => ({ start: toNew(s.start), end: toNew(s.end) });
  return (offset) => {
    const old = offset < change.start ? offset : offset >= change.newEnd ? offset - delta : undefined;
    const visit = old === undefined ? undefined : byOffset.get(old);
    if (!visit || !unaffected(visit, change, syntax, toNew)) return walk(offset);
    return visit.reads.every((r) => r.end < change.start) ? visit : moved(visit, move);
  };
}

const VISITS_KEY = 'generic:visits';

export function keepVisits(memory: LiveMemory, kept: KeptVisits): void {
  memory.keep(VISITS_KEY, kept);
}

/** Nothing the visit read was edited (ends touching count) nor lies in a range whose syntax changed. */
function unaffected(visit: AnchorVisit, change: Change, syntax: Span[], toNew: (o: number) => number): boolean {
  for (const r of visit.reads) {
    if (r.start <= change.oldEnd && r.end >= change.start) return false;
    if (touchesAny(syntax, toNew(r.start), toNew(r.end))) return false;
  }
  return true;
}

/** The ranges sorted, overlapping ones joined. */
function merged(ranges: Span[]): Span[] {
  const out: Span[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** Whether `[start, end]` touches one of `ranges` (sorted, not overlapping). */
function touchesAny(ranges: Span[], start: number, end: number): boolean {
  const i = firstIndex(ranges.length, (k) => ranges[k].end >= start);
  return i < ranges.length && ranges[i].start <= end;
}

function moved(visit: AnchorVisit, move: (s: Span) => Span): AnchorVisit {
  const events = visit.events.map((e): VisitEvent => 'drop' in e
    ? { drop: [e.drop[0], move(e.drop[1]), e.drop[2]] }
    : {
      start: move({ start: e.start, end: e.start }).start,
      finding: e.finding && mapFindingSpans(e.finding, move),
      drops: e.drops.map(([ruleId, span, reason]) => [ruleId, move(span), reason]),
    });
  return { events, comment: visit.comment, reads: visit.reads.map(move) };
}
