// GitHub Actions token permissions: `write-all`, `read-all`, a workflow-level write scope or no block
// at all become `contents: read` for the workflow and, per job, a block with the scopes its steps need
// (the action table and `run:` commands read by the detector, src/core/iam/github/jobPermissions.ts).
// Jobs with their own map keep it. Static cloud keys switch to OIDC (actionsCredentials.ts).
import { GHA_PERMISSIONS_REMEDY, type GhaPermissionsData } from '../../iam/github/permissionsRemedy';
import { GHA_RULES } from '../../iam/github/rules';
import { LineIndex } from '../../text';
import type { Finding, Fix, Span, TextEdit } from '../../types';
import { eolOf, insert, replace, type FixDocument, type FixWorkspace } from '../draft';
import { credentialsFixes } from './actionsCredentials';

type Scopes = Map<string, string>;
type Job = GhaPermissionsData['jobs'][number];

const RANK: Record<string, number> = { none: 0, read: 1, write: 2 };

export function actionsFixes(finding: Finding, doc: FixDocument, _workspace: FixWorkspace): Fix[] {
  if (finding.ruleId === GHA_RULES.staticCloudKeys.id) return credentialsFixes(finding, doc);
  const remedy = finding.remedy;
  if (remedy?.kind !== GHA_PERMISSIONS_REMEDY || !remedy.spans) return [];
  const fix = new PermissionsFix(doc, remedy.data as unknown as GhaPermissionsData, remedy.spans);
  if (!fix.valid()) return [];
  return fix.compute();
}

class PermissionsFix {
  private readonly text: string;
  private readonly lines: LineIndex;
  private readonly eol: string;
  private readonly edits: TextEdit[] = [];
  private readonly report: string[] = [];
  private readonly reviews: string[] = [];

  constructor(private readonly doc: FixDocument, private readonly data: GhaPermissionsData, private readonly spans: Record<string, Span>) {
    this.text = doc.text;
    this.lines = new LineIndex(doc.text);
    this.eol = eolOf(doc.text);
  }

  private at(name: string): string {
    const s = this.spans[name];
    return s ? this.text.slice(s.start, s.end) : '';
  }

  /** The text still has the structure the detector saw (an edit in between may have changed it). */
  valid(): boolean {
    if (!Array.isArray(this.data?.jobs) || this.at('jobs') !== 'jobs') return false;
    if (this.data.top !== 'missing' && !this.at('top').startsWith('permissions')) return false;
    return this.data.jobs.every((j, i) => this.at(`job${i}`).replace(/^["']|["']$/g, '') === j.id
      && (j.permissions === 'missing' ? !this.hasOwnPermissions(i) : this.at(`perm${i}`).startsWith('permissions')));
  }

  private hasOwnPermissions(i: number): boolean {
    const body = this.spans[`body${i}`];
    const column = this.column(body.start);
    return new RegExp(`(?:^|\\n)[ ]{${column}}permissions\\s*:`).test(this.text.slice(this.lines.lineStart(this.lines.lineOf(body.start)), body.end));
  }

  private column(offset: number): number {
    return offset - this.lines.lineStart(this.lines.lineOf(offset));
  }

  private lineNo(span: string): number {
    return this.lines.lineOf(this.spans[span].start) + 1;
  }

  /** Indentation step of the file: the first job's column under `jobs:`. */
  private unit(): string {
    const job = this.spans.job0;
    return ' '.repeat(job ? Math.max(1, this.column(job.start) - this.column(this.spans.jobs.start)) : 2);
  }

  compute(): Fix[] {
    const { job } = this.data;
    if (job === undefined) {
      const base = this.topEdits();
      if (!base) return [];
      this.data.jobs.forEach((j, i) => this.inheritingJob(j, i, base));
    } else {
      const j = this.data.jobs[job];
      if (!j || (j.permissions !== 'write-all' && j.permissions !== 'read-all')) return [];
      this.replaceJobBlock(j, job);
    }
    if (this.edits.length === 0) return [];
    const where = job === undefined ? 'the workflow' : `job \`${this.data.jobs[job].id}\``;
    const description = [
      ...this.report,
      ...(this.reviews.length ? [`Review: ${this.reviews.join('; ')}.`] : []),
      'Scopes come from the steps (a table of common actions and `gh`/`git` commands); run the workflow once and add what a step still lacks on its job.',
    ].join('\n');
    return [{
      title: `Least-privilege token permissions for ${where}: \`contents: read\` plus the write scopes each job's steps need`,
      preferred: true,
      edits: [{ path: this.doc.path, edits: this.edits }],
      description,
    }];
  }

  /** Edits the workflow-level block; returns what jobs without a block now inherit, or undefined when there is no safe edit. */
  private topEdits(): Scopes | undefined {
    const { top, topEntries } = this.data;
    const contentsRead = new Map([['contents', 'read']]);
    if (top === 'missing') {
      this.edits.push(insert(this.topInsertPoint(), this.block('', this.unit(), contentsRead) + (this.blankBefore() ? this.eol : '')));
      this.report.push('Added `permissions: contents: read` at the top of the workflow (jobs without a block ran with the repository default).');
      return contentsRead;
    }
    const span = this.spans.top;
    const keyEnd = span.start + 'permissions'.length;
    if (top === 'write-all' || top === 'read-all') {
      this.edits.push(replace({ start: keyEnd, end: span.end }, `:${this.eol}${this.unit()}contents: read`));
      this.report.push(`Workflow permissions: \`${top}\` → \`contents: read\`.`);
      return contentsRead;
    }
    if (top !== 'map') return undefined;
    const kept: Scopes = new Map();
    const dropped: string[] = [];
    for (const e of topEntries) {
      if (e.value === 'write' && e.key !== 'contents') dropped.push(e.key);
      else kept.set(e.key, e.value === 'write' ? 'read' : e.value);
    }
    if (kept.size === 0) kept.set('contents', 'read');
    const flowAt = this.text.indexOf('{', keyEnd);
    if (this.data.topFlow && flowAt !== -1 && flowAt < span.end) {
      const inner = this.text.slice(flowAt + 1, span.end - 1);
      const pad = /^\s/.test(inner) ? ' ' : '';
      this.edits.push(replace({ start: flowAt, end: span.end }, `{${pad}${[...kept].map(([k, v]) => `${k}: ${v}`).join(', ')}${pad}}`));
    } else if (!this.blockMapEdits(span, kept)) {
      return undefined;
    }
    const lowered = topEntries.some((e) => e.key === 'contents' && e.value === 'write');
    this.report.push(`Workflow permissions: ${[...dropped.map((s) => `\`${s}: write\` removed`), ...(lowered ? ['`contents: write` → `read`'] : [])].join(', ')}; each job gets the write scopes its steps need.`);
    return kept;
  }

  /** Removes the `write` lines of a block map (`contents: write` becomes `read`); the map is never left empty. */
  private blockMapEdits(span: Span, kept: Scopes): boolean {
    const first = this.lines.lineOf(span.start) + 1;
    const last = this.lines.lineOf(span.end);
    let emptyAfter = ![...kept.keys()].some((k) => this.data.topEntries.some((e) => e.key === k));
    let changed = false;
    for (let n = first; n <= last; n++) {
      const line = this.lines.lineText(n);
      const m = /^(\s+)([\w-]+)(\s*:\s*)(["']?)write\4(?=\s|$)/.exec(line);
      if (!m) continue;
      const start = this.lines.lineStart(n);
      if (m[2] === 'contents') {
        this.edits.push(replace({ start: start + m[1].length + m[2].length + m[3].length, end: start + m[0].length }, `${m[4]}read${m[4]}`));
      } else if (emptyAfter) {
        this.edits.push(replace({ start: start + m[1].length, end: start + m[0].length }, 'contents: read'));
        emptyAfter = false;
      } else {
        this.edits.push(replace({ start, end: this.lines.lineStart(n + 1) === start ? this.text.length : this.lines.lineStart(n + 1) }, ''));
      }
      changed = true;
    }
    return changed;
  }

  /** Before `jobs:` and the comment lines right above it. */
  private topInsertPoint(): number {
    let n = this.lines.lineOf(this.spans.jobs.start);
    while (n > 0 && /^#/.test(this.lines.lineText(n - 1))) n--;
    return this.lines.lineStart(n);
  }

  private blankBefore(): boolean {
    const n = this.lines.lineOf(this.topInsertPoint());
    return n > 0 && this.lines.lineText(n - 1).trim() === '';
  }

  private block(pad: string, unit: string, scopes: Scopes): string {
    return `${pad}permissions:${this.eol}${[...scopes].map(([k, v]) => `${pad}${unit}${k}: ${v}${this.eol}`).join('')}`;
  }

  /** The job's needs merged over `base`, with provenance per scope. */
  private scopesOf(job: Job, base: Scopes): { scopes: Scopes; why: Map<string, string[]> } {
    const scopes = new Map(base);
    const why = new Map<string, string[]>();
    const needs = job.needs.filter((n) => this.spans[n.span]);
    for (const need of needs) {
      if ((RANK[scopes.get(need.scope) ?? 'none'] ?? 1) < RANK[need.level]) scopes.set(need.scope, need.level);
    }
    // Provenance of the level chosen (a `write` is explained by the steps that write, not by checkout's read).
    for (const need of needs.filter((n) => scopes.get(n.scope) === n.level)) {
      const list = why.get(need.scope) ?? [];
      const source = `${need.why}, line ${this.lineNo(need.span)}`;
      if (!list.includes(source)) why.set(need.scope, [...list, source]);
    }
    for (const r of job.reviews) if (this.spans[r.span]) this.reviews.push(`job \`${job.id}\`: ${r.text} (line ${this.lineNo(r.span)})`);
    return { scopes, why };
  }

  private describe(job: Job, scopes: Scopes, why: Map<string, string[]>): string {
    return `Job \`${job.id}\`: ${[...scopes].map(([k, v]) => `${k}: ${v}${why.has(k) ? ` (${why.get(k)!.join('; ')})` : ''}`).join(', ')}.`;
  }

  private inheritingJob(job: Job, i: number, base: Scopes): void {
    if (job.permissions !== 'missing') {
      if (job.permissions === 'map') this.report.push(`Job \`${job.id}\` keeps its own permissions.`);
      return;
    }
    if (job.reusable) {
      // The called workflow's jobs get at most what the caller grants; what they need is in another file.
      const old = this.data.top === 'map' ? new Map(this.data.topEntries.map((e) => [e.key, e.value])) : undefined;
      if (old && [...old].some(([k, v]) => base.get(k) !== v)) {
        this.insertJobBlock(i, old);
        this.report.push(`Job \`${job.id}\` calls ${job.reusable}: it keeps the workflow's former permissions in its own block.`);
      }
      this.reviews.push(`job \`${job.id}\` calls the reusable workflow ${job.reusable}: grant it what that workflow's jobs need`);
      return;
    }
    const { scopes, why } = this.scopesOf(job, base);
    const same = scopes.size === base.size && [...scopes].every(([k, v]) => base.get(k) === v);
    if (same) {
      this.report.push(`Job \`${job.id}\`: inherits ${[...base].map(([k, v]) => `${k}: ${v}`).join(', ')}.`);
      return;
    }
    if (!this.insertJobBlock(i, scopes)) {
      this.reviews.push(`job \`${job.id}\` needs ${[...scopes].map(([k, v]) => `${k}: ${v}`).join(', ')} but its layout could not be edited`);
      return;
    }
    this.report.push(this.describe(job, scopes, why));
  }

  /** A `permissions:` block after `runs-on` (or first in the job body). False for a flow-style job. */
  private insertJobBlock(i: number, scopes: Scopes): boolean {
    const body = this.spans[`body${i}`];
    const bodyLine = this.lines.lineOf(body.start);
    const column = this.column(body.start);
    if (this.text.slice(this.lines.lineStart(bodyLine), body.start).trim() !== '' || this.text[body.start] === '{') return false;
    const unit = ' '.repeat(Math.max(1, column - this.column(this.spans[`job${i}`].start)));
    const runsOn = this.spans[`runsOn${i}`];
    const line = runsOn ? this.lines.lineOf(runsOn.end) + 1 : bodyLine;
    const at = line >= this.lines.lineCount ? this.text.length : this.lines.lineStart(line);
    const lead = at === this.text.length && !this.text.endsWith('\n') ? this.eol : '';
    this.edits.push(insert(at, lead + this.block(' '.repeat(column), unit, scopes)));
    return true;
  }

  /** Job-level `write-all` / `read-all`: the job's needs over `contents: read`. */
  private replaceJobBlock(job: Job, i: number): void {
    const perm = this.spans[`perm${i}`];
    const column = this.column(perm.start);
    const unit = ' '.repeat(Math.max(1, column - this.column(this.spans[`job${i}`].start)));
    const { scopes, why } = this.scopesOf(job, new Map([['contents', 'read']]));
    if (job.reusable) this.reviews.push(`job \`${job.id}\` calls the reusable workflow ${job.reusable}: grant it what that workflow's jobs need`);
    const lines = [...scopes].map(([k, v]) => `${' '.repeat(column)}${unit}${k}: ${v}`).join(this.eol);
    this.edits.push(replace({ start: perm.start + 'permissions'.length, end: perm.end }, `:${this.eol}${lines}`));
    this.report.push(`Job \`${job.id}\`: \`${job.permissions}\` → ${this.describe(job, scopes, why).replace(/^Job `[^`]*`: /, '')}`);
  }
}
