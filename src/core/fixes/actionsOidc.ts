// GitHub Actions: a step that hands static cloud keys to a credentials action switches to OIDC
// (short-lived tokens, nothing to leak): `role-to-assume` for aws-actions/configure-aws-credentials,
// `workload_identity_provider` + `service_account` for google-github-actions/auth, a federated
// azure/login. The job gets `id-token: write` and keeps its other permissions. Pure over the
// workflow text and an offset inside the step.
import type { TextEdit } from '../types';

export type CloudAction = 'aws' | 'gcp' | 'azure';

export interface OidcChange {
  cloud: CloudAction;
  title: string;
  description: string;
  edits: TextEdit[];
  /** The `with:` inputs removed (static keys), with their values as written. */
  removed: { input: string; value: string }[];
}

const REVIEW = '# TODO(keyhole): review';

const ACTIONS: { cloud: CloudAction; uses: RegExp; keys: string[] }[] = [
  { cloud: 'aws', uses: /^aws-actions\/configure-aws-credentials@/, keys: ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'] },
  { cloud: 'gcp', uses: /^google-github-actions\/auth@/, keys: ['credentials_json'] },
  { cloud: 'azure', uses: /^azure\/login@/, keys: ['creds'] },
];

/** The scopes `read-all` grants, spelled out so that one of them can become `write`. */
const ALL_SCOPES = ['actions', 'attestations', 'checks', 'contents', 'deployments', 'discussions', 'issues', 'packages', 'pages', 'pull-requests', 'repository-projects', 'security-events', 'statuses'];

interface Line {
  start: number;
  /** End of the content, before the line break. */
  end: number;
  /** Start of the next line. */
  next: number;
  indent: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const next = nl === -1 ? text.length + 1 : nl + 1;
    const end = nl === -1 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
    const content = text.slice(start, end);
    out.push({ start, end, next: Math.min(next, text.length), indent: /^ */.exec(content)![0].length, text: content });
    if (nl === -1) break;
    start = next;
  }
  return out;
}

const blank = (l: Line) => /^\s*(?:#.*)?$/.test(l.text);

/** Lines that belong to the block opened by `lines[at]` (deeper indented, blank or comment lines included). */
function blockEnd(lines: Line[], at: number, indent = lines[at].indent): number {
  let i = at + 1;
  let last = at;
  for (; i < lines.length; i++) {
    if (blank(lines[i])) continue;
    if (lines[i].indent <= indent) break;
    last = i;
  }
  return last;
}

function keyOf(line: Line): string | undefined {
  return /^\s*(?:-\s+)?([\w-]+)\s*:/.exec(line.text)?.[1];
}

function valueOf(line: Line): string {
  return line.text.replace(/^\s*(?:-\s+)?[\w-]+\s*:\s*/, '').replace(/\s+#.*$/, '').replace(/^(["'])(.*)\1$/, '$2');
}

/** The OIDC change for the credentials step around `offset`, or undefined when there is none to make. */
export function actionsOidcChange(text: string, offset: number): OidcChange | undefined {
  const lines = linesOf(text);
  const at = lines.findIndex((l) => offset >= l.start && offset <= l.end);
  if (at === -1) return undefined;
  // The step: the nearest list item at or above the offset whose block covers it.
  let stepLine = -1;
  for (let i = at; i >= 0; i--) {
    if (/^\s*-\s/.test(lines[i].text) && blockEnd(lines, i, lines[i].indent) >= at) {
      stepLine = i;
      break;
    }
  }
  if (stepLine === -1) return undefined;
  const stepIndent = lines[stepLine].indent;
  const keyIndent = /^\s*-\s+/.exec(lines[stepLine].text)![0].length;
  const stepEnd = blockEnd(lines, stepLine, stepIndent);
  const stepLines = lines.slice(stepLine, stepEnd + 1).map((l, k) => ({ l, i: stepLine + k }));
  const uses = stepLines.find(({ l }) => keyOf(l) === 'uses');
  const action = uses && ACTIONS.find((a) => a.uses.test(valueOf(uses.l)));
  const withLine = stepLines.find(({ l }) => keyOf(l) === 'with' && (l.indent === keyIndent || /^\s*-\s+with\s*:/.test(l.text)));
  if (!action || !withLine) return undefined;
  const withEnd = blockEnd(lines, withLine.i, withLine.l.indent === stepIndent ? keyIndent : withLine.l.indent);
  const inputs = lines.slice(withLine.i + 1, withEnd + 1).map((l, k) => ({ l, i: withLine.i + 1 + k })).filter(({ l }) => !blank(l));
  const inputIndent = inputs[0]?.l.indent ?? keyIndent + 2;
  const keys = inputs.filter(({ l }) => l.indent === inputIndent && action.keys.includes(keyOf(l) ?? ''));
  if (keys.length === 0) return undefined;

  const edits: TextEdit[] = [];
  const removed: OidcChange['removed'] = [];
  const pad = ' '.repeat(inputIndent);
  for (const [n, k] of keys.entries()) {
    const end = blockEnd(lines, k.i, k.l.indent);
    removed.push({ input: keyOf(k.l)!, value: valueOf(k.l) });
    edits.push({ span: { start: k.l.start, end: lines[end].next }, newText: n === 0 ? replacementInputs(action.cloud, pad, inputs.map(({ l }) => keyOf(l) ?? '')) : '' });
  }
  const permissions = permissionEdit(lines, stepLine, text);
  if (permissions) edits.push(permissions);
  return { cloud: action.cloud, removed, edits, ...wording(action.cloud) };
}

function replacementInputs(cloud: CloudAction, pad: string, present: string[]): string {
  const out: string[] = [];
  if (cloud === 'aws') {
    if (!present.includes('role-to-assume')) out.push(`role-to-assume: arn:aws:iam::123456789012:role/REPLACE-WITH-DEPLOY-ROLE ${REVIEW}: the role this workflow assumes`);
    if (!present.includes('aws-region')) out.push(`aws-region: us-east-1 ${REVIEW}: the region`);
  } else if (cloud === 'gcp') {
    out.push(`workload_identity_provider: projects/123456789/locations/global/workloadIdentityPools/github/providers/REPLACE-WITH-PROVIDER ${REVIEW}`);
    out.push(`service_account: REPLACE-WITH-SERVICE-ACCOUNT@PROJECT.iam.gserviceaccount.com ${REVIEW}`);
  } else {
    out.push('client-id: ${{ secrets.AZURE_CLIENT_ID }}', 'tenant-id: ${{ secrets.AZURE_TENANT_ID }}', 'subscription-id: ${{ secrets.AZURE_SUBSCRIPTION_ID }}');
  }
  return out.map((l) => `${pad}${l}\n`).join('');
}

function wording(cloud: CloudAction): { title: string; description: string } {
  switch (cloud) {
    case 'aws': return {
      title: 'Use OIDC instead of static AWS keys (role-to-assume, id-token: write)',
      description: 'Create an IAM role that trusts GitHub\'s OIDC provider (token.actions.githubusercontent.com) for this repository, put its ARN in role-to-assume, then delete the access key secrets and deactivate the keys.',
    };
    case 'gcp': return {
      title: 'Use workload identity federation instead of a service-account key (id-token: write)',
      description: 'Create a workload identity pool and provider for GitHub, let it impersonate the service account, fill in workload_identity_provider and service_account, then delete the key and its secret.',
    };
    case 'azure': return {
      title: 'Use a federated azure/login (OIDC) instead of a client secret (id-token: write)',
      description: 'Add a federated credential for this repository to the app registration (or a user-assigned managed identity), store AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_SUBSCRIPTION_ID as secrets, then delete the client secret.',
    };
  }
}

/** `id-token: write` on the step's job, its other permissions kept; `contents: read` as well when the job had no block. */
function permissionEdit(lines: Line[], stepLine: number, text: string): TextEdit | undefined {
  // The job: the nearest line above the step, two levels up (`jobs:` → `<job>:` → `steps:`).
  let stepsLine = -1;
  for (let i = stepLine - 1; i >= 0; i--) {
    if (!blank(lines[i]) && lines[i].indent < lines[stepLine].indent + (lines[stepLine].text.trimStart().startsWith('-') ? 1 : 0) && keyOf(lines[i]) === 'steps') {
      stepsLine = i;
      break;
    }
    if (!blank(lines[i]) && lines[i].indent < lines[stepLine].indent) break;
  }
  if (stepsLine === -1) return undefined;
  let jobLine = -1;
  for (let i = stepsLine - 1; i >= 0; i--) {
    if (!blank(lines[i]) && lines[i].indent < lines[stepsLine].indent) {
      jobLine = i;
      break;
    }
  }
  if (jobLine === -1) return undefined;
  const jobIndent = lines[stepsLine].indent;
  const jobEnd = blockEnd(lines, jobLine);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const pad = ' '.repeat(jobIndent);
  const unit = Math.max(2, jobIndent - lines[jobLine].indent);
  const inner = ' '.repeat(jobIndent + unit);
  const own = lines.slice(jobLine + 1, jobEnd + 1).findIndex((l) => l.indent === jobIndent && keyOf(l) === 'permissions');
  if (own !== -1) {
    const line = lines[jobLine + 1 + own];
    const value = valueOf(line);
    if (value === '') {
      const end = blockEnd(lines, jobLine + 1 + own);
      const scopes = lines.slice(jobLine + 2 + own, end + 1).filter((l) => !blank(l));
      const idToken = scopes.find((l) => keyOf(l) === 'id-token');
      if (idToken) {
        if (valueOf(idToken) === 'write') return undefined;
        return { span: { start: idToken.start, end: idToken.end }, newText: `${' '.repeat(idToken.indent)}id-token: write` };
      }
      const last = scopes[scopes.length - 1] ?? line;
      const scopeIndent = scopes[0] ? ' '.repeat(scopes[0].indent) : inner;
      return { span: { start: last.next, end: last.next }, newText: `${scopeIndent}id-token: write${eol}` };
    }
    if (value === 'write-all') return undefined;
    const keep = value === 'read-all' ? ALL_SCOPES.map((s) => `${inner}${s}: read${eol}`).join('') : '';
    return { span: { start: line.start, end: line.end }, newText: `${pad}permissions:${eol}${keep}${inner}id-token: write` };
  }
  // No job block: the job inherits the workflow's permissions (or the repository default); spell them out.
  const top = lines.findIndex((l) => l.indent === 0 && keyOf(l) === 'permissions');
  let scopes = [`contents: read`];
  if (top !== -1) {
    const value = valueOf(lines[top]);
    if (value === 'write-all') return undefined;
    if (value === 'read-all') scopes = ALL_SCOPES.map((s) => `${s}: read`);
    else if (value === '') {
      const end = blockEnd(lines, top);
      scopes = lines.slice(top + 1, end + 1).filter((l) => !blank(l)).map((l) => l.text.trim()).filter((s) => !s.startsWith('id-token'));
    } else scopes = [];
  }
  const block = [`${pad}permissions:`, ...scopes.map((s) => `${inner}${s}`), `${inner}id-token: write`].join(eol);
  const after = lines.slice(jobLine + 1, jobEnd + 1).find((l) => l.indent === jobIndent && keyOf(l) === 'runs-on') ?? lines[jobLine];
  const afterEnd = after === lines[jobLine] ? jobLine : blockEnd(lines, lines.indexOf(after));
  return { span: { start: lines[afterEnd].next, end: lines[afterEnd].next }, newText: `${block}${eol}` };
}
