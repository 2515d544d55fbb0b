// Many fixes at once (`keyhole fix`, Fix All): each finding's preferred fix is computed on the text
// left by the fixes before it, so that names in `.env` never clash, a value is stored once, an import
// is added once, and a fix never lands on text an earlier one changed.
import { LineIndex } from '../text';
import { mapFindingSpans, type FileEdit, type Finding, type Fix, type Span, type TextEdit } from '../types';
import { editsBetween } from './diff';
import { isGitIgnored } from './env';
import type { FixDocument, FixWorkspace } from './draft';
import { computeFixes } from './index';
import { applyTextEdits } from './suppress';

export interface PlanItem {
  finding: Finding;
  /** The document text the finding was found in. */
  doc: FixDocument;
}

export interface PlannedFile {
  path: string;
  /** Undefined when the file is created. */
  before: string | undefined;
  after: string;
}

export interface FixPlan {
  files: PlannedFile[];
  /** Each finding fixed, with its fix; one fix may resolve several findings (a key pair, a file git-ignored). */
  applied: { finding: Finding; fix: Fix }[];
  skipped: { finding: Finding; reason: string }[];
}

/** Plans the preferred fix of every item, in order. */
export function planFixes(items: PlanItem[], workspace: FixWorkspace): FixPlan {
  const original = new Map<string, string | undefined>();
  const current = new Map<string, string | undefined>();
  const history = new Map<string, { edits: TextEdit[]; fix: Fix }[]>();
  const read = (path: string) => (current.has(path) ? current.get(path) : workspace.read(path));
  const remember = (path: string, text: string | undefined) => {
    if (!original.has(path)) original.set(path, text);
    if (!current.has(path)) current.set(path, text);
  };
  const plan: FixPlan = { files: [], applied: [], skipped: [] };

  for (const { finding, doc } of items) {
    remember(doc.path, doc.text);
    const text = current.get(doc.path) ?? '';
    const batches = history.get(doc.path) ?? [];
    const moved = moveFinding(finding, batches.map((b) => b.edits), doc.text, text);
    const coveredBy = moved ? ignoredBy(doc.path, plan.applied, workspace.read('.gitignore'), read('.gitignore')) : removedBy(finding, batches, doc.text);
    if (coveredBy) {
      plan.applied.push({ finding, fix: coveredBy });
      continue;
    }
    if (!moved) {
      plan.skipped.push({ finding, reason: 'an earlier fix changed its text; run keyhole fix again' });
      continue;
    }
    const fix = computeFixes(moved, { ...doc, text }, { ...workspace, read }).find((f) => f.preferred);
    if (!fix) {
      plan.skipped.push({ finding, reason: 'no automatic fix' });
      continue;
    }
    for (const fe of fix.edits) {
      const before = read(fe.path);
      remember(fe.path, before);
      current.set(fe.path, applyTextEdits(before ?? '', fe.edits));
      history.set(fe.path, [...(history.get(fe.path) ?? []), { edits: fe.edits, fix }]);
    }
    plan.applied.push({ finding, fix });
  }
  for (const [path, after] of current) {
    const before = original.get(path);
    if (after !== undefined && after !== before) plan.files.push({ path, before, after });
  }
  return plan;
}

/** The plan as one fix (for an editor's Fix All): per file, the line edits from its text before to after. */
export function planAsFix(plan: FixPlan, title: string): Fix | undefined {
  const edits: FileEdit[] = plan.files.map((f) => ({
    path: f.path,
    edits: f.before === undefined ? [{ span: { start: 0, end: 0 }, newText: f.after }] : editsBetween(f.before, f.after),
    ...(f.before === undefined ? { create: true } : {}),
  }));
  return edits.length ? { title, preferred: true, edits } : undefined;
}

/** The earlier fix that removed the finding's value altogether (one fix for a key pair), if any. */
function removedBy(finding: Finding, batches: { edits: TextEdit[]; fix: Fix }[], oldText: string): Fix | undefined {
  const v = finding.valueSpan ?? finding.span;
  const value = oldText.slice(v.start, v.end);
  let span: Span | undefined = v;
  for (const batch of batches) {
    const covering = batch.edits.find((e) => e.span.start <= span!.start && span!.end <= e.span.end && e.span.end > e.span.start);
    if (covering) return covering.newText.includes(value) ? undefined : batch.fix;
    span = moveSpan(span, batch.edits);
    if (!span) return undefined;
  }
  return undefined;
}

/** The earlier fix that git-ignored the finding's file, if any. */
function ignoredBy(path: string, applied: { fix: Fix }[], before: string | undefined, now: string | undefined): Fix | undefined {
  if (now === before || isGitIgnored(before, path) || !isGitIgnored(now, path)) return undefined;
  return applied.find(({ fix }) => fix.edits.some((fe) => fe.path === '.gitignore' && fe.edits.some((e) => e.newText.includes(path))))?.fix;
}

/** The finding with its spans moved through the edits made since it was found; undefined when an edit touched it. */
function moveFinding(finding: Finding, batches: TextEdit[][], oldText: string, newText: string): Finding | undefined {
  if (batches.length === 0) return finding;
  let span = finding.span;
  let value = finding.valueSpan ?? finding.span;
  for (const edits of batches) {
    const s = moveSpan(span, edits);
    const v = moveSpan(value, edits);
    if (!s || !v) return undefined;
    span = s;
    value = v;
  }
  const v0 = finding.valueSpan ?? finding.span;
  if (newText.slice(value.start, value.end) !== oldText.slice(v0.start, v0.end)) return undefined;
  let remedy = finding.remedy;
  if (remedy?.spans) {
    let lost = false;
    const moved = mapFindingSpans({ span, remedy }, (s) => batches.reduce<Span | undefined>((acc, edits) => acc && moveSpan(acc, edits), s) ?? (lost = true, s));
    if (lost) return undefined;
    remedy = moved.remedy;
  }
  const lines = new LineIndex(newText);
  return { ...finding, span, range: lines.range(span), ...(finding.valueSpan ? { valueSpan: value } : {}), ...(remedy ? { remedy } : {}) };
}

function moveSpan(span: Span, edits: TextEdit[]): Span | undefined {
  let delta = 0;
  let deltaEnd = 0;
  for (const e of edits) {
    const grow = e.newText.length - (e.span.end - e.span.start);
    if (e.span.end <= span.start && !(e.span.start === span.start && e.span.end > e.span.start)) {
      delta += grow;
      deltaEnd += grow;
    } else if (e.span.start >= span.end) {
      continue;
    } else {
      return undefined;
    }
  }
  return { start: span.start + delta, end: span.end + deltaEnd };
}
