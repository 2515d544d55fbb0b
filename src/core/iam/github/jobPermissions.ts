// The token scopes a job's steps need, each with the step that needs it (provenance), from the action
// table (actionPermissions.ts) and the commands of `run:` steps; plus what a reviewer must check
// (unknown actions, API calls whose effect the text does not tell).
import { entry, get, stringValue, type DataNode } from '../../structured';
import type { Span } from '../../types';
import { actionPermissionsOf, type Level } from './actionPermissions';

export interface ScopeNeed {
  scope: string;
  level: Level;
  /** What needs it: `actions/checkout`, `gh pr comment`, ... */
  why: string;
  span: Span;
}

export interface JobNeeds {
  needs: ScopeNeed[];
  reviews: { text: string; span: Span }[];
}

/** Commands of `run:` scripts and the scopes they need. Bounded patterns on one line (no backtracking blow-up). */
const COMMANDS: { pattern: RegExp; why: string; scopes: Record<string, Level> }[] = [
  { pattern: /\bgh\s+pr\s+merge\b/, why: 'gh pr merge', scopes: { 'pull-requests': 'write', contents: 'write' } },
  { pattern: /\bgh\s+pr\s+(?:comment|create|edit|close|reopen|review|ready|lock|unlock)\b/, why: 'gh pr', scopes: { 'pull-requests': 'write' } },
  { pattern: /\bgh\s+pr\s+(?:view|list|diff|checks|status)\b/, why: 'gh pr (read)', scopes: { 'pull-requests': 'read' } },
  { pattern: /\bgh\s+issue\s+(?:create|comment|edit|close|reopen|delete|transfer|lock|unlock|pin|unpin|develop)\b/, why: 'gh issue', scopes: { issues: 'write' } },
  { pattern: /\bgh\s+issue\s+(?:view|list|status)\b/, why: 'gh issue (read)', scopes: { issues: 'read' } },
  { pattern: /\bgh\s+label\s+(?:create|edit|delete|clone)\b/, why: 'gh label', scopes: { issues: 'write' } },
  { pattern: /\bgh\s+release\s+(?:create|upload|edit|delete)\b/, why: 'gh release', scopes: { contents: 'write' } },
  { pattern: /\bgh\s+(?:workflow\s+(?:run|enable|disable)|run\s+(?:rerun|cancel|delete))\b/, why: 'gh workflow/run', scopes: { actions: 'write' } },
  { pattern: /\bgh\s+(?:run\s+(?:view|list|download|watch)|cache\s+list)\b/, why: 'gh run (read)', scopes: { actions: 'read' } },
  { pattern: /\bgh\s+cache\s+delete\b/, why: 'gh cache delete', scopes: { actions: 'write' } },
  { pattern: /\bgit\s+push\b/, why: 'git push', scopes: { contents: 'write' } },
  { pattern: /\bnpm\s+publish\b[^\n]{0,200}--provenance\b/, why: 'npm publish --provenance', scopes: { 'id-token': 'write' } },
];

const API_WRITE = /\bgh\s+api\b[^\n]{0,300}?(?:(?:-X|--method)[ =]?["']?(?:POST|PUT|PATCH|DELETE)\b|\s(?:-[fF]|--field|--raw-field|--input)\s)/i;
const TOKEN_USE = /\bsecrets\.GITHUB_TOKEN\b|\bgithub\.token\b|\$\{?GITHUB_TOKEN\b|\$\{?GH_TOKEN\b/;

/** `github-script` calls whose scope is clear from the method name. */
const SCRIPT_CALLS: { pattern: RegExp; scopes: Record<string, Level> }[] = [
  { pattern: /\brest\.issues\.(?:create|update|add|remove|set|lock|unlock|delete)\w*/, scopes: { issues: 'write' } },
  { pattern: /\brest\.pulls\.(?:create|update|merge|requestReviewers|removeRequestedReviewers|submitReview|dismissReview)\w*/, scopes: { 'pull-requests': 'write' } },
  { pattern: /\brest\.repos\.(?:createRelease|updateRelease|deleteRelease|uploadReleaseAsset|createOrUpdateFileContents|deleteFile|merge)\b|\brest\.git\.(?:create|update|delete)\w*/, scopes: { contents: 'write' } },
  { pattern: /\brest\.actions\.(?:reRun|cancel|delete|createWorkflowDispatch)\w*/, scopes: { actions: 'write' } },
  { pattern: /\brest\.repos\.createCommitStatus\b/, scopes: { statuses: 'write' } },
  { pattern: /\brest\.checks\.(?:create|update)\b/, scopes: { checks: 'write' } },
];

/** What the steps of one job need. `text` is the source text: the tree was read with `${{ }}` blanked. */
export function jobNeeds(text: string, steps: DataNode[]): JobNeeds {
  const out: JobNeeds = { needs: [], reviews: [] };
  for (const step of steps) {
    const usesNode = get(step, 'uses');
    const uses = stringValue(usesNode);
    if (uses && usesNode) usesNeeds(text, step, uses, usesNode.span, out);
    const run = get(step, 'run');
    if (run) runNeeds(text.slice(run.span.start, run.span.end), run.span.start, out);
    if (!uses && !run) continue;
    const stepText = text.slice(step.span.start, step.span.end);
    const explained = out.needs.some((n) => n.span.start >= step.span.start && n.span.end <= step.span.end);
    const token = TOKEN_USE.exec(stepText);
    if (token && !explained && !(uses && actionPermissionsOf(uses)) && !out.reviews.some((r) => r.span.start >= step.span.start && r.span.end <= step.span.end)) {
      out.reviews.push({ text: 'uses the GITHUB_TOKEN for a purpose the fix cannot tell', span: { start: step.span.start + token.index, end: step.span.start + token.index + token[0].length } });
    }
  }
  return out;
}

function usesNeeds(text: string, step: DataNode, uses: string, span: Span, out: JobNeeds): void {
  const name = uses.split('@')[0];
  if (name.startsWith('docker://')) return;
  if (name.startsWith('./')) {
    out.reviews.push({ text: `local action ${name} may need more`, span });
    return;
  }
  const known = actionPermissionsOf(uses);
  if (!known) {
    out.reviews.push({ text: `unknown action ${name} may need more`, span });
    return;
  }
  const add = (scopes: Record<string, Level>, why: string) => {
    for (const [scope, level] of Object.entries(scopes)) out.needs.push({ scope, level, why, span });
  };
  add(known.scopes, name);
  const inputs = get(step, 'with');
  for (const grant of known.inputs ?? []) {
    const input = entry(inputs, grant.input);
    if (!input || (grant.unless && entry(inputs, grant.unless))) continue;
    const value = text.slice(input.value.span.start, input.value.span.end).trim().replace(/^(["'])(.*)\1$/, '$2');
    if (!value || (grant.matches && !grant.matches.test(value))) continue;
    add(grant.scopes, `${name} with ${grant.input}`);
  }
  if (/^actions\/github-script$/i.test(name)) {
    const script = get(inputs, 'script');
    const source = script ? text.slice(script.span.start, script.span.end) : '';
    for (const call of SCRIPT_CALLS) {
      const m = call.pattern.exec(source);
      if (m) add(call.scopes, `${name} (${m[0].replace(/^rest\./, '')})`);
    }
  }
  if (known.review) out.reviews.push({ text: known.review, span });
}

function runNeeds(script: string, offset: number, out: JobNeeds): void {
  for (const command of COMMANDS) {
    const m = command.pattern.exec(script);
    if (!m) continue;
    const span = { start: offset + m.index, end: offset + m.index + m[0].length };
    for (const [scope, level] of Object.entries(command.scopes)) out.needs.push({ scope, level, why: m[0].replace(/\s+/g, ' '), span });
  }
  const api = API_WRITE.exec(script);
  if (api) out.reviews.push({ text: '`gh api` writes through the API: add the scope of the endpoint it calls', span: { start: offset + api.index, end: offset + api.index + 6 } });
}
