// The structure the permissions fix (src/core/fixes/narrow/actions.ts) rewrites: the workflow-level
// block, each job's block or where one goes, and what each job's steps need with the span of the
// step that needs it. Spans are named so that they move with the finding.
import { entry, get, stringValue, type DataEntry, type DataNode } from '../../structured';
import type { Remedy, Span } from '../../types';
import { jobNeeds } from './jobPermissions';

export type PermissionsShape = 'missing' | 'write-all' | 'read-all' | 'map' | 'other';

export interface GhaPermissionsData {
  /** Index of the job whose own block the finding is about; undefined for the workflow level. */
  job?: number;
  top: PermissionsShape;
  /** The workflow-level map as written (`contents: read`, ...), when it is one. */
  topEntries: { key: string; value: string }[];
  /** Whether the workflow-level map is flow style (`{ contents: write }`). */
  topFlow: boolean;
  jobs: {
    id: string;
    permissions: PermissionsShape;
    /** A reusable workflow called by the job (`uses:` at job level). */
    reusable?: string;
    /** Needs and review notes; `span` names a remedy span (`n3.1`, `r3.0`). */
    needs: { scope: string; level: 'read' | 'write'; why: string; span: string }[];
    reviews: { text: string; span: string }[];
  }[];
}

export const GHA_PERMISSIONS_REMEDY = 'gha-permissions';

function shapeOf(permissions: DataEntry | undefined): PermissionsShape {
  if (!permissions) return 'missing';
  const v = permissions.value;
  if (v.kind === 'object') return 'map';
  const s = stringValue(v);
  return s === 'write-all' || s === 'read-all' ? s : 'other';
}

const entrySpan = (e: DataEntry): Span => ({ start: e.keySpan.start, end: e.value.span.end });

/** The remedy for a finding on the workflow-level permissions (job undefined) or on one job's block. */
export function permissionsRemedy(text: string, doc: DataNode, job?: number): Remedy | undefined {
  const jobsEntry = entry(doc, 'jobs');
  if (jobsEntry?.value.kind !== 'object') return undefined;
  const top = entry(doc, 'permissions');
  const spans: Record<string, Span> = { jobs: jobsEntry.keySpan };
  if (top) spans.top = entrySpan(top);
  const data: GhaPermissionsData = {
    ...(job === undefined ? {} : { job }),
    top: shapeOf(top),
    topEntries: top?.value.kind === 'object' ? top.value.entries.map((e) => ({ key: e.key, value: text.slice(e.value.span.start, e.value.span.end) })) : [],
    topFlow: top?.value.kind === 'object' && text[top.value.span.start] === '{',
    jobs: [],
  };
  jobsEntry.value.entries.forEach((j, i) => {
    spans[`job${i}`] = j.keySpan;
    spans[`body${i}`] = j.value.span;
    const permissions = entry(j.value, 'permissions');
    if (permissions) spans[`perm${i}`] = entrySpan(permissions);
    const runsOn = entry(j.value, 'runs-on');
    if (runsOn) spans[`runsOn${i}`] = entrySpan(runsOn);
    const steps = get(j.value, 'steps');
    const found = jobNeeds(text, steps?.kind === 'array' ? steps.items : []);
    const needs = found.needs.map((n, k) => {
      spans[`n${i}.${k}`] = n.span;
      return { scope: n.scope, level: n.level, why: n.why, span: `n${i}.${k}` };
    });
    const reviews = found.reviews.map((r, k) => {
      spans[`r${i}.${k}`] = r.span;
      return { text: r.text, span: `r${i}.${k}` };
    });
    const reusable = stringValue(get(j.value, 'uses'));
    data.jobs.push({ id: j.key, permissions: shapeOf(permissions), ...(reusable ? { reusable } : {}), needs, reviews });
  });
  return { kind: GHA_PERMISSIONS_REMEDY, spans, data: data as unknown as Record<string, unknown> };
}
