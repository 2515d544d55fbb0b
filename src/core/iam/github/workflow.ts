// Judges GitHub Actions workflows (`.github/workflows/*.yml`) and composite actions (`action.yml`):
// token permissions, pull_request_target misuse and static cloud keys given to credential actions.
import { FACT } from '../../correlate/facts';
import type { Detector, ScanContext } from '../../detector';
import { dataFromYaml, entry, get, stringList, stringValue, type DataEntry, type DataNode } from '../../structured';
import type { RawFinding, Remedy, Severity, Span } from '../../types';
import { permissionsRemedy } from './permissionsRemedy';
import { GHA_RULES } from './rules';

export const WORKFLOW_PATH = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i;
const ACTION_PATH = /(?:^|\/)action\.ya?ml$/i;

/** zizmor's table: write access to these scopes changes code, releases, packages or cloud trust; `statuses` barely matters. */
const HIGH_WRITE_SCOPES = new Set(['actions', 'attestations', 'contents', 'deployments', 'id-token', 'issues', 'packages', 'pages', 'pull-requests']);
const LOW_WRITE_SCOPES = new Set(['statuses']);
const SCOPE_REACH: Record<string, string> = {
  actions: 'cancel and re-run workflows and delete caches and artifacts',
  attestations: 'sign artifact attestations',
  checks: 'create and edit check runs',
  contents: 'push commits and tags and edit releases',
  deployments: 'create deployments',
  discussions: 'edit discussions',
  'id-token': 'request OIDC tokens for every cloud role that trusts this repository',
  issues: 'open, edit and close issues',
  packages: 'publish and delete packages',
  pages: 'deploy GitHub Pages',
  'pull-requests': 'open, edit and merge pull requests',
  'repository-projects': 'edit projects',
  'security-events': 'dismiss code scanning alerts',
  statuses: 'set commit statuses',
};

/** `with` inputs that carry a long-lived secret, per credential action, and what OIDC replaces them with. */
const CREDENTIAL_ACTIONS: { action: RegExp; input: string; what: string; instead: string }[] = [
  { action: /^aws-actions\/configure-aws-credentials@/i, input: 'aws-access-key-id', what: 'an IAM user access key', instead: '`role-to-assume` with `id-token: write`' },
  { action: /^google-github-actions\/auth@/i, input: 'credentials_json', what: 'a service-account key', instead: '`workload_identity_provider` with `id-token: write`' },
  { action: /^google-github-actions\/setup-gcloud@/i, input: 'service_account_key', what: 'a service-account key', instead: '`google-github-actions/auth` with `workload_identity_provider`' },
  { action: /^azure\/login@/i, input: 'creds', what: 'a service principal client secret', instead: '`client-id`, `tenant-id` and `subscription-id` with `id-token: write`' },
];

const HEAD_REF = /github\.event\.pull_request\.(?:head\.(?:sha|ref|repo\.full_name)|merge_commit_sha)|github\.head_ref|refs\/pull\/|github\.event\.number/;
const HEAD_CHECKOUT_COMMAND = /\bgh\s+pr\s+checkout\b|\bgit\s+(?:fetch|pull|checkout|switch)\b[^\n]{0,200}(?:pull\/|head_ref|pull_request\.head)/;

export const githubActionsDetector: Detector = {
  id: 'iam-github-actions',
  rules: Object.values(GHA_RULES),
  wantsTree: (ctx) => ctx.language === 'yaml' && isWorkflowOrAction(ctx),
  detect(ctx: ScanContext): RawFinding[] {
    if (!ctx.tree || ctx.language !== 'yaml' || !isWorkflowOrAction(ctx)) return [];
    const doc = dataFromYaml(ctx.tree.rootNode)[0];
    if (doc?.kind !== 'object') return [];
    return WORKFLOW_PATH.test(ctx.path) ? judgeWorkflow(ctx, doc) : judgeCompositeAction(ctx, doc);
  },
};

function isWorkflowOrAction(ctx: ScanContext): boolean {
  return (WORKFLOW_PATH.test(ctx.path) && ctx.lower.includes('jobs')) || (ACTION_PATH.test(ctx.path) && ctx.lower.includes('composite'));
}

interface Job {
  id: string;
  node: DataNode;
  permissions?: DataEntry;
}

function judgeWorkflow(ctx: ScanContext, doc: DataNode): RawFinding[] {
  const out: RawFinding[] = [];
  const jobsEntry = entry(doc, 'jobs');
  const jobs: Job[] = jobsEntry?.value.kind === 'object'
    ? jobsEntry.value.entries.map((e) => ({ id: e.key, node: e.value, permissions: entry(e.value, 'permissions') }))
    : [];
  const triggers = triggersOf(doc);
  const workflowPermissions = entry(doc, 'permissions');
  const reusableOnly = triggers.names.length > 0 && triggers.names.every((t) => t === 'workflow_call');

  // A workflow-level map is dead when every job overrides it, and callers (workflow_call) set what it may do.
  // Reaching a single job it is as narrow as a job-level map today (zizmor stays silent); it is still reported,
  // at low severity, because every job added later inherits it.
  const reached = reusableOnly ? 0 : jobs.filter((j) => !j.permissions).length;
  const mapReach: MapReach = reached === 0 ? 'none' : jobs.length > 1 ? 'many' : 'one';
  // The fix rewrites the workflow's blocks from what each job's steps need (computed once, only when reported).
  const remedies = new Map<number | undefined, Remedy | undefined>();
  const withRemedy = (findings: RawFinding[], job?: number) => {
    if (findings.length && !remedies.has(job)) remedies.set(job, permissionsRemedy(ctx.text, doc, job));
    const remedy = remedies.get(job);
    return remedy ? findings.map((f) => ({ ...f, remedy })) : findings;
  };
  if (workflowPermissions) out.push(...withRemedy(judgePermissions(ctx, workflowPermissions, '*', mapReach)));
  jobs.forEach((job, i) => {
    if (job.permissions) out.push(...withRemedy(judgePermissions(ctx, job.permissions, job.id, 'none'), i));
  });

  const unset = jobs.filter((j) => !j.permissions);
  if (!workflowPermissions && jobsEntry && unset.length > 0 && !reusableOnly) {
    out.push(...withRemedy([{
      ruleId: GHA_RULES.defaultPermissions.id, span: jobsEntry.keySpan, confidence: 'validated',
      message: `No \`permissions\` block at workflow level, nor on ${unset.length === jobs.length ? 'any job' : `job${unset.length > 1 ? 's' : ''} ${unset.map((j) => `\`${j.id}\``).join(', ')}`}: ${unset.length > 1 ? 'they run' : 'it runs'} with the repository's default GITHUB_TOKEN permissions, read-write on older repositories and many organisations. Declare \`permissions: {}\` or \`contents: read\` at the top and grant more per job.`,
      evidence: [`jobs without permissions: ${unset.map((j) => j.id).join(', ')}`],
    }]));
  }

  for (const job of jobs) out.push(...judgeSteps(ctx, stepsOf(job.node), job.id));
  if (triggers.pullRequestTarget) out.push(...judgePullRequestTarget(ctx, jobs, workflowPermissions, triggers.pullRequestTarget));
  return out;
}

function judgeCompositeAction(ctx: ScanContext, doc: DataNode): RawFinding[] {
  if (stringValue(get(doc, 'runs', 'using')) !== 'composite') return [];
  return judgeSteps(ctx, stepsOf(get(doc, 'runs')), '(composite action)');
}

function triggersOf(doc: DataNode): { names: string[]; pullRequestTarget?: Span } {
  // YAML 1.1 readers turn the key `on` into `true`; accept both spellings.
  const on = entry(doc, 'on') ?? entry(doc, 'true');
  if (!on) return { names: [] };
  const value = on.value;
  const items = value.kind === 'object'
    ? value.entries.map((e) => ({ name: e.key, span: e.keySpan }))
    : stringList(value).map((s) => ({ name: s.value, span: s.node.span }));
  return { names: items.map((i) => i.name), pullRequestTarget: items.find((i) => i.name === 'pull_request_target')?.span };
}

/** Which jobs a workflow-level map reaches: an explicit map on a job, or one every job overrides, is not judged. */
type MapReach = 'none' | 'one' | 'many';

function judgePermissions(ctx: ScanContext, permissions: DataEntry, jobId: string, mapReach: MapReach): RawFinding[] {
  const value = permissions.value;
  const where = jobId === '*' ? 'at workflow level (every job)' : `on job \`${jobId}\``;
  const shorthand = stringValue(value);
  if (value.kind === 'scalar' && shorthand === 'write-all') {
    ctx.note?.(FACT.ciWriteAll, jobId, value.span);
    return [{
      ruleId: GHA_RULES.writeAll.id, span: value.span, confidence: 'validated',
      message: `\`permissions: write-all\` ${where}: the GITHUB_TOKEN can push code, publish packages, edit releases and mint OIDC tokens; any step, third-party actions included, holds that power. List only the scopes the job needs.`,
      evidence: [`permissions ${where}: write-all`],
    }];
  }
  if (value.kind === 'scalar' && shorthand === 'read-all') {
    return [{
      ruleId: GHA_RULES.readAll.id, span: value.span, confidence: 'validated',
      message: `\`permissions: read-all\` ${where}: the GITHUB_TOKEN can read every scope, security events and private packages included. List only the scopes the job needs (often \`contents: read\`).`,
      evidence: [`permissions ${where}: read-all`],
    }];
  }
  // An explicit map on a job is the least-privilege form; only the workflow-level map reaches every job.
  if (mapReach === 'none' || value.kind !== 'object') return [];
  return value.entries.flatMap((scope) => {
    if (stringValue(scope.value) !== 'write') return [];
    const severity: Severity = mapReach === 'one' || LOW_WRITE_SCOPES.has(scope.key) ? 'low' : HIGH_WRITE_SCOPES.has(scope.key) ? 'high' : 'medium';
    const reach = mapReach === 'one'
      ? 'the only job holds it today, and every job added later inherits it'
      : 'the token of every job without its own `permissions` holds it, including jobs that only build or test';
    return [{
      ruleId: GHA_RULES.workflowWriteScope.id, span: { start: scope.keySpan.start, end: scope.value.span.end }, severity, confidence: 'validated',
      message: `\`${scope.key}: write\` at workflow level lets the token ${SCOPE_REACH[scope.key] ?? `write ${scope.key}`}; ${reach}. Grant it on the job that needs it.`,
      evidence: [`workflow permissions: ${scope.key}: write`],
    }];
  });
}

function stepsOf(parent: DataNode | undefined): DataNode[] {
  const steps = get(parent, 'steps');
  return steps?.kind === 'array' ? steps.items : [];
}

function judgeSteps(ctx: ScanContext, steps: DataNode[], jobId: string): RawFinding[] {
  const out: RawFinding[] = [];
  for (const step of steps) {
    const uses = stringValue(get(step, 'uses'));
    if (!uses) continue;
    for (const c of CREDENTIAL_ACTIONS) {
      if (!c.action.test(uses)) continue;
      const input = entry(get(step, 'with'), c.input);
      const given = input && (stringValue(input.value)?.trim() || input.value.kind === 'expression');
      if (!input || !given) continue;
      const span = { start: input.keySpan.start, end: input.value.span.end };
      ctx.note?.(FACT.ciStaticCloudKeys, jobId, span);
      out.push({
        ruleId: GHA_RULES.staticCloudKeys.id, span, confidence: 'validated',
        message: `\`${uses.split('@')[0]}\` in ${jobId === '(composite action)' ? 'this composite action' : `job \`${jobId}\``} gets \`${c.input}\`, ${c.what}: a long-lived credential stored in CI that works from anywhere until someone rotates it. Use OIDC instead (${c.instead}).`,
        evidence: [`action: ${uses}`, `input: ${c.input}`],
      });
    }
  }
  return out;
}

/**
 * The pull request's head checked out in a step, by `actions/checkout` or by a command. Expressions are
 * read from the source text: the tree was parsed with `${{ }}` blanked.
 */
function headCheckout(ctx: ScanContext, steps: DataNode[]): Span | undefined {
  for (const step of steps) {
    const uses = stringValue(get(step, 'uses')) ?? '';
    if (/^actions\/checkout@/i.test(uses)) {
      for (const input of ['ref', 'repository']) {
        const value = get(step, 'with', input);
        if (value && HEAD_REF.test(ctx.text.slice(value.span.start, value.span.end))) return value.span;
      }
    }
    const run = get(step, 'run');
    const command = run && HEAD_CHECKOUT_COMMAND.exec(ctx.text.slice(run.span.start, run.span.end));
    if (run && command) return { start: run.span.start + command.index, end: run.span.start + command.index + command[0].length };
  }
  return undefined;
}

function writeScopes(permissions: DataEntry | undefined): string[] {
  if (!permissions) return [];
  const value = permissions.value;
  if (stringValue(value) === 'write-all') return ['write-all'];
  return value.kind === 'object' ? value.entries.filter((e) => stringValue(e.value) === 'write').map((e) => e.key) : [];
}

function judgePullRequestTarget(ctx: ScanContext, jobs: Job[], workflowPermissions: DataEntry | undefined, trigger: Span): RawFinding[] {
  const out: RawFinding[] = [];
  let anyCheckout = false;
  for (const job of jobs) {
    const checkout = headCheckout(ctx, stepsOf(job.node));
    if (!checkout) continue;
    anyCheckout = true;
    const effective = job.permissions ?? workflowPermissions;
    const writes = writeScopes(effective);
    const undeclared = !effective;
    const severity: Severity = writes.length ? 'critical' : 'high';
    const token = writes.length ? `a token with ${writes.join(', ')} write access` : undeclared ? 'the default token (read-write on many repositories)' : 'the base repository\'s secrets';
    out.push({
      ruleId: GHA_RULES.pwnRequest.id, span: checkout, severity, confidence: 'validated',
      message: `Job \`${job.id}\` runs on \`pull_request_target\` and checks out the pull request's head: code from any fork then runs with ${token} and the repository's secrets ("pwn request"). Use \`pull_request\`, or keep the checkout of untrusted code in a job without secrets or write access.`,
      evidence: ['trigger: pull_request_target', 'checkout of the pull request head', ...(writes.length ? [`write scopes: ${writes.join(', ')}`] : [])],
    });
  }
  if (anyCheckout) return out;
  const writers = jobs.map((j) => ({ job: j, writes: writeScopes(j.permissions ?? workflowPermissions) })).filter((w) => w.writes.length);
  if (writers.length === 0) return out;
  const scopes = [...new Set(writers.flatMap((w) => w.writes))];
  out.push({
    ruleId: GHA_RULES.pwnRequest.id, span: trigger, severity: 'medium', confidence: 'validated',
    message: `\`pull_request_target\` runs with ${scopes.join(', ')} write access (job${writers.length > 1 ? 's' : ''} ${writers.map((w) => `\`${w.job.id}\``).join(', ')}) for pull requests from any fork. No step checks out the pull request's code now; any step that builds, tests or evaluates its content would run it with that token.`,
    evidence: ['trigger: pull_request_target', `write scopes: ${scopes.join(', ')}`],
  });
  return out;
}
